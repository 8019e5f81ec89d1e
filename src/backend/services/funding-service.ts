// Funding amounts and sources: reading the grid's data with totals, rates and checks, and
// saving a whole grid (or an import) as one IMMEDIATE transaction logged as one change_log
// batch, so that history.undo reverts the whole save.
import { ApiError, type Issue } from '../../domain/api/errors';
import type { FundingSaveResult, FundingSourceInfo, FundingView } from '../../domain/api/funding';
import { applyEdits, fundingIssues, type FundingIssue } from '../../domain/funding/checks';
import { fundingTotals } from '../../domain/funding/totals';
import { amountKey, FUNDING_KIND_LABELS, type FundingAmount, type FundingCellEdit } from '../../domain/funding/types';
import { fundingYears } from '../../domain/funding/years';
import type { Project } from '../../domain/model';
import type { ServiceContext } from '../context';
import { logRowDelete, logRowInsert, logRowUpdate, newBatchId } from '../history/change-writer';
import {
  countAmountsBySource,
  deleteFundingRow,
  deleteFundingSourceRow,
  findFundingSourceByName,
  getFundingSourceRow,
  insertFundingRow,
  insertFundingSourceRow,
  listFundingRowsOfPlan,
  listFundingRowsOfProject,
  listFundingSourceRows,
  renameFundingSource,
  toAmount,
  toSource,
  updateFundingAmount,
  type FundingRow,
} from '../repositories/funding-repo';
import { getPlan, resolvePlanId } from '../repositories/plans-repo';
import { getProject, listProjects } from '../repositories/projects-repo';

/** at most this many problems are listed in one error message */
const MAX_LISTED = 20;

export function listSources(ctx: ServiceContext): FundingSourceInfo[] {
  const counts = countAmountsBySource(ctx.db);
  return listFundingSourceRows(ctx.db).map((r) => ({ ...toSource(r), amountCount: counts.get(r.id) ?? 0 }));
}

const brief = (p: Project) => ({
  id: p.id,
  seq: p.seq,
  name: p.name,
  investmentYuan: p.investmentYuan,
  startYear: p.startYear,
  endYear: p.endYear,
});

export function getFunding(ctx: ServiceContext, input: { planId?: number; projectId?: number; year?: number }): FundingView {
  const { db } = ctx;
  let planId: number;
  if (input.projectId !== undefined) {
    planId = getProject(db, input.projectId).planId;
    if (input.planId !== undefined && input.planId !== planId) {
      throw new ApiError('invalid', `项目（编号 ${input.projectId}）不属于规划（编号 ${input.planId}）`);
    }
  } else planId = resolvePlanId(db, input.planId);
  const plan = getPlan(db, planId);
  const projects = listProjects(db, planId);
  const inScope = input.projectId === undefined ? projects : projects.filter((p) => p.id === input.projectId);
  const rows = input.projectId === undefined ? listFundingRowsOfPlan(db, planId) : listFundingRowsOfProject(db, input.projectId);
  const amounts = rows.map(toAmount);
  const sources = listSources(ctx);
  const years = fundingYears([plan, ...inScope], amounts);
  const scoped = input.year === undefined ? amounts : amounts.filter((a) => a.year === input.year);
  return {
    plan,
    sources,
    projects: projects.map(brief),
    years,
    scope: { projectId: input.projectId ?? null, year: input.year ?? null },
    amounts,
    totals: fundingTotals(scoped, {
      projectIds: inScope.map((p) => p.id),
      sourceIds: sources.map((s) => s.id),
      years: input.year === undefined ? years : [input.year],
    }),
    issues: fundingIssues(inScope, sources, amounts),
  };
}

function invalid(issues: Issue[]): ApiError {
  const shown = issues.slice(0, MAX_LISTED);
  const more = issues.length > MAX_LISTED ? `（另有 ${issues.length - MAX_LISTED} 处）` : '';
  return new ApiError('invalid', `${shown.map((i) => i.message).join('；')}${more}`, shown);
}

