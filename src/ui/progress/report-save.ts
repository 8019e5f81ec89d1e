// From grid drafts to a 'progress.record' call, and from refusals back to cells. Pure.
//   - Only rows with a change are sent, each as a whole report of the month (the untouched
//     cells keep the values shown: the month's report, or last month's as the start).
//   - The same checks as the backend (progressIssues) run on the would-be entries while
//     typing, against the reports the sheet knows; the backend checks again on save (it also
//     knows later months and other people's saves) and its issues 'entries.<i>.<field>'
//     are put back on the cells of the row that entry came from.
import type { Issue } from '../../domain/api/errors';
import type { ProgressDraftInput } from '../../domain/api/progress';
import { progressIssues, type HistoryEntry } from '../../domain/facts/progress-checks';
import { isProgressStage } from '../../domain/facts/stages';
import { cellKey, evaluateGrid, withWrites, type Drafts, type GridEvaluation, type GridModel } from '../grid/drafts';
import { columnLabel, type CellProblem, type GridFooterRow } from '../grid/types';
import { COL, numberOf, REPORT_FIELDS, textOf, type ReportValue } from './report-columns';
import type { ReportGrid } from './report-grid';

export interface PendingEntry {
  /** grid row the entry comes from */
  row: number;
  input: ProgressDraftInput & { siteId: number | null; description: string; investPeriodYuan: number; problems: string };
}

/** Rows with at least one changed cell, in grid order. */
export function changedRows(evaluation: Pick<GridEvaluation<ReportValue>, 'changes'>): number[] {
  return [...new Set(evaluation.changes.map((c) => c.row))].sort((a, b) => a - b);
}

/**
 * The report each changed row would save. A row whose required cells are not filled (or
 * not valid) gives no entry: its cells carry the problem, and nothing is saved until fixed.
 */
export function pendingEntries(grid: ReportGrid, evaluation: GridEvaluation<ReportValue>, month: string): PendingEntry[] {
  const out: PendingEntry[] = [];
  for (const row of changedRows(evaluation)) {
    const ref = grid.refs[row];
    const v = evaluation.current[row];
    if (!ref || !v) continue;
    const stage = textOf(v[COL.stage] ?? null);
    const percent = numberOf(v[COL.percent]);
    const cumulative = numberOf(v[COL.investCumulativeYuan]);
    if (!isProgressStage(stage) || percent === null || cumulative === null) continue;
    out.push({
      row,
      input: {
        projectId: ref.projectId,
        siteId: ref.siteId,
        reportMonth: month,
        stage,
        percent,
        description: textOf(v[COL.description] ?? null),
        investPeriodYuan: numberOf(v[COL.investPeriodYuan]) ?? 0,
        investCumulativeYuan: cumulative,
        problems: textOf(v[COL.problems] ?? null),
      },
    });
  }
  return out;
}

/** The reports the sheet knows (the month's and the one before, per row), for the live checks. */
export function knownHistory(grid: ReportGrid): HistoryEntry[] {
  return grid.refs.flatMap((r) => [r.previous, r.current].filter((e): e is NonNullable<typeof e> => e !== null));
}

/** The backend's checks on the pending entries, as issues 'entries.<i>.<field>'. */
export function liveIssues(grid: ReportGrid, entries: readonly PendingEntry[], today: string): Issue[] {
  return progressIssues(
    entries.map((e) => e.input),
    knownHistory(grid),
    today,
  );
}

/** A problem on one cell, before it is named for the problem list. */
export interface CellIssue {
  row: number;
  col: number;
  message: string;
}

const ENTRY_FIELD = /^entries\.(\d+)\.(\w+)$/;

/** "第 3 条：累计…" → "累计…": the grid names the row itself. */
const withoutEntryNumber = (message: string): string => message.replace(/^第 \d+ 条：/, '');

/**
 * Issues naming 'entries.<i>.<field>' → the cell of the row entry i came from. A field
 * without a column (the month, the project) lands on the row's first cell. Issues that name
 * no entry are returned apart, for a banner.
 */
export function issuesToCells(issues: readonly Issue[], entries: readonly Pick<PendingEntry, 'row'>[]): { cells: CellIssue[]; other: Issue[] } {
  const cells: CellIssue[] = [];
  const other: Issue[] = [];
  for (const issue of issues) {
    const m = ENTRY_FIELD.exec(issue.field ?? '');
    const entry = m ? entries[Number(m[1])] : undefined;
    if (!m || !entry) {
      other.push(issue);
      continue;
    }
    const field = REPORT_FIELDS.find((f) => f === m[2]);
    const col = field ? COL[field] : 0;
    cells.push({ row: entry.row, col, message: withoutEntryNumber(issue.message) });
  }
  return { cells, other };
}

/** The texts typed into a row: a refusal stays on the row until one of them changes. */
export function rowSignature(drafts: Drafts, row: number, cols: number): string {
  const texts: (string | null)[] = [];
  for (let c = 0; c < cols; c++) texts.push(drafts.get(cellKey(row, c)) ?? null);
  return JSON.stringify(texts);
}

