// Layer 3 of the Gantt: rows -> bar geometry in pixels, clipped to the scale's range.
// (Which rows are drawn: block-window.ts.) Pure.
import type { Milestone } from '../../domain/model';
import { plannedWindow, type WindowLike } from '../../domain/schedule';
import { dateEndToX, dateToX, inRange, type Scale } from './scale';
import { addDays, maxDate, minDate, type IsoDate } from './time-units';

export interface Span {
  x: number;
  width: number;
  /** the bar goes on before the range start / after the range end */
  clippedLeft: boolean;
  clippedRight: boolean;
}

export interface PlannedBar extends Span {
  /** the window was given as whole years only (the annex's precision), per end */
  startYearOnly: boolean;
  endYearOnly: boolean;
}

export interface ActualBar extends Span {
  /** started but not finished: drawn up to today */
  running: boolean;
}

export interface MilestoneMark {
  /** centre of the milestone's day */
  x: number;
  kind: string;
  date: IsoDate;
  done: boolean;
}

export interface BarLayout {
  planned: PlannedBar | null;
  /** width of the percent-complete fill, measured from planned.x */
  progressWidth: number;
  actual: ActualBar | null;
  /** from the planned end to today, when the work is unfinished past its window */
  overdue: Span | null;
  milestones: MilestoneMark[];
}

export interface BarSource {
  window: WindowLike;
  percent: number | null;
  actualStart: IsoDate | null;
  actualEnd: IsoDate | null;
  milestones: readonly Milestone[];
}

/** Days start..end inclusive as a span, clipped to the scale; null when wholly outside. */
export function spanOf(scale: Scale, start: IsoDate, end: IsoDate): Span | null {
  if (end < start || end < scale.start || start > scale.end) return null;
  const from = maxDate(start, scale.start);
  const to = minDate(end, scale.end);
  const x = dateToX(scale, from);
  return { x, width: dateEndToX(scale, to) - x, clippedLeft: start < scale.start, clippedRight: end > scale.end };
}

function fullWidth(scale: Scale, start: IsoDate, end: IsoDate): { x0: number; x1: number } {
  return { x0: dateToX(scale, start), x1: dateEndToX(scale, end) };
}

export function layoutBars(row: BarSource, scale: Scale, today: IsoDate): BarLayout {
  const { start, end } = plannedWindow(row.window);
  const span = spanOf(scale, start, end);
  const planned: PlannedBar | null = span
    ? { ...span, startYearOnly: row.window.startDate === null, endYearOnly: row.window.endDate === null }
    : null;

  // the fill is a share of the whole planned bar, then cut to what is visible
  let progressWidth = 0;
  const pct = Math.min(100, Math.max(0, row.percent ?? 0));
  if (planned && pct > 0) {
    const { x0, x1 } = fullWidth(scale, start, end);
    const fillEnd = x0 + ((x1 - x0) * pct) / 100;
    progressWidth = Math.max(0, Math.min(fillEnd, planned.x + planned.width) - planned.x);
  }

  let actual: ActualBar | null = null;
  if (row.actualStart) {
    const running = row.actualEnd === null;
    const actualEnd = row.actualEnd ?? maxDate(today, row.actualStart);
    const s = spanOf(scale, row.actualStart, actualEnd);
    actual = s ? { ...s, running } : null;
  }

  const finished = pct >= 100 || row.actualEnd !== null;
  const overdue = !finished && today > end ? spanOf(scale, addDays(end, 1), today) : null;

  const milestones: MilestoneMark[] = [];
  for (const m of row.milestones) {
    const date = m.actualDate ?? m.plannedDate;
    if (!date || !inRange(scale, date)) continue;
    milestones.push({ x: dateToX(scale, date) + scale.pxPerDay / 2, kind: m.kind, date, done: m.actualDate !== null });
  }
  return { planned, progressWidth, actual, overdue, milestones };
}
