// The app's one date format, whatever the OS locale: 2022-03-01 in inputs and tables,
// 2022年3月1日 in prose. Typed dates are read from the forms officers actually type —
// "2022/3/1", "2022.3.1", "2022年3月1日", "20220301", full-width digits too. Pure.
import { isIsoDate, type IsoDate } from './calendar';
import { toHalfWidth } from './xlsx/parse-number';

export type DateParse = { ok: true; date: IsoDate | null } | { ok: false; message: string };

/** what the date inputs show as a placeholder and ask for in their messages */
export const DATE_INPUT_PATTERN_HINT = 'YYYY-MM-DD';

const pad = (n: string): string => n.padStart(2, '0');

/** A typed date → ISO (null when empty), or a Chinese message saying what was read. */
export function parseDateText(text: string): DateParse {
  const t = toHalfWidth(text).replace(/[\s\u00a0\u3000]/g, '');
  if (t === '') return { ok: true, date: null };
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m?.[1] || !m[2] || !m[3]) return { ok: false, message: `日期应为 ${DATE_INPUT_PATTERN_HINT}，例如 2025-03-05，读到“${text.trim()}”` };
  const iso = `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
  if (!isIsoDate(iso)) return { ok: false, message: `日期 ${iso} 不存在` };
  return { ok: true, date: iso };
}

/** For inputs and tables: "2022-03-01"; anything unreadable is shown as given; null/'' → ''. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  const p = parseDateText(date.slice(0, 10));
  return p.ok && p.date !== null ? p.date : date;
}

/** For prose: "2022年3月1日"; anything unreadable is shown as given; null/'' → ''. */
export function formatDateLong(date: string | null | undefined): string {
  const iso = formatDate(date);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}
