// Layer 1 of the Gantt: calendar arithmetic on ISO date strings ('YYYY-MM-DD').
// Dates never carry a time zone: parseISO reads them as local midnight and formatIsoDate
// writes them back, so no UTC shift can move a day. Calendar differences (not
// millisecond ones) keep DST days from counting as 23 or 25 hours.
import {
  addDays as addDaysFns,
  addMonths,
  addQuarters,
  addWeeks,
  addYears,
  differenceInCalendarDays,
  differenceInCalendarISOWeeks,
  differenceInCalendarMonths,
  differenceInCalendarQuarters,
  differenceInCalendarYears,
  endOfMonth,
  endOfQuarter,
  endOfYear,
  isValid,
  parseISO,
  startOfISOWeek,
  startOfMonth,
  startOfQuarter,
  startOfYear,
} from 'date-fns';
import { formatIsoDate } from '../../domain/calendar';

export type IsoDate = string;
export type TimeUnit = 'year' | 'quarter' | 'month' | 'week' | 'day';

// parseISO and format are the hot spots of a render (every header cell and bar edge
// goes through them), and the same few thousand dates recur: both are memoised, keyed
// by the string and by the local-midnight timestamp. Bounded so it cannot grow forever.
const CACHE_LIMIT = 50_000;
const parsed = new Map<string, number>();
const formatted = new Map<number, string>();

export function parseDate(iso: IsoDate): Date {
  const hit = parsed.get(iso);
  if (hit !== undefined) return new Date(hit);
  const d = parseISO(iso);
  if (!isValid(d)) throw new RangeError(`无效日期：${iso}`);
  if (parsed.size >= CACHE_LIMIT) parsed.clear();
  parsed.set(iso, d.getTime());
  return d;
}

export function toIso(d: Date): IsoDate {
  const t = d.getTime();
  const hit = formatted.get(t);
  if (hit !== undefined) return hit;
  const s = formatIsoDate(d);
  if (formatted.size >= CACHE_LIMIT) formatted.clear();
  formatted.set(t, s);
  return s;
}

/** one home: domain/calendar.ts */
export { isIsoDate } from '../../domain/calendar';

/** Adds n units; months clamp to the month's end (2024-01-31 + 1 month = 2024-02-29). */
export function addUnits(iso: IsoDate, unit: TimeUnit, n: number): IsoDate {
  const d = parseDate(iso);
  switch (unit) {
    case 'year':
      return toIso(addYears(d, n));
    case 'quarter':
      return toIso(addQuarters(d, n));
    case 'month':
      return toIso(addMonths(d, n));
    case 'week':
      return toIso(addWeeks(d, n));
    case 'day':
      return toIso(addDaysFns(d, n));
  }
}

export function addDays(iso: IsoDate, n: number): IsoDate {
  return addUnits(iso, 'day', n);
}

/** Whole calendar units from a to b (b − a); negative when b is before a. */
export function diffUnits(b: IsoDate, a: IsoDate, unit: TimeUnit): number {
  const db = parseDate(b);
  const da = parseDate(a);
  switch (unit) {
    case 'year':
      return differenceInCalendarYears(db, da);
    case 'quarter':
      return differenceInCalendarQuarters(db, da);
    case 'month':
      return differenceInCalendarMonths(db, da);
    case 'week':
      return differenceInCalendarISOWeeks(db, da);
    case 'day':
      return differenceInCalendarDays(db, da);
  }
}

export function diffDays(b: IsoDate, a: IsoDate): number {
  return differenceInCalendarDays(parseDate(b), parseDate(a));
}

/** First day of the unit containing iso (weeks start on Monday, as in China). */
export function startOfUnit(iso: IsoDate, unit: TimeUnit): IsoDate {
  const d = parseDate(iso);
  switch (unit) {
    case 'year':
      return toIso(startOfYear(d));
    case 'quarter':
      return toIso(startOfQuarter(d));
    case 'month':
      return toIso(startOfMonth(d));
    case 'week':
      return toIso(startOfISOWeek(d));
    case 'day':
      return iso;
  }
}

/** Last day (inclusive) of the unit containing iso. */
export function endOfUnit(iso: IsoDate, unit: TimeUnit): IsoDate {
  const d = parseDate(iso);
  switch (unit) {
    case 'year':
      return toIso(endOfYear(d));
    case 'quarter':
      return toIso(endOfQuarter(d));
    case 'month':
      return toIso(endOfMonth(d));
    case 'week':
      return addDays(startOfUnit(iso, 'week'), 6);
    case 'day':
      return iso;
  }
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}
