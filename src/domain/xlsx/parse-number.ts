// Reads amounts the way office staff type them: numbers stored as text, full-width
// digits, thousands separators, a trailing 万元. Anything else is refused, never guessed.

export type ParsedNumber =
  | { ok: true; value: number; fromText: boolean }
  | { ok: false; reason: string };

const FULL_WIDTH_OFFSET = 0xff10 - 0x30;

/** Full-width digits and signs (０-９ ． － ＋ ，) to their ASCII forms; other characters untouched. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCodePoint(code - FULL_WIDTH_OFFSET);
    else if (ch === '．' || ch === '。') out += '.';
    else if (ch === '－' || ch === '−' || ch === '﹣') out += '-';
    else if (ch === '＋') out += '+';
    else if (ch === '，') out += ',';
    else out += ch;
  }
  return out;
}

const PLAIN = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;
const UNIT_SUFFIX = /(万元|万)$/;

/** A cell value (number or text) as a number in the sheet's unit; `fromText` when it had to be read from text. */
export function parseNumber(value: unknown): ParsedNumber {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { ok: true, value, fromText: false } : { ok: false, reason: '不是有效数字' };
  }
  if (typeof value !== 'string') return { ok: false, reason: '不是数字' };
  const compact = toHalfWidth(value).replace(/[\s\u00a0\u3000]/g, '').replace(UNIT_SUFFIX, '');
  if (compact === '') return { ok: false, reason: '为空' };
  let digits: string;
  if (PLAIN.test(compact)) digits = compact;
  else if (GROUPED.test(compact)) digits = compact.replace(/,/g, '');
  else return { ok: false, reason: `“${value.trim()}”不是数字` };
  const n = Number(digits);
  return Number.isFinite(n) ? { ok: true, value: n, fromText: true } : { ok: false, reason: `“${value.trim()}”不是数字` };
}
