// Money is kept as integer 元; 万元 is only a display and file unit.

const YUAN_PER_WAN = 10_000;

export function wanToYuan(wan: number): number {
  return Math.round(wan * YUAN_PER_WAN);
}

export function yuanToWan(yuan: number): number {
  return yuan / YUAN_PER_WAN;
}

/** "1234567" → "1,234,567" */
function group(digits: string): string {
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += ',' + digits.slice(i, i + 3);
  return out;
}

/** The plain decimal digits of a non-negative finite number: its shortest round-trip form, unexponented. */
function plainDigits(abs: number): string {
  const s = String(abs);
  const e = s.indexOf('e');
  if (e < 0) return s;
  const exp = Number(s.slice(e + 1));
  const mantissa = s.slice(0, e).replace('.', '');
  const point = (s.indexOf('.') < 0 || s.indexOf('.') > e ? e : s.indexOf('.')) + exp;
  if (point <= 0) return '0.' + '0'.repeat(-point) + mantissa;
  return mantissa.length <= point ? mantissa + '0'.repeat(point - mantissa.length) : mantissa.slice(0, point) + '.' + mantissa.slice(point);
}

/** Adds one to a string of decimal digits ("0999" → "1000"). */
function increment(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') i--;
  if (i < 0) return '1' + '0'.repeat(digits.length);
  return digits.slice(0, i) + String(Number(digits[i]) + 1) + '0'.repeat(digits.length - i - 1);
}

/**
 * What `new Intl.NumberFormat('en-US', { maximumFractionDigits })` prints, without Intl:
 * building the first Intl formatter loads ICU's number data, 20–50 ms at the app's start,
 * before the register can paint. Like ICU it rounds the number's shortest decimal form (so
 * 0.015 → "0.02", where toFixed gives "0.01"), ties away from zero; a test compares the two.
 */
function formatFixed(value: number, maximumFractionDigits: number): string {
  if (Number.isNaN(value)) return 'NaN';
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  const abs = Math.abs(value);
  if (abs === Infinity) return `${sign}∞`;
  const plain = plainDigits(abs);
  const dot = plain.indexOf('.');
  let whole = dot < 0 ? plain : plain.slice(0, dot);
  let fraction = dot < 0 ? '' : plain.slice(dot + 1);
  if (fraction.length > maximumFractionDigits) {
    const up = fraction.charCodeAt(maximumFractionDigits) >= 53; // '5'
    fraction = fraction.slice(0, maximumFractionDigits);
    if (up) {
      const bumped = increment(whole + fraction);
      whole = bumped.slice(0, bumped.length - maximumFractionDigits);
      fraction = bumped.slice(bumped.length - maximumFractionDigits);
    }
  }
  fraction = fraction.replace(/0+$/, '');
  return sign + group(whole) + (fraction ? '.' + fraction : '');
}

/** 637600000 元 → "63,760"; keeps up to 4 decimals (1 元 precision) without trailing zeros */
export function formatWan(yuan: number): string {
  return formatFixed(yuanToWan(yuan), 4);
}

/** for shares computed by splitting (本镇分摊): 12,723.9005 → "12,723.9" — a cent-of-万元 is noise there */
export function formatWanRounded(yuan: number): string {
  return formatFixed(yuanToWan(yuan), 2);
}
