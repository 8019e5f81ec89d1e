// Layer 2 of the Gantt: a date range and a zoom level give header cells and the
// date <-> x mapping. Linear in days; x = 0 is the start of the range's first day.
import {
  addDays,
  addUnits,
  diffDays,
  endOfUnit,
  maxDate,
  minDate,
  startOfUnit,
  type IsoDate,
  type TimeUnit,
} from './time-units';
import { headerLabel, pxPerDayOf, zoomForPxPerDay, type ZoomLevel } from './zoom-levels';

export interface DateRange {
  start: IsoDate;
  /** inclusive last day */
  end: IsoDate;
}

export interface Scale {
  start: IsoDate;
  end: IsoDate;
  days: number;
  pxPerDay: number;
  width: number;
  zoom: ZoomLevel;
}

export interface HeaderCell {
  /** first day of the unit (before clipping), what the label names */
  unitStart: IsoDate;
  label: string;
  x: number;
  width: number;
  /** the unit reaches beyond the range and was cut */
  partial: boolean;
}

function checkRange(range: DateRange): void {
  if (range.end < range.start) throw new RangeError(`日期范围无效：${range.start} 至 ${range.end}`);
}

/** Widens a range to whole units (a plan range of years stays as it is). */
export function snapRange(range: DateRange, unit: TimeUnit): DateRange {
  checkRange(range);
  return { start: startOfUnit(range.start, unit), end: endOfUnit(range.end, unit) };
}

function build(range: DateRange, zoom: ZoomLevel, pxPerDay: number): Scale {
  const days = diffDays(range.end, range.start) + 1;
  return { start: range.start, end: range.end, days, pxPerDay, width: days * pxPerDay, zoom };
}

/** A scale at the zoom level's own unit width; the range is widened to whole units. */
export function createScale(range: DateRange, zoom: ZoomLevel): Scale {
  return build(snapRange(range, zoom.unit), zoom, pxPerDayOf(zoom));
}

/**
 * Fit-all: px per day chosen so the whole range fills `width` exactly, and the header
 * rows of the finest zoom level whose labels still fit. The range is used as given
 * (print ranges are exact), unless snapUnit asks to widen it first.
 */
export function fitScale(range: DateRange, width: number, snapUnit?: TimeUnit): Scale {
  checkRange(range);
  if (!(width > 0)) throw new RangeError(`宽度必须为正数：${width}`);
  const r = snapUnit ? snapRange(range, snapUnit) : range;
  const days = diffDays(r.end, r.start) + 1;
  const pxPerDay = width / days;
  return build(r, zoomForPxPerDay(pxPerDay), pxPerDay);
}

/** x of the start (left edge) of a day; may lie outside 0..width. */
export function dateToX(scale: Scale, iso: IsoDate): number {
  return diffDays(iso, scale.start) * scale.pxPerDay;
}

/** x of the end (right edge) of a day: an inclusive end date draws through its day. */
export function dateEndToX(scale: Scale, iso: IsoDate): number {
  return (diffDays(iso, scale.start) + 1) * scale.pxPerDay;
}

/** The day under x, clamped to the range. */
export function xToDate(scale: Scale, x: number): IsoDate {
  // the epsilon absorbs float error exactly at a day's left edge
  const day = Math.min(scale.days - 1, Math.max(0, Math.floor(x / scale.pxPerDay + 1e-9)));
  return addDays(scale.start, day);
}

export function inRange(scale: Scale, iso: IsoDate): boolean {
  return iso >= scale.start && iso <= scale.end;
}

/** One row of header cells per header spec of the zoom level, coarsest first. */
export function headerRows(scale: Scale): HeaderCell[][] {
  return scale.zoom.headers.map((spec) => {
    const cells: HeaderCell[] = [];
    let unitStart = startOfUnit(scale.start, spec.unit);
    while (unitStart <= scale.end) {
      const unitEnd = endOfUnit(unitStart, spec.unit);
      const from = maxDate(unitStart, scale.start);
      const to = minDate(unitEnd, scale.end);
      const x = dateToX(scale, from);
      cells.push({
        unitStart,
        label: headerLabel(spec.format, unitStart),
        x,
        width: dateEndToX(scale, to) - x,
        partial: from !== unitStart || to !== unitEnd,
      });
      unitStart = addUnits(unitStart, spec.unit, 1);
    }
    return cells;
  });
}

/** Where the today line goes (middle of today), or null when today is off the range. */
export function todayX(scale: Scale, today: IsoDate): number | null {
  if (!inRange(scale, today)) return null;
  return dateToX(scale, today) + scale.pxPerDay / 2;
}
