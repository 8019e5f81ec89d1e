// Calendar helpers on ISO strings: dates 'YYYY-MM-DD', report months 'YYYY-MM'. The one
// home of "today as an ISO date" (local calendar, not UTC: an office in Beijing at 07:00
// is already on today's date). Pure apart from localIsoDate's default argument.
// one file per function: the 'date-fns' index loads ~300 modules, a cost the parse worker's start
// (and any unbundled Node process) pays in full
import { addMonths } from 'date-fns/addMonths';
import { differenceInCalendarMonths } from 'date-fns/differenceInCalendarMonths';
import { endOfMonth } from 'date-fns/endOfMonth';
import { parseISO } from 'date-fns/parseISO';
import { daysInMonth, isoDateParts, isoDateText, isoMonthParts, isRealDay } from './day-number';

export type IsoDate = string;
export type IsoMonth = string;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * `d`'s local calendar date exactly as date-fns's format(d, 'yyyy-MM-dd') prints it (a year
 * before 1 as its era year: 0 → 0001), without that module: it brings date-fns's English
 * locale tables, which the app's start bundle would otherwise evaluate. A test compares the two.
 */
export function formatIsoDate(d: Date): IsoDate {
  if (Number.isNaN(d.getTime())) throw new RangeError('Invalid time value');
  const year = d.getFullYear();
  return `${pad(year > 0 ? year : 1 - year, 4)}-${pad(d.getMonth() + 1, 2)}-${pad(d.getDate(), 2)}`;
}

/** The local calendar date of `d` as 'YYYY-MM-DD'. */
export function localIsoDate(d: Date = new Date()): IsoDate {
  return formatIsoDate(d);
}

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isIsoMonth(s: string): boolean {
  return MONTH_PATTERN.test(s);
}

const realMonth = (m: number): boolean => m >= 1 && m <= 12;

/** '2026-11-29' -> '2026-11' */
export function monthOf(date: IsoDate): IsoMonth {
  return date.slice(0, 7);
}

/** Whole calendar months from `from` to `to` ('2026-08' -> '2026-11' is 3); negative when `to` is earlier. */
export function monthsBetween(from: IsoMonth, to: IsoMonth): number {
  // arithmetic for 'YYYY-MM' (every project of the plan asks); date-fns for any other form
  const f = isoMonthParts(from);
  const t = isoMonthParts(to);
  if (f && t && realMonth(f.m) && realMonth(t.m)) return (t.y - f.y) * 12 + (t.m - f.m);
  return differenceInCalendarMonths(parseISO(`${to}-01`), parseISO(`${from}-01`));
}

/** The date `n` calendar months after `date`; a day past the month's end is clamped (11-30 + 3 -> 02-29 in a leap year). */
export function addMonthsToDate(date: IsoDate, n: number): IsoDate {
  // arithmetic for a real 'YYYY-MM-DD' and whole n; date-fns for anything else, and for a
  // year outside 1..9999, where its 'yyyy' prints something other than the year's 4 digits
  const p = isoDateParts(date);
  if (p && isRealDay(p) && Number.isInteger(n)) {
    const index = p.y * 12 + (p.m - 1) + n;
    const y = Math.floor(index / 12);
    const m = index - y * 12 + 1;
    if (y >= 1 && y <= 9999) return isoDateText(y, m, Math.min(p.d, daysInMonth(y, m)));
  }
  return formatIsoDate(addMonths(parseISO(date), n));
}

export function firstDayOfMonth(month: IsoMonth): IsoDate {
  return `${month}-01`;
}

export function lastDayOfMonth(month: IsoMonth): IsoDate {
  const p = isoMonthParts(month);
  if (p && realMonth(p.m) && p.y >= 1) return `${month}-${daysInMonth(p.y, p.m)}`;
  return formatIsoDate(endOfMonth(parseISO(`${month}-01`)));
}

/** '2025-10-31' -> '2025年10月31日' */
export function chineseDate(date: IsoDate): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** '2024-03' -> '2024年3月' */
export function chineseMonth(month: IsoMonth): string {
  return `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
}

/** 'YYYY-MM-DD' naming a real calendar day (not 2025-02-30). */
export function isIsoDate(s: string): boolean {
  // year 0000 is a real day to date-fns, but formats as 0001 (1 BC): never round-tripped
  const p = isoDateParts(s);
  return p !== null && p.y >= 1 && isRealDay(p);
}
