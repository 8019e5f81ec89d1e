// Planned windows: the one home of "a window as dates", a site's window inherited from
// its project, the expected-to-date line (序时进度) and the window's labels. Pure; "today"
// is always passed in.
// one file per function: the 'date-fns' index loads ~300 modules
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { parseISO } from 'date-fns/parseISO';
import type { IsoDate } from './calendar';
import { dayNumber, isoDayNumber } from './day-number';

export interface WindowLike {
  startYear: number;
  endYear: number;
  /** refinements of the years once real dates are known */
  startDate: IsoDate | null;
  endDate: IsoDate | null;
}

/** A window of whole years (a plan's period, a year printed alone). */
export function yearsWindow(startYear: number, endYear: number = startYear): WindowLike {
  return { startYear, endYear, startDate: null, endDate: null };
}

/** The planned window as dates: a refined date when entered, else the whole years. */
export function plannedWindow(w: WindowLike): { start: IsoDate; end: IsoDate } {
  return {
    start: w.startDate ?? `${w.startYear}-01-01`,
    end: w.endDate ?? `${w.endYear}-12-31`,
  };
}

/**
 * A site's window: its own years when it has them, else the project's. A site with its
 * own years has no refined dates (the site table keeps years only), so the project's
 * dates are inherited only together with the project's years.
 */
export function siteWindow(project: WindowLike, site: { startYear: number | null; endYear: number | null }): WindowLike {
  return {
    startYear: site.startYear ?? project.startYear,
    endYear: site.endYear ?? project.endYear,
    startDate: site.startYear === null ? project.startDate : null,
    endDate: site.endYear === null ? project.endDate : null,
  };
}

/** years before 100 are left to date-fns: its Date.UTC reads them as 19xx, so it counts 0000-02-29 one day off */
const YEAR_100 = dayNumber(100, 1, 1);

/**
 * Calendar days from `earlier` to `later`: integer day numbers for a real 'YYYY-MM-DD' (the
 * hot path: every project and site of a plan), date-fns for any other form, so that every
 * input (and every invalid one, NaN) is answered exactly as before.
 */
function daysBetween(later: IsoDate, earlier: IsoDate): number {
  const a = isoDayNumber(later);
  const b = isoDayNumber(earlier);
  // NaN (a real-looking date that is no day) fails the test too: date-fns answers it (NaN)
  if (a !== undefined && b !== undefined && a >= YEAR_100 && b >= YEAR_100) return a - b;
  return differenceInCalendarDays(parseISO(later), parseISO(earlier));
}

/** Share of the window elapsed at the end of `today` (the start day counts as one day), clamped to 0..1. */
export function elapsedShare(w: WindowLike, today: IsoDate): number {
  const { start, end } = plannedWindow(w);
  const total = daysBetween(end, start) + 1;
  const done = daysBetween(today, start) + 1;
  if (total <= 0) return 1;
  return Math.min(1, Math.max(0, done / total));
}

/** 序时进度: the percent a project on a straight line over its planned window would show today, to 0.01. */
export function expectedPercent(w: WindowLike, today: IsoDate): number {
  return Math.round(elapsedShare(w, today) * 10_000) / 100;
}

const ym = (d: IsoDate): string => `${Number(d.slice(0, 4))}.${Number(d.slice(5, 7))}`;

/**
 * Short label for grids: "2021—2023年", "2023年"; once refined, year.month
 * ("2023.3—2024.10", "2023.3—2024").
 */
export function windowLabel(w: WindowLike): string {
  if (w.startDate || w.endDate) {
    return `${w.startDate ? ym(w.startDate) : w.startYear}—${w.endDate ? ym(w.endDate) : w.endYear}`;
  }
  return w.startYear === w.endYear ? `${w.startYear}年` : `${w.startYear}—${w.endYear}年`;
}

/** Exact label for tooltips, workbooks and the project page: "2023-03-01 至 2025年". */
export function windowLabelExact(w: WindowLike): string {
  if (!w.startDate && !w.endDate) return windowLabel(w);
  return `${w.startDate ?? `${w.startYear}年`} 至 ${w.endDate ?? `${w.endYear}年`}`;
}

/** A site's own years, or '' when it inherits the project's window. */
export function ownYearsLabel(site: { startYear: number | null; endYear: number | null }): string {
  if (site.startYear === null || site.endYear === null) return '';
  return windowLabel({ startYear: site.startYear, endYear: site.endYear, startDate: null, endDate: null });
}
