// Construction windows as the annex writes them: 2023-2025, 2023—2025年, 2023至2025,
// 2023～2025, a single year, and "2022-2025（前期论证）" where the bracket is a remark.
import { toHalfWidth } from './parse-number';

export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

export type ParsedWindow =
  | { ok: true; startYear: number; endYear: number; remark: string }
  | { ok: false; reason: string };

const RANGE_SEPARATOR = /^(?:-|—|–|―|~|～|〜|至|到|－)+$/;
const BRACKET = /[(（【\[]([^()（）【】[\]]*)[)）】\]]/g;

/** A year typed as a number or text ("2024", "２０２４年"); null when it is not a plausible year. */
export function parseYear(value: unknown): number | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
  const m = /^\s*(\d{4})\s*年?\s*$/.exec(toHalfWidth(text));
  if (!m?.[1]) return null;
  const year = Number(m[1]);
  return year >= MIN_YEAR && year <= MAX_YEAR ? year : null;
}

export function parseWindow(value: unknown): ParsedWindow {
  if (typeof value === 'number') {
    const y = parseYear(value);
    return y === null ? { ok: false, reason: `“${value}”不是 ${MIN_YEAR}–${MAX_YEAR} 之间的年份` } : { ok: true, startYear: y, endYear: y, remark: '' };
  }
  if (typeof value !== 'string' || value.trim() === '') return { ok: false, reason: '建设年限为空' };
  const original = value.trim();
  const remarks: string[] = [];
  const withoutRemarks = toHalfWidth(original).replace(BRACKET, (_all, inner: string) => {
    const r = inner.replace(/\s+/g, '');
    if (r) remarks.push(r);
    return ' ';
  });
  const compact = withoutRemarks.replace(/[\s\u00a0\u3000]/g, '');
  const m = /^(\d{4})年?(?:(.+?)(\d{4})年?)?$/.exec(compact);
  if (!m?.[1]) return { ok: false, reason: `“${original}”不是建设年限（应如 2023-2025）` };
  if (m[2] !== undefined && !RANGE_SEPARATOR.test(m[2])) {
    return { ok: false, reason: `“${original}”不是建设年限（应如 2023-2025）` };
  }
  const start = Number(m[1]);
  const end = m[3] !== undefined ? Number(m[3]) : start;
  for (const y of [start, end]) {
    if (y < MIN_YEAR || y > MAX_YEAR) return { ok: false, reason: `“${original}”中的年份 ${y} 不在 ${MIN_YEAR}–${MAX_YEAR} 之间` };
  }
  if (end < start) return { ok: false, reason: `结束年份 ${end} 早于开始年份 ${start}` };
  return { ok: true, startYear: start, endYear: end, remark: remarks.join('；') };
}

/** The inverse of parseWindow: "2023-2025", "2024", "2022-2025（前期论证）". */
export function formatWindow(startYear: number, endYear: number, remark = ''): string {
  const years = startYear === endYear ? String(startYear) : `${startYear}-${endYear}`;
  return remark.trim() ? `${years}（${remark.trim()}）` : years;
}
