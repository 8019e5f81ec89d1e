// The day-number arithmetic (day-number.ts) replaced date-fns on the plan's hot path
// (序时进度, report months, the not-started deadline). It must answer exactly as the date-fns
// code it replaced, for every day of many years and for every malformed input: the
// reference implementations below are that code, kept verbatim. No test here reads the
// wall clock; the comparisons hold in any time zone (run under TZ=America/Los_Angeles too).
import { addMonths } from 'date-fns/addMonths';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { differenceInCalendarMonths } from 'date-fns/differenceInCalendarMonths';
import { endOfMonth } from 'date-fns/endOfMonth';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { describe, expect, it } from 'vitest';
import { addMonthsToDate, isIsoDate, lastDayOfMonth, monthsBetween } from '../../src/domain/calendar';
import { civilDate, dayNumber, isoDayNumber } from '../../src/domain/day-number';
import { elapsedShare, expectedPercent, type WindowLike } from '../../src/domain/schedule';

const ISO = 'yyyy-MM-dd';
const ref = {
  monthsBetween: (from: string, to: string): number => differenceInCalendarMonths(parseISO(`${to}-01`), parseISO(`${from}-01`)),
  addMonthsToDate: (date: string, n: number): string => format(addMonths(parseISO(date), n), ISO),
  lastDayOfMonth: (month: string): string => format(endOfMonth(parseISO(`${month}-01`)), ISO),
  isIsoDate: (s: string): boolean => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
    const d = parseISO(s);
    return !Number.isNaN(d.getTime()) && format(d, ISO) === s;
  },
  elapsedShare: (start: string, end: string, today: string): number => {
    const total = differenceInCalendarDays(parseISO(end), parseISO(start)) + 1;
    const done = differenceInCalendarDays(parseISO(today), parseISO(start)) + 1;
    if (total <= 0) return 1;
    return Math.min(1, Math.max(0, done / total));
  },
};

/** an outcome that can be compared, the thrown RangeError of format(Invalid Date) included */
function outcome<T>(f: () => T): T | string {
  try {
    return f();
  } catch (e) {
    return `throws ${e instanceof Error ? e.constructor.name : String(e)}`;
  }
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');
const EPOCH = parseISO('1970-01-01');
const DAY_MS = 86_400_000;

/** every day from y0-01-01 to y1-12-31 as 'YYYY-MM-DD', counted in UTC (no local calendar involved) */
function everyDay(y0: number, y1: number): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(y0, 0, 1); new Date(t).getUTCFullYear() <= y1; t += DAY_MS) {
    const d = new Date(t);
    out.push(`${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`);
  }
  return out;
}

/**
 * date-fns reads a calendar day through the local zone: where the zone skipped that day
 * (Samoa skipped 2011-12-30), its answer is about another day, so it is compared only on
 * days that exist here. The new code has no zone: those days are checked against Date.UTC.
 */
const existsHere = (s: string): boolean => ref.isIsoDate(s);

