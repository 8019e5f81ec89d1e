// The monthly report grid's rows, built from 'progress.month': one project's sites (or the
// project itself when it has none), or every project of the plan. A row shows the month's
// report when there is one; otherwise last month's values as the starting point ("carried",
// shown greyed), with this month's investment left empty. Pure.
import type { MonthSheet, MonthSheetRow } from '../../domain/api/progress';
import type { ProgressEntry } from '../../domain/model';
import { formatWan } from '../../domain/money';
import type { GridModel } from '../grid/drafts';
import { COL, reportColumns, REPORT_FIELDS, type ReportValue } from './report-columns';

export type ReportScope = { kind: 'project'; projectId: number } | { kind: 'plan' };

export interface ReportRowRef {
  projectId: number;
  siteId: number | null;
  seqLabel: string;
  name: string;
  /** the month's latest report */
  current: ProgressEntry | null;
  /** the latest report before the month */
  previous: ProgressEntry | null;
  /** no report this month yet: the values shown are last month's */
  carried: boolean;
}

export interface ReportGrid {
  model: GridModel<ReportValue>;
  refs: ReportRowRef[];
}

/** The sheet rows a scope edits. */
export function rowsInScope(sheet: MonthSheet, scope: ReportScope): MonthSheetRow[] {
  if (scope.kind === 'plan') return sheet.rows.filter((r) => r.siteId === null);
  const mine = sheet.rows.filter((r) => r.projectId === scope.projectId);
  const sites = mine.filter((r) => r.siteId !== null);
  return sites.length > 0 ? sites : mine;
}

/** "2026-09 · 在建 · 40% · 累计 120 万元": last month's report in one line. */
export function previousSummary(e: ProgressEntry | null): string {
  if (!e) return '—';
  return `${e.reportMonth} · ${e.stage} · ${e.percent}% · 累计 ${formatWan(e.investCumulativeYuan)} 万元`;
}

function valuesOf(ref: ReportRowRef): ReportValue[] {
  const v: ReportValue[] = new Array<ReportValue>(REPORT_FIELDS.length + 1).fill(null);
  const from = ref.current ?? ref.previous;
  v[COL.stage] = from?.stage ?? '';
  v[COL.percent] = from?.percent ?? null;
  v[COL.description] = from?.description ?? '';
  // this month's investment is this month's: never carried over
  v[COL.investPeriodYuan] = ref.current?.investPeriodYuan ?? null;
  v[COL.investCumulativeYuan] = from?.investCumulativeYuan ?? null;
  v[COL.problems] = from?.problems ?? '';
  v[REPORT_FIELDS.length] = previousSummary(ref.previous);
  return v;
}

function rowTitle(ref: ReportRowRef): string {
  const lines = [`${ref.seqLabel} ${ref.name}`];
  if (ref.current) lines.push(`本月已填报（${ref.current.author}，${ref.current.date}）`);
  else if (ref.previous) lines.push('本月尚未填报：灰色为上期数值，修改后作为本月填报保存');
  else lines.push('尚未填报过进度');
  if (ref.previous) lines.push(`上期：${previousSummary(ref.previous)}`);
  return lines.join('\n');
}

export function buildReportGrid(sheet: MonthSheet, scope: ReportScope): ReportGrid {
  const refs: ReportRowRef[] = rowsInScope(sheet, scope).map((r) => ({
    projectId: r.projectId,
    siteId: r.siteId,
    seqLabel: r.seqLabel,
    name: r.name,
    current: r.current,
    previous: r.previous,
    carried: r.current === null && r.previous !== null,
  }));
  const rows = refs.map((ref) => ({
    key: `${ref.projectId}:${ref.siteId ?? ''}`,
    header: `${ref.seqLabel} ${ref.name}`,
    title: rowTitle(ref),
    ...(ref.carried ? { className: 'report-carried' } : ref.current ? { className: 'report-current' } : {}),
  }));
  return { model: { columns: reportColumns('上期填报（参考）'), rows, values: refs.map(valuesOf) }, refs };
}