/** Refuses edits naming a project or source that does not exist, or the same cell twice. */
function checkRefs(ctx: ServiceContext, edits: readonly FundingCellEdit[]): Map<number, Project> {
  const issues: Issue[] = [];
  const projects = new Map<number, Project>();
  const sourceIds = new Set(listFundingSourceRows(ctx.db).map((s) => s.id));
  const seen = new Set<string>();
  edits.forEach((e, i) => {
    const where = `第 ${i + 1} 个金额`;
    if (!projects.has(e.projectId)) {
      try {
        projects.set(e.projectId, getProject(ctx.db, e.projectId));
      } catch {
        issues.push({ field: `cells.${i}.projectId`, message: `${where}：找不到项目（编号 ${e.projectId}）` });
      }
    }
    if (!sourceIds.has(e.sourceId)) {
      issues.push({ field: `cells.${i}.sourceId`, message: `${where}：找不到资金来源（编号 ${e.sourceId}）` });
    }
    const key = amountKey(e);
    if (seen.has(key)) {
      issues.push({ field: `cells.${i}`, message: `${where}：与前面的金额重复（同一项目、来源、年度和${FUNDING_KIND_LABELS[e.kind]}）` });
    }
    seen.add(key);
  });
  if (issues.length > 0) throw invalid(issues);
  return projects;
}

interface PlannedWrite {
  edit: FundingCellEdit;
  existing: FundingRow | undefined;
}

/** The edits that change something, against the current rows. */
function plannedWrites(rows: readonly FundingRow[], edits: readonly FundingCellEdit[]): PlannedWrite[] {
  const byKey = new Map(rows.map((r) => [amountKey(toAmount(r)), r]));
  const writes: PlannedWrite[] = [];
  for (const edit of edits) {
    const existing = byKey.get(amountKey(edit));
    if (edit.amountYuan === null ? existing === undefined : existing?.amount_yuan === edit.amountYuan) continue;
    writes.push({ edit, existing });
  }
  return writes;
}

export interface WriteCounts {
  inserted: number;
  updated: number;
  deleted: number;
}

function performWrites(ctx: ServiceContext, writes: readonly PlannedWrite[], batchId: string): WriteCounts {
  const counts: WriteCounts = { inserted: 0, updated: 0, deleted: 0 };
  for (const { edit, existing } of writes) {
    if (existing === undefined) {
      if (edit.amountYuan === null) continue;
      const row = insertFundingRow(ctx.db, { ...edit, amountYuan: edit.amountYuan });
      logRowInsert(ctx, 'funding', { ...row }, edit.projectId, batchId);
      counts.inserted++;
    } else if (edit.amountYuan === null) {
      deleteFundingRow(ctx.db, existing.id);
      logRowDelete(ctx, 'funding', { ...existing }, edit.projectId, batchId);
      counts.deleted++;
    } else {
      updateFundingAmount(ctx.db, existing.id, edit.amountYuan);
      logRowUpdate(ctx, 'funding', existing.id, edit.projectId, 'amount_yuan', existing.amount_yuan, edit.amountYuan, batchId);
      counts.updated++;
    }
  }
  return counts;
}

function rowsOf(ctx: ServiceContext, projectIds: Iterable<number>): FundingRow[] {
  return [...projectIds].flatMap((id) => listFundingRowsOfProject(ctx.db, id));
}

/**
 * Writes edits inside the caller's transaction (the import pipeline's apply), logged under
 * batchId, with no confirmation step (the import preview showed the checks).
 */
export function writeFundingEdits(ctx: ServiceContext, edits: readonly FundingCellEdit[], batchId: string): WriteCounts {
  const projects = checkRefs(ctx, edits);
  return performWrites(ctx, plannedWrites(rowsOf(ctx, projects.keys()), edits), batchId);
}

export interface FundingEditsCheck {
  /** the edits that change something */
  changed: FundingCellEdit[];
  /** the current amounts of the edited cells (null = none), aligned with `changed` */
  before: (number | null)[];
  /** every issue of the edited projects after the edits */
  issues: FundingIssue[];
  /** errors on a project × source the edits touch: these need the user's confirmation */
  blocking: FundingIssue[];
}

