// Amounts typed or pasted in 万元 (up to 4 decimals = 1 元), stored as integer 元.
// Accepts what office staff paste: thousands separators, full-width digits, a trailing 万元.
import { formatWan, wanToYuan } from '../money';
import { parseNumber, toHalfWidth } from '../xlsx/parse-number';

export type WanParse = { ok: true; yuan: number | null } | { ok: false; message: string };

/** 1e9 万元 = 1e13 元, the schema's ceiling */
export const MAX_WAN = 1e9;

export function parseWanText(text: string): WanParse {
  const trimmed = text.replace(/[\s\u00a0\u3000]/g, '');
  if (trimmed === '') return { ok: true, yuan: null };
  const n = parseNumber(trimmed);
  if (!n.ok) return { ok: false, message: `应为金额（万元），读到“${text.trim()}”` };
  if (n.value < 0) return { ok: false, message: '金额不能为负数' };
  if (n.value > MAX_WAN) return { ok: false, message: '金额过大' };
  const decimals = /\.(\d+)/.exec(toHalfWidth(trimmed))?.[1]?.replace(/0+$/, '') ?? '';
  if (decimals.length > 4) return { ok: false, message: '万元最多 4 位小数（精确到元）' };
  return { ok: true, yuan: wanToYuan(n.value) };
}

/** integer 元 → the text shown in a cell; null → '' */
export function formatWanCell(yuan: number | null): string {
  return yuan === null ? '' : formatWan(yuan);
}
