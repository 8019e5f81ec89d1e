// The funding grid's model, built from funding.get: sources across (计划/到位/支付 under each),
// then row totals and rates; years down for one project, or projects down for one year.
// Pure, so the page only renders and the figures are unit-tested.
import type { FundingView } from '../../domain/api/funding';
import { applyEdits, fundingIssues, type FundingIssue } from '../../domain/funding/checks';
import { figures, formatRate } from '../../domain/funding/rates';
import { amountKey, FUNDING_KIND_SHORT, type FundingAmount, type FundingCellEdit } from '../../domain/funding/types';
import { formatWanCell, parseWanText } from '../../domain/funding/wan-input';
import { FUNDING_KINDS, type FundingKind } from '../../domain/model';
import type { GridModel } from '../grid/drafts';
import type { CellChange, GridColumn, GridFooterRow, ParseResult } from '../grid/types';

export type FundingValue = number | null;

export type FundingScope = { kind: 'project'; projectId: number } | { kind: 'year'; year: number };

interface AmountColumnRef {
  sourceId: number;
  kind: FundingKind;
}

export interface FundingGrid {
  model: GridModel<FundingValue>;
  /** per column: the source × kind it edits, null for computed columns */
  amountColumns: (AmountColumnRef | null)[];
  /** per row: the project × year it holds */
  rowRefs: { projectId: number; year: number }[];
}

function parseWan(text: string): ParseResult<FundingValue> {
  const r = parseWanText(text);
  return r.ok ? { ok: true, value: r.yuan } : { ok: false, message: r.message };
}

const sumOf = (row: readonly FundingValue[], cols: readonly number[]): number =>
  cols.reduce((s, c) => s + (row[c] ?? 0), 0);

export function buildFundingGrid(view: FundingView, scope: FundingScope, extraYears: readonly number[] = []): FundingGrid {
  const amountColumns: (AmountColumnRef | null)[] = [];
  const columns: GridColumn<FundingValue>[] = [];
  const byKind: Record<FundingKind, number[]> = { planned: [], arrived: [], paid: [] };
  for (const s of view.sources) {
    for (const kind of FUNDING_KINDS) {
      byKind[kind].push(columns.length);
      amountColumns.push({ sourceId: s.id, kind });
      columns.push({
        key: `${s.id}:${kind}`,
        header: FUNDING_KIND_SHORT[kind],
        group: s.name,
        label: `${s.name}·${FUNDING_KIND_SHORT[kind]}（万元）`,
        width: 60,
        align: 'right',
        parse: parseWan,
        format: formatWanCell,
      });
    }
  }
  for (const kind of FUNDING_KINDS) {
    const cols = byKind[kind];
    amountColumns.push(null);
    columns.push({
      kind: 'computed',
      key: `total:${kind}`,
      header: FUNDING_KIND_SHORT[kind],
      group: '合计',
      label: `合计·${FUNDING_KIND_SHORT[kind]}（万元）`,
      width: 68,
      compute: (row) => formatWanCell(sumOf(row, cols)),
    });
  }
  const rate = (key: string, header: string, pick: (row: readonly FundingValue[]) => number | null): void => {
    amountColumns.push(null);
    columns.push({ kind: 'computed', key, header, width: 64, compute: (row) => formatRate(pick(row)) });
  };
  const f = (row: readonly FundingValue[]) => figures(sumOf(row, byKind.planned), sumOf(row, byKind.arrived), sumOf(row, byKind.paid));
  rate('rate:arrival', '到位率', (row) => f(row).arrivalRate);
  rate('rate:payment', '支付率', (row) => f(row).paymentRate);

  const rowRefs =
    scope.kind === 'project'
      ? [...new Set([...view.years, ...extraYears])].sort((a, b) => a - b).map((year) => ({ projectId: scope.projectId, year }))
      : view.projects.map((p) => ({ projectId: p.id, year: scope.year }));
  const projectName = new Map(view.projects.map((p) => [p.id, `${p.seq}. ${p.name}`]));
  const rows = rowRefs.map((r) =>
    scope.kind === 'project'
      ? { key: `y:${r.year}`, header: `${r.year}年` }
      : { key: `p:${r.projectId}`, header: projectName.get(r.projectId) ?? `项目 ${r.projectId}` },
  );
  const stored = new Map(view.amounts.map((a) => [amountKey(a), a.amountYuan]));
  const values = rowRefs.map((r) =>
    amountColumns.map((c) => (c ? (stored.get(amountKey({ ...r, ...c })) ?? null) : null)),
  );
  return { model: { columns, rows, values }, amountColumns, rowRefs };
}

/** The 合计 row under the grid, from the current values. */
export function fundingFooter(grid: FundingGrid, current: readonly (readonly FundingValue[])[]): GridFooterRow {
  const columnSums = grid.model.columns.map((_, c) => current.reduce((s, row) => s + (row[c] ?? 0), 0));
  const kindSum = (kind: FundingKind): number =>
    grid.amountColumns.reduce((s, ref, c) => s + (ref?.kind === kind ? (columnSums[c] ?? 0) : 0), 0);
  const total = figures(kindSum('planned'), kindSum('arrived'), kindSum('paid'));
  const cells = grid.model.columns.map((col, c) => {
    if (grid.amountColumns[c]) return formatWanCell(columnSums[c] ?? 0);
    if (col.key === 'total:planned') return formatWanCell(total.plannedYuan);
    if (col.key === 'total:arrived') return formatWanCell(total.arrivedYuan);
    if (col.key === 'total:paid') return formatWanCell(total.paidYuan);
    if (col.key === 'rate:arrival') return formatRate(total.arrivalRate);
    if (col.key === 'rate:payment') return formatRate(total.paymentRate);
    return '';
  });
  return { key: 'total', header: '合计', cells };
}

/** Grid changes → the cells funding.save takes. */
export function toCellEdits(grid: FundingGrid, changes: readonly CellChange<FundingValue>[]): FundingCellEdit[] {
  const edits: FundingCellEdit[] = [];
  for (const ch of changes) {
    const ref = grid.amountColumns[ch.col];
    const row = grid.rowRefs[ch.row];
    if (!ref || !row) continue;
    edits.push({ ...row, ...ref, amountYuan: ch.value });
  }
  return edits;
}

/** The checks as they would be after saving the current edits (same rules as the backend). */
export function liveIssues(view: FundingView, scope: FundingScope, edits: readonly FundingCellEdit[]): FundingIssue[] {
  const projects = scope.kind === 'project' ? view.projects.filter((p) => p.id === scope.projectId) : view.projects;
  const after: FundingAmount[] = applyEdits(view.amounts, edits);
  return fundingIssues(projects, view.sources, after);
}
