// Zoom levels are data: a finest unit with its nominal width, and the header rows to
// draw (coarsest first). The scale is linear in days, so a month cell is as wide as its
// days (February a little narrower); unitWidth is the width of an average unit.
import type { TimeUnit } from './time-units';

export type ZoomId = 'year' | 'quarter' | 'month';
/** how a header cell is labelled: 2023年 / 一季度 / 3月 */
export type HeaderFormat = 'year' | 'quarter' | 'month';

export interface HeaderRowSpec {
  unit: TimeUnit;
  format: HeaderFormat;
}

export interface ZoomLevel {
  id: ZoomId;
  /** toolbar label */
  label: string;
  unit: TimeUnit;
  unitWidth: number;
  headers: readonly HeaderRowSpec[];
}

/** average days per unit, so unitWidth / days gives px per day */
export const NOMINAL_DAYS: Record<TimeUnit, number> = {
  year: 365.25,
  quarter: 365.25 / 4,
  month: 365.25 / 12,
  week: 7,
  day: 1,
};

export const ZOOM_LEVELS: readonly ZoomLevel[] = [
  { id: 'year', label: '年', unit: 'year', unitWidth: 160, headers: [{ unit: 'year', format: 'year' }] },
  {
    id: 'quarter',
    label: '季',
    unit: 'quarter',
    unitWidth: 88,
    headers: [
      { unit: 'year', format: 'year' },
      { unit: 'quarter', format: 'quarter' },
    ],
  },
  {
    id: 'month',
    label: '月',
    unit: 'month',
    unitWidth: 44,
    headers: [
      { unit: 'year', format: 'year' },
      { unit: 'month', format: 'month' },
    ],
  },
];

export function zoomLevel(id: ZoomId): ZoomLevel {
  const z = ZOOM_LEVELS.find((l) => l.id === id);
  if (!z) throw new RangeError(`未知缩放级别：${id}`);
  return z;
}

export function pxPerDayOf(z: ZoomLevel): number {
  return z.unitWidth / NOMINAL_DAYS[z.unit];
}

/** narrowest average cell width at which a level's finest labels still fit */
const MIN_CELL_PX: Record<ZoomId, number> = { month: 26, quarter: 44, year: 40 };

/**
 * The finest level whose labels still fit at a given px per day (used by fit-all and
 * print, where the width is imposed and the header must adapt).
 */
export function zoomForPxPerDay(pxPerDay: number): ZoomLevel {
  for (const id of ['month', 'quarter'] as const) {
    const z = zoomLevel(id);
    if (pxPerDay * NOMINAL_DAYS[z.unit] >= MIN_CELL_PX[id]) return z;
  }
  return zoomLevel('year');
}

const QUARTER_NAMES = ['一季度', '二季度', '三季度', '四季度'] as const;

/** label of the header cell starting at iso (a 'YYYY-MM-DD' string) */
export function headerLabel(format: HeaderFormat, iso: string): string {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  switch (format) {
    case 'year':
      return `${year}年`;
    case 'quarter':
      return QUARTER_NAMES[Math.floor((month - 1) / 3)] ?? '';
    case 'month':
      return `${month}月`;
  }
}
