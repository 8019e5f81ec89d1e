// Traffic lights: how far a project is behind its window, from the plan alone until
// progress is reported. Pure; "today" is always passed in.
import { differenceInCalendarDays, parseISO } from 'date-fns';

export type TrafficLight = 'done' | 'green' | 'yellow' | 'red' | 'notStarted';

export const LIGHT_LABELS: Record<TrafficLight, string> = {
  done: '已完成',
  green: '正常',
  yellow: '预警',
  red: '滞后',
  notStarted: '未到期',
};

export interface WindowLike {
  startYear: number;
  endYear: number;
  startDate: string | null;
  endDate: string | null;
}

/** The planned window as dates: a refined date when entered, else the whole years. */
export function plannedWindow(w: WindowLike): { start: string; end: string } {
  return {
    start: w.startDate ?? `${w.startYear}-01-01`,
    end: w.endDate ?? `${w.endYear}-12-31`,
  };
}

/** Share of the window elapsed at `today`, clamped to 0..1. */
export function elapsedShare(w: WindowLike, today: string): number {
  const { start, end } = plannedWindow(w);
  const total = differenceInCalendarDays(parseISO(end), parseISO(start)) + 1;
  const done = differenceInCalendarDays(parseISO(today), parseISO(start)) + 1;
  if (total <= 0) return 1;
  return Math.min(1, Math.max(0, done / total));
}

/**
 * percent: latest 形象进度 (0..100) or null when nothing reported.
 * Past the window and not finished is red; within the window, behind the elapsed
 * share by more than 20 points (or nothing reported past half-way) is yellow.
 */
export function trafficLight(w: WindowLike, today: string, percent: number | null): TrafficLight {
  if (percent !== null && percent >= 100) return 'done';
  const { start, end } = plannedWindow(w);
  if (today > end) return 'red';
  if (today < start) return 'notStarted';
  const expected = elapsedShare(w, today) * 100;
  if (percent === null) return expected > 50 ? 'yellow' : 'green';
  return percent + 20 < expected ? 'yellow' : 'green';
}