/** y-m-d is a real day of the proleptic Gregorian calendar, by UTC arithmetic (setUTCFullYear: Date.UTC reads 0..99 as 19xx) */
function utcReal(y: number, m: number, d: number): boolean {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

// 1999..2031: leap years 2000 (a 400-year century), 2004..2028, and a non-leap 2100 below
const DAYS = everyDay(1999, 2031);
const CENTURIES = [...everyDay(1899, 1901), ...everyDay(2099, 2101)];
const LOCAL_DAYS = DAYS.filter(existsHere);

const MALFORMED = [
  '',
  'abc',
  '2025-02-29',
  '2024-02-30',
  '2100-02-29',
  '2025-13-01',
  '2025-00-10',
  '2025-01-00',
  '2025-01-32',
  '2025-1-01',
  '2025-01-1',
  '2025/01/01',
  '20250301',
  '2025-060',
  '2025-W10-1',
  '2025-03',
  '2025',
  '2025-03-01T10:00',
  '2025-03-01T23:30:00Z',
  '2025-03-01T00:30+08:00',
  '2025-03-01 10:00',
  ' 2025-03-01',
  '2025-03-01 ',
  '2025-03-01\n',
  '+002025-03-01',
  '-2025-03-01',
  '２０２５-03-01',
  '2025-0a-01',
  '0000-01-01',
  '0000-02-29',
  '0001-01-01',
  '0099-12-31',
  '0004-02-29',
  '0001-03-01',
  '0099-02-28',
  '0099-12-31',
  '0100-03-01',
  '9999-12-31',
  '9999-12-30',
];
const MONTHS_MALFORMED = ['', '2025-00', '2025-13', '2025-1', '2025-001', '202503', '2025-W1', '0000-01', '0000-02', '0001-01', '0004-02', '0096-02', '0099-12', '0100-02', '9999-12', '2025-03-01', ' 2025-03', '２０２５-03'];

describe('day numbers', () => {
  it('count the days since 1970-01-01 exactly as date-fns does, every day of 1999..2031 and around 1900 and 2100', () => {
    for (const s of [...DAYS, ...CENTURIES]) {
      const [y, m, d] = s.split('-').map(Number) as [number, number, number];
      const n = Date.UTC(y, m - 1, d) / DAY_MS;
      if (existsHere(s)) expect(differenceInCalendarDays(parseISO(s), EPOCH), s).toBe(n);
      expect(isoDayNumber(s), s).toBe(n);
      expect(dayNumber(y, m, d), s).toBe(n);
      expect(civilDate(n), s).toEqual({ y, m, d });
    }
  });

  it('are consecutive across month ends, Feb 29 and year ends', () => {
    for (let i = 1; i < DAYS.length; i++) {
      expect(isoDayNumber(DAYS[i] as string), DAYS[i]).toBe((isoDayNumber(DAYS[i - 1] as string) ?? Number.NaN) + 1);
    }
  });

  it('are NaN for a YYYY-MM-DD naming no day, undefined for any other form', () => {
    expect(isoDayNumber('2025-02-29')).toBeNaN();
    expect(isoDayNumber('2025-13-01')).toBeNaN();
    expect(isoDayNumber('2024-02-29')).toBe(19782);
    expect(isoDayNumber('2025-03-01T10:00')).toBeUndefined();
    expect(isoDayNumber('２０２５-03-01')).toBeUndefined();
  });
});

describe('calendar.ts answers as the date-fns code it replaced', () => {
  it('isIsoDate, every day and every malformed input', () => {
    for (const s of [...DAYS, ...CENTURIES]) expect(isIsoDate(s), s).toBe(true);
    for (const s of [...LOCAL_DAYS, ...MALFORMED]) expect(isIsoDate(s), s).toBe(ref.isIsoDate(s));
    for (const y of [0, 1, 4, 100, 400, 1900, 2000, 9999]) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          // year 0000 is refused: date-fns formats it as 0001, so it never round-tripped
          const real = y >= 1 && utcReal(y, m, d);
          expect(isIsoDate(s), s).toBe(real);
          if (real === false || existsHere(s)) expect(isIsoDate(s), s).toBe(ref.isIsoDate(s));
        }
      }
    }
  });

  it('addMonthsToDate, every day of 1999..2031 by -25..25 months, clamping month ends', () => {
    const ns = [-25, -13, -1, 0, 1, 3, 11, 12, 13];
    for (const s of LOCAL_DAYS) {
      for (const n of ns) {
        const got = addMonthsToDate(s, n);
        if (existsHere(got)) expect(got, `${s} + ${n}`).toBe(ref.addMonthsToDate(s, n));
      }
    }
    expect(addMonthsToDate('2023-11-30', 3)).toBe('2024-02-29');
    // a day some zone skipped (Samoa, 2011-12-30) is still a day: no zone is consulted
    expect(addMonthsToDate('2011-11-30', 1)).toBe('2011-12-30');
    expect(isIsoDate('2011-12-30')).toBe(true);
    expect(addMonthsToDate('2024-01-31', 1)).toBe('2024-02-29');
  });

  it('addMonthsToDate on malformed dates, odd n and the ends of the year range', () => {
    const ns = [0, 1, -1, 12, 1.5, -1.5, 0.2, Number.NaN, Number.POSITIVE_INFINITY, 1e6, -1e6, 120_000, -24_000];
    for (const s of [...MALFORMED, '2025-01-31', '0001-03-31', '0001-01-15', '9999-11-30', '9999-12-31']) {
      for (const n of ns) expect(outcome(() => addMonthsToDate(s, n)), `${JSON.stringify(s)} + ${n}`).toEqual(outcome(() => ref.addMonthsToDate(s, n)));
    }
  });

  it('monthsBetween and lastDayOfMonth, every month of 1895..2105 and malformed months', () => {
    const months: string[] = [];
    for (let y = 1895; y <= 2105; y++) for (let m = 1; m <= 12; m++) months.push(`${y}-${pad(m, 2)}`);
    const anchors = ['1999-12', '2000-02', '2024-02', '2026-11', '2100-01'];
    for (const a of months) {
      expect(lastDayOfMonth(a), a).toBe(ref.lastDayOfMonth(a));
      for (const b of anchors) {
        expect(monthsBetween(a, b), `${a}..${b}`).toBe(ref.monthsBetween(a, b));
        expect(monthsBetween(b, a), `${b}..${a}`).toBe(ref.monthsBetween(b, a));
      }
    }
    for (const a of MONTHS_MALFORMED) {
      expect(outcome(() => lastDayOfMonth(a)), JSON.stringify(a)).toEqual(outcome(() => ref.lastDayOfMonth(a)));
      for (const b of [...anchors, ...MONTHS_MALFORMED]) {
        expect(monthsBetween(a, b), `${a}..${b}`).toEqual(ref.monthsBetween(a, b));
      }
    }
  });
});

