// Calendar dates as integer day numbers (days since 1970-01-01, proleptic Gregorian),
// computed from the digits alone: no Date object, so no time zone and no per-call parsing
// cost. The plan's derivation asks for 序时进度 and month arithmetic of every project and
// site (10,000s of calls); date-fns' parseISO took ~40% of that. Pure.

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** days in month `m` (1..12) of year `y` */
export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : (DAYS_IN_MONTH[m - 1] ?? 0);
}

/** The day number of y-m-d (m 1..12, d 1..31; not checked); Howard Hinnant's days_from_civil. */
export function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface CivilDate {
  y: number;
  /** 1..12 */
  m: number;
  /** 1..31 */
  d: number;
}

/** The calendar date of a day number (civil_from_days, the inverse of dayNumber). */
export function civilDate(n: number): CivilDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const ZERO = 48;

/** the value of 'd' digits at s[from..from+len), or -1 when any is not an ASCII digit */
function digits(s: string, from: number, len: number): number {
  let v = 0;
  for (let i = from; i < from + len; i++) {
    const c = s.charCodeAt(i) - ZERO;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * 'YYYY-MM-DD' read as its three numbers, or null when `s` is not of that exact shape.
 * The numbers are not checked against the calendar (2025-02-30 is read as 2025, 2, 30).
 */
export function isoDateParts(s: string): CivilDate | null {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  const y = digits(s, 0, 4);
  const m = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  return y < 0 || m < 0 || d < 0 ? null : { y, m, d };
}

/** 'YYYY-MM' read as its two numbers, month not checked, or null when not of that exact shape. */
export function isoMonthParts(s: string): { y: number; m: number } | null {
  if (s.length !== 7 || s.charCodeAt(4) !== 45) return null;
  const y = digits(s, 0, 4);
  const m = digits(s, 5, 2);
  return y < 0 || m < 0 ? null : { y, m };
}

/** whether the numbers name a real calendar day */
export function isRealDay({ y, m, d }: CivilDate): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/**
 * The day number of 'YYYY-MM-DD': NaN when it has that shape but names no real day
 * (2025-02-30, 2025-13-01), undefined when it is not of that shape at all (the caller
 * decides what other forms mean).
 */
export function isoDayNumber(s: string): number | undefined {
  const p = isoDateParts(s);
  if (p === null) return undefined;
  return isRealDay(p) ? dayNumber(p.y, p.m, p.d) : Number.NaN;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** 'YYYY-MM-DD' of y-m-d, for years 0..9999 (4 digits, zero-padded) */
export function isoDateText(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}
