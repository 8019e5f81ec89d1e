// The report month (报告期) of the monthly grid and its route. Pure: "today" always comes
// from the backend (never the browser clock), so tests and the app agree.
import { addMonthsToDate, firstDayOfMonth, isIsoMonth, monthOf, type IsoDate, type IsoMonth } from '../../domain/calendar';

/** The month officers report on by default: the one before today's. */
export function previousMonth(today: IsoDate): IsoMonth {
  return monthOf(addMonthsToDate(firstDayOfMonth(monthOf(today)), -1));
}

/** Months offered, newest first: today's month back `count` months, plus `selected` when older. */
export function monthChoices(today: IsoDate, selected: IsoMonth | null, count = 36): IsoMonth[] {
  const out: IsoMonth[] = [];
  let d = firstDayOfMonth(monthOf(today));
  for (let i = 0; i < count; i++) {
    out.push(monthOf(d));
    d = addMonthsToDate(d, -1);
  }
  if (selected && isIsoMonth(selected) && !out.includes(selected)) out.push(selected);
  return out.sort().reverse();
}

export interface ReportTarget {
  planId?: number;
  projectId?: number;
  month?: string;
}

/** '#/report?plan=1&project=10&month=2026-10' (parts left out when unknown) */
export function reportHash(t: ReportTarget): string {
  const q = new URLSearchParams();
  if (t.planId !== undefined) q.set('plan', String(t.planId));
  if (t.projectId !== undefined) q.set('project', String(t.projectId));
  if (t.month !== undefined) q.set('month', t.month);
  const s = q.toString();
  return s ? `#/report?${s}` : '#/report';
}

/** The route's parameters, ignoring what is malformed. */
export function parseReportQuery(query: string): ReportTarget {
  const q = new URLSearchParams(query);
  const id = (name: string): number | undefined => {
    const n = Number(q.get(name));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  const month = q.get('month') ?? '';
  const out: ReportTarget = {};
  const planId = id('plan');
  const projectId = id('project');
  if (planId !== undefined) out.planId = planId;
  if (projectId !== undefined) out.projectId = projectId;
  if (isIsoMonth(month)) out.month = month;
  return out;
}