describe('schedule.ts answers as the date-fns code it replaced', () => {
  const win = (startDate: string | null, endDate: string | null, startYear = 2024, endYear = 2026): WindowLike => ({ startYear, endYear, startDate, endDate });

  it('elapsedShare over windows starting on every day of 1999..2031', () => {
    const todays = ['2000-02-29', '2024-02-29', '2026-11-29', '2031-12-31'];
    for (let i = 0; i < LOCAL_DAYS.length; i += 1) {
      const start = LOCAL_DAYS[i] as string;
      const end = LOCAL_DAYS[Math.min(LOCAL_DAYS.length - 1, i + (i % 800))] as string;
      const today = todays[i % todays.length] as string;
      expect(elapsedShare(win(start, end), today), `${start}..${end} @ ${today}`).toBe(ref.elapsedShare(start, end, today));
      // an end before the start (total ≤ 0) is 1, as before
      expect(elapsedShare(win(end, start), today)).toBe(ref.elapsedShare(end, start, today));
    }
  });

  it('elapsedShare and expectedPercent with malformed dates and years (NaN stays NaN)', () => {
    const odd = [...MALFORMED, '2025-06-30'];
    for (const a of odd) {
      for (const b of odd) {
        expect(elapsedShare(win(a, b), '2025-03-01'), `${a}..${b}`).toEqual(ref.elapsedShare(a, b, '2025-03-01'));
        expect(elapsedShare(win('2025-01-01', '2025-12-31'), a), `today ${a}`).toEqual(ref.elapsedShare('2025-01-01', '2025-12-31', a));
      }
    }
    // whole-year windows whose years are not 4 digits fall back to date-fns' reading
    for (const [y0, y1] of [[5, 2025], [99, 2025], [2025, 12345], [-1, 2025]] as const) {
      expect(elapsedShare(win(null, null, y0, y1), '2025-03-01')).toEqual(ref.elapsedShare(`${y0}-01-01`, `${y1}-12-31`, '2025-03-01'));
    }
    expect(expectedPercent(win('2025-02-30', '2025-12-31'), '2025-03-01')).toBeNaN();
    expect(expectedPercent(win(null, null, 2024, 2024), '2024-07-01')).toBe(Math.round(ref.elapsedShare('2024-01-01', '2024-12-31', '2024-07-01') * 10_000) / 100);
  });
});