export interface ServerIssue extends CellIssue {
  signature: string;
}

export function stillStanding(issues: readonly ServerIssue[], drafts: Drafts, cols: number): CellIssue[] {
  return issues.filter((i) => rowSignature(drafts, i.row, cols) === i.signature);
}

function where(model: GridModel<ReportValue>, row: number, col: number): string {
  const r = model.rows[row];
  const c = model.columns[col];
  return `第 ${row + 1} 行（${r?.header ?? ''}），${c ? columnLabel(c) : `第 ${col + 1} 列`}`;
}

/** The grid's own problems plus cell issues (live checks, refusals), one message per cell. */
export function withCellIssues(
  model: GridModel<ReportValue>,
  evaluation: GridEvaluation<ReportValue>,
  extra: readonly CellIssue[],
): GridEvaluation<ReportValue> {
  if (extra.length === 0) return evaluation;
  const problemAt = new Map(evaluation.problemAt);
  const problems: CellProblem[] = [...evaluation.problems];
  for (const i of extra) {
    const key = cellKey(i.row, i.col);
    const had = problemAt.get(key);
    if (had === i.message || had?.includes(i.message)) continue;
    problemAt.set(key, had ? `${had}；${i.message}` : i.message);
    problems.push({ row: i.row, col: i.col, message: i.message, where: where(model, i.row, i.col) });
  }
  problems.sort((a, b) => a.row - b.row || a.col - b.col);
  return { ...evaluation, problems, problemAt };
}

/**
 * 累计 = 上期累计 + 本月, filled in when this month's investment is typed and the cumulative
 * cell has not been touched (a typed or pasted cumulative always wins). Returns the drafts
 * and the rows it filled.
 */
export function withAutoCumulative(grid: ReportGrid, before: Drafts, after: Drafts): { drafts: Drafts; filled: number[] } {
  const writes: { row: number; col: number; text: string }[] = [];
  const period = COL.investPeriodYuan;
  const cumulative = COL.investCumulativeYuan;
  const periodCol = grid.model.columns[period];
  const cumulativeCol = grid.model.columns[cumulative];
  if (!periodCol || !cumulativeCol || periodCol.kind === 'computed' || cumulativeCol.kind === 'computed') return { drafts: after, filled: [] };
  const yuanOf = (text: string | undefined): number | null => {
    if (text === undefined) return null;
    const parsed = periodCol.parse(text);
    return parsed.ok ? numberOf(parsed.value) : null;
  };
  grid.refs.forEach((ref, row) => {
    const key = cellKey(row, period);
    const text = after.get(key);
    if (text === undefined || text === before.get(key)) return;
    const cumKey = cellKey(row, cumulative);
    const cumBefore = before.get(cumKey);
    if (after.get(cumKey) !== cumBefore) return; // written in the same change (a paste): it wins
    const base = ref.previous?.investCumulativeYuan ?? 0;
    if (cumBefore !== undefined) {
      // only an earlier automatic figure is replaced, never one typed by hand
      const old = yuanOf(before.get(key));
      if (old === null || cumBefore !== cumulativeCol.format(base + old)) return;
    }
    const yuan = yuanOf(text);
    if (yuan === null) return;
    writes.push({ row, col: cumulative, text: cumulativeCol.format(base + yuan) });
  });
  if (writes.length === 0) return { drafts: after, filled: [] };
  return { drafts: withWrites(grid.model, after, writes), filled: writes.map((w) => w.row) };
}

export interface PreparedReport {
  /** the grid's problems with the live checks and standing refusals added */
  evaluation: GridEvaluation<ReportValue>;
  entries: PendingEntry[];
}

/** Everything the page shows and saves for some drafts. */
export function prepareReport(grid: ReportGrid, drafts: Drafts, month: string, today: string, refused: readonly ServerIssue[]): PreparedReport {
  const base = evaluateGrid(grid.model, drafts);
  const entries = pendingEntries(grid, base, month);
  const live = issuesToCells(liveIssues(grid, entries, today), entries).cells;
  const standing = stillStanding(refused, drafts, grid.model.columns.length);
  return { evaluation: withCellIssues(grid.model, base, [...live, ...standing]), entries };
}

/** The 合计 line: this month's and cumulative investment over the rows, in 万元. */
export function reportFooter(grid: ReportGrid, current: readonly (readonly ReportValue[])[]): GridFooterRow {
  const sum = (col: number): number => current.reduce((s, row) => s + (numberOf(row[col]) ?? 0), 0);
  const cells = grid.model.columns.map((c, col) => {
    if (col !== COL.investPeriodYuan && col !== COL.investCumulativeYuan) return '';
    return c.kind === 'computed' ? '' : c.format(sum(col));
  });
  return { key: 'total', header: `合计（${grid.refs.length} 行）`, cells };
}
