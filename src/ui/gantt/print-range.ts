// Reads the print view's query (?paper=A3|A4&range=plan|year:2024|custom&from=&to=)
// into a paper and a date range. Pure; bad values fall back to the plan with a message.
import { plannedWindow, yearsWindow } from '../../domain/schedule';
import type { Plan } from '../../domain/model';
import { isPaper, type Paper } from './print-layout';
import type { DateRange } from './scale';
import { isIsoDate } from './time-units';

export interface PrintOptions {
  paper: Paper;
  range: DateRange;
  /** "2021—2025年" or "2024年2月15日—2024年4月10日" for the page title */
  rangeLabel: string;
  includeSites: boolean;
  warning: string | null;
}

function label(r: DateRange): string {
  if (r.start.endsWith('-01-01') && r.end.endsWith('-12-31')) {
    const a = r.start.slice(0, 4);
    const b = r.end.slice(0, 4);
    return a === b ? `${a}年` : `${a}—${b}年`;
  }
  const exact = (d: string): string => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
  return `${exact(r.start)}—${exact(r.end)}`;
}

export function printOptions(params: URLSearchParams, plan: Pick<Plan, 'startYear' | 'endYear'>): PrintOptions {
  const paperParam = params.get('paper');
  const paper: Paper = isPaper(paperParam) ? paperParam : 'A3';
  const planRange = plannedWindow(yearsWindow(plan.startYear, plan.endYear));
  const rangeParam = params.get('range') ?? (params.get('from') || params.get('to') ? 'custom' : 'plan');
  let range: DateRange = planRange;
  let warning: string | null = paperParam && !isPaper(paperParam) ? `纸张“${paperParam}”无效，已改用 A3` : null;
  const year = /^year:(\d{4})$/.exec(rangeParam);
  if (year?.[1]) {
    range = plannedWindow(yearsWindow(Number(year[1])));
  } else if (rangeParam === 'custom') {
    const from = params.get('from') ?? '';
    const to = params.get('to') ?? '';
    if (isIsoDate(from) && isIsoDate(to) && from <= to) range = { start: from, end: to };
    else warning = `自定义范围“${from} 至 ${to}”无效（日期格式 YYYY-MM-DD，起不晚于止），已改用整个规划期`;
  } else if (rangeParam !== 'plan') {
    warning = `打印范围“${rangeParam}”无效，已改用整个规划期`;
  }
  return { paper, range, rangeLabel: label(range), includeSites: params.get('sites') === '1', warning };
}

/** '&expanded=1,3,10': the projects (by id) whose sites the screen shows; junk is ignored */
export function expandedParam(params: URLSearchParams): number[] {
  return (params.get('expanded') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => /^\d{1,9}$/.test(s))
    .map(Number);
}
