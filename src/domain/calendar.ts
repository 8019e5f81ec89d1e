// Calendar helpers on ISO strings: dates 'YYYY-MM-DD', report months 'YYYY-MM'. The one
// home of "today as an ISO date" (local calendar, not UTC: an office in Beijing at 07:00
// is already on today's date). Pure apart from localIsoDate's default argument.
// one file per function: the 'date-fns' index loads ~300 modules, a cost the parse worker's start
// (and any unbundled Node process) pays in full
import { addMonths } from 'date-fns/addMonths';
import { differenceInCalendarMonths } from 'date-fns/differenceInCalendarMonths';
import { endOfMonth } from 'date-fns/endOfMonth';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';

export type IsoDate = string;
export type IsoMonth = string;

const ISO_DATE = 'yyyy-MM-dd';

/** The local calendar date of `d` as 'YYYY-MM-DD'. */
export function localIsoDate(d: Date = new Date()): IsoDate {
  return format(d, ISO_DATE);
}

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isIsoMonth(s: string): boolean {
  return MONTH_PATTERN.test(s);
}

/** '2026-11-29' -> '2026-11' */
export function monthOf(date: IsoDate): IsoMonth {
  return date.slice(0, 7);
}

/** Whole calendar months from `from` to `to` ('2026-08' -> '2026-11' is 3); negative when `to` is earlier. */
export function monthsBetween(from: IsoMonth, to: IsoMonth): number {
  return differenceInCalendarMonths(parseISO(`${to}-01`), parseISO(`${from}-01`));
}

/** The date `n` calendar months after `date`; a day past the month's end is clamped (11-30 + 3 -> 02-29 in a leap year). */
export function addMonthsToDate(date: IsoDate, n: number): IsoDate {
  return format(addMonths(parseISO(date), n), ISO_DATE);
}

export function firstDayOfMonth(month: IsoMonth): IsoDate {
  return `${month}-01`;
}

export function lastDayOfMonth(month: IsoMonth): IsoDate {
  return format(endOfMonth(parseISO(`${month}-01`)), ISO_DATE);
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
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = parseISO(s);
  return !Number.isNaN(d.getTime()) && format(d, ISO_DATE) === s;
}