/** What a set of edits would change and which checks it would fail; reads only. */
export function checkFundingEdits(ctx: ServiceContext, edits: readonly FundingCellEdit[]): FundingEditsCheck {
  const projects = checkRefs(ctx, edits);
  const rows = rowsOf(ctx, projects.keys());
  const writes = plannedWrites(rows, edits);
  const after = applyEdits(rows.map(toAmount), writes.map((w) => w.edit));
  const sources = listFundingSourceRows(ctx.db);
  const issues = fundingIssues([...projects.values()], sources, after);
  const touched = new Set(writes.map((w) => `${w.edit.projectId}:${w.edit.sourceId}`));
  return {
    changed: writes.map((w) => w.edit),
    before: writes.map((w) => w.existing?.amount_yuan ?? null),
    issues,
    blocking: issues.filter((i) => i.severity === 'error' && touched.has(`${i.projectId}:${i.sourceId}`)),
  };
}

/**
 * Saves a grid: one IMMEDIATE transaction, one change_log batch. Errors on the cells
 * touched (arrived > planned, paid > arrived) write nothing and ask for confirmation
 * unless `confirm` is set; warnings never block.
 */
export function saveFunding(
  ctx: ServiceContext,
  input: { cells: readonly FundingCellEdit[]; confirm?: boolean | undefined },
): FundingSaveResult {
  return ctx.db
    .transaction((): FundingSaveResult => {
      const check = checkFundingEdits(ctx, input.cells);
      if (check.blocking.length > 0 && input.confirm !== true) {
        return { status: 'needsConfirm', errors: check.blocking, issues: check.issues };
      }
      if (check.changed.length === 0) return { status: 'saved', changed: 0, batchId: null, issues: check.issues };
      const batchId = newBatchId();
      const rows = rowsOf(ctx, new Set(check.changed.map((e) => e.projectId)));
      performWrites(ctx, plannedWrites(rows, check.changed), batchId);
      return { status: 'saved', changed: check.changed.length, batchId, issues: check.issues };
    })
    .immediate();
}

/** All amounts of a plan (for the workbook and the dashboard). */
export function planAmounts(ctx: ServiceContext, planId: number): FundingAmount[] {
  return listFundingRowsOfPlan(ctx.db, planId).map(toAmount);
}

function nextSourceCode(existing: readonly { code: string }[]): string {
  const codes = new Set(existing.map((s) => s.code));
  let n = existing.length + 1;
  while (codes.has(`source-${n}`)) n++;
  return `source-${n}`;
}

/** Adds a source (no id) or renames one; names are unique. Logged as one batch. */
export function saveSource(ctx: ServiceContext, input: { id?: number | undefined; name: string }): FundingSourceInfo[] {
  ctx.db
    .transaction(() => {
      const clash = findFundingSourceByName(ctx.db, input.name);
      if (clash && clash.id !== input.id) throw new ApiError('conflict', `资金来源「${input.name}」已存在`, [{ field: 'name', message: `资金来源「${input.name}」已存在` }]);
      const batchId = newBatchId();
      if (input.id === undefined) {
        const all = listFundingSourceRows(ctx.db);
        const row = insertFundingSourceRow(ctx.db, {
          code: nextSourceCode(all),
          name: input.name,
          sort: Math.max(0, ...all.map((s) => s.sort)) + 1,
        });
        logRowInsert(ctx, 'funding_source', { ...row }, null, batchId);
        return;
      }
      const row = getFundingSourceRow(ctx.db, input.id);
      if (!row) throw new ApiError('not_found', `找不到资金来源（编号 ${input.id}）`);
      if (row.name === input.name) return;
      renameFundingSource(ctx.db, row.id, input.name);
      logRowUpdate(ctx, 'funding_source', row.id, null, 'name', row.name, input.name, batchId);
    })
    .immediate();
  return listSources(ctx);
}

/** Removes a source that has no amounts; a used one is refused (it can be renamed instead). */
export function removeSource(ctx: ServiceContext, id: number): FundingSourceInfo[] {
  ctx.db
    .transaction(() => {
      const row = getFundingSourceRow(ctx.db, id);
      if (!row) throw new ApiError('not_found', `找不到资金来源（编号 ${id}）`);
      const used = countAmountsBySource(ctx.db).get(id) ?? 0;
      if (used > 0) {
        throw new ApiError('conflict', `资金来源「${row.name}」已有 ${used} 笔金额，不能删除。可以改名，或先在资金填报中清除这些金额。`);
      }
      deleteFundingSourceRow(ctx.db, id);
      logRowDelete(ctx, 'funding_source', { ...row }, null, newBatchId());
    })
    .immediate();
  return listSources(ctx);
}
