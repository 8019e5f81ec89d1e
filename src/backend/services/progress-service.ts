// Progress reports and milestones. Reports are append-only: a save adds rows, the latest
// row of a project/site is its current state, and a report equal to the month's latest
// adds nothing. Every save is checked as a whole (progress-checks.ts) and written in one
// IMMEDIATE transaction with its change_log rows (one batch: 撤销 reverts the whole save).
import { ApiError, type Issue } from '../../domain/api/errors';
import type { MonthSheet, MonthSheetRow, ProjectProgress, RecordResult, progressSchemas } from '../../domain/api/progress';
import { isIsoDate } from '../../domain/calendar';
import { progressIssues, sameReport, type IssueNaming } from '../../domain/facts/progress-checks';
import { groupBy } from '../../domain/group-by';
import type { Milestone, ProgressEntry, Project, Site } from '../../domain/model';
import { siteName } from '../../domain/site-name';
import type { z } from 'zod';
import type { ServiceContext } from '../context';
import { logRowDelete, logRowInsert, logRowUpdate, newBatchId } from '../history/change-writer';
import { getPlan, resolvePlanId } from '../repositories/plans-repo';
import {
  deleteMilestone,
  insertMilestone,
  insertProgress,
  listMilestoneRows,
  listMilestones,
  listProgress,
  listProgressByPlan,
  toMilestone,
  updateMilestoneDates,
} from '../repositories/progress-repo';
import { getProject, listProjects, listSites, listSitesByPlan } from '../repositories/projects-repo';
import { loadProjectFacts } from './facts-service';

type RecordInput = z.output<(typeof progressSchemas)['progress.record']>;
type MilestoneInput = z.output<(typeof progressSchemas)['milestone.save']>;

const byNewest = (a: ProgressEntry, b: ProgressEntry): number =>
  a.reportMonth < b.reportMonth ? 1 : a.reportMonth > b.reportMonth ? -1 : b.id - a.id;

export function projectProgress(ctx: ServiceContext, projectId: number): ProjectProgress {
  const rows = loadProjectFacts(ctx, projectId);
  return {
    project: rows.project,
    sites: rows.sites,
    entries: [...rows.progress].sort(byNewest),
    milestones: rows.milestones,
    facts: rows.facts,
  };
}

/** The latest report of each month is the one that counts; entries are oldest first. */
function sheetRow(project: Project, site: Site | null, entries: readonly ProgressEntry[], month: string): MonthSheetRow {
  let current: ProgressEntry | null = null;
  let previous: ProgressEntry | null = null;
  for (const e of entries) {
    if (e.reportMonth === month) current = e;
    else if (e.reportMonth < month) previous = e;
  }
  return {
    projectId: project.id,
    siteId: site?.id ?? null,
    seqLabel: site ? `${project.seq}-${site.seq}` : String(project.seq),
    name: site ? siteName(site) : project.name,
    current,
    previous,
  };
}

/** One row per project and per site (of one project, or of the plan) for a month. */
export function monthSheet(ctx: ServiceContext, input: { month: string; planId?: number; projectId?: number }): MonthSheet {
  const one = input.projectId === undefined ? null : getProject(ctx.db, input.projectId);
  const planId = one?.planId ?? resolvePlanId(ctx.db, input.planId);
  const projects = one ? [one] : listProjects(ctx.db, planId);
  const sites = one ? groupBy(listSites(ctx.db, one.id), (s) => s.projectId) : groupBy(listSitesByPlan(ctx.db, planId), (s) => s.projectId);
  const progress = one ? groupBy(listProgress(ctx.db, one.id), (e) => e.projectId) : groupBy(listProgressByPlan(ctx.db, planId), (e) => e.projectId);
  const rows: MonthSheetRow[] = [];
  for (const p of projects) {
    const entries = progress.get(p.id) ?? [];
    const bySite = groupBy(entries, (e) => e.siteId);
    rows.push(sheetRow(p, null, bySite.get(null) ?? [], input.month));
    for (const s of [...(sites.get(p.id) ?? [])].sort((a, b) => a.seq - b.seq)) rows.push(sheetRow(p, s, bySite.get(s.id) ?? [], input.month));
  }
  return { plan: getPlan(ctx.db, planId), month: input.month, today: ctx.today(), rows };
}

/** Unknown projects and sites of another project, as issues on the entries naming them. */
function targetIssues(
  ctx: ServiceContext,
  targets: readonly { projectId: number; siteId: number | null }[],
  prefix: string,
  label: (i: number) => string = (i) => `第 ${i + 1} 条`,
): Issue[] {
  const issues: Issue[] = [];
  const known = new Map<number, { project: Project; siteIds: Set<number> } | null>();
  targets.forEach((t, i) => {
    if (!known.has(t.projectId)) {
      try {
        const project = getProject(ctx.db, t.projectId);
        known.set(t.projectId, { project, siteIds: new Set(listSites(ctx.db, t.projectId).map((s) => s.id)) });
      } catch {
        known.set(t.projectId, null);
      }
    }
    const k = known.get(t.projectId);
    if (!k) issues.push({ field: `${prefix}.${i}.projectId`, message: `${label(i)}：找不到项目（编号 ${t.projectId}）` });
    else if (t.siteId !== null && !k.siteIds.has(t.siteId)) {
      issues.push({ field: `${prefix}.${i}.siteId`, message: `${label(i)}：建设点（编号 ${t.siteId}）不属于项目「${k.project.name}」` });
    }
  });
  return issues;
}

function refuse(what: string, issues: Issue[]): never {
  const first = issues[0]?.message ?? '';
  throw new ApiError('invalid', `${what}：${first}${issues.length > 1 ? `（共 ${issues.length} 处问题）` : ''}`, issues);
}

type Draft = RecordInput['entries'][number];

/**
 * Checks and appends reports under `batchId`, inside the CALLER's IMMEDIATE write
 * transaction (the 进度月报 import calls this from its apply step). Throws ApiError
 * 'invalid' with issues named by `naming` and writes nothing when any entry is refused.
 */
export function writeProgressBatch(ctx: ServiceContext, drafts: readonly Draft[], batchId: string, naming: IssueNaming = {}): RecordResult {
  const prefix = naming.prefix ?? 'entries';
  const targets = targetIssues(ctx, drafts, prefix, naming.label);
  if (targets.length > 0) refuse('进度未保存', targets);
  const today = ctx.today();
  const history = [...new Set(drafts.map((d) => d.projectId))].flatMap((id) => listProgress(ctx.db, id));
  const issues = progressIssues(drafts, history, today, naming);
  if (issues.length > 0) refuse('进度未保存', issues);
  const ids: number[] = [];
  let unchanged = 0;
  const createdAt = new Date().toISOString();
  for (const d of drafts) {
    const monthLatest = history.filter((h) => h.projectId === d.projectId && h.siteId === d.siteId && h.reportMonth === d.reportMonth).at(-1);
    if (monthLatest && sameReport(monthLatest, d)) {
      unchanged++;
      continue;
    }
    const row = insertProgress(ctx.db, { ...d, date: today, author: d.author || ctx.user }, createdAt);
    logRowInsert(ctx, 'progress', { ...row }, d.projectId, batchId);
    ids.push(row.id);
  }
  return { recorded: ids.length, unchanged, ids, batchId: ids.length > 0 ? batchId : null };
}

/** 'progress.record': one batch, one IMMEDIATE transaction, all or nothing. */
export function recordProgress(ctx: ServiceContext, input: RecordInput): RecordResult {
  // the checks read inside the write lock, so nothing lands between the check and the insert
  return ctx.db.transaction(() => writeProgressBatch(ctx, input.entries, newBatchId())).immediate();
}

export function projectMilestones(ctx: ServiceContext, projectId: number): Milestone[] {
  getProject(ctx.db, projectId);
  return listMilestones(ctx.db, projectId);
}

/**
 * Sets each (site, kind) of a project: inserted, its dates updated, or removed when both
 * dates are empty. Kinds not named are left alone.
 */
export function saveMilestones(ctx: ServiceContext, input: MilestoneInput): Milestone[] {
  const { projectId, milestones: items } = input;
  const issues = targetIssues(ctx, items.map((m) => ({ projectId, siteId: m.siteId })), 'milestones', (i) => `第 ${i + 1} 个里程碑`);
  const today = ctx.today();
  const seen = new Map<string, number>();
  items.forEach((m, i) => {
    const at = (field: string, message: string) => issues.push({ field: `milestones.${i}.${field}`, message: `第 ${i + 1} 个里程碑（${m.kind}）：${message}` });
    for (const field of ['plannedDate', 'actualDate'] as const) {
      const d = m[field];
      if (d !== null && !isIsoDate(d)) at(field, `日期 ${d} 不存在`);
    }
    if (m.actualDate !== null && m.actualDate > today) at('actualDate', `实际日期 ${m.actualDate} 晚于今天（${today}），实际日期只能填已发生的`);
    const key = `${m.siteId ?? ''}:${m.kind}`;
    const first = seen.get(key);
    if (first !== undefined) at('kind', `与第 ${first + 1} 个重复`);
    else seen.set(key, i);
  });
  if (issues.length > 0) refuse('里程碑未保存', issues);
  ctx.db
    .transaction(() => {
      const batchId = newBatchId();
      const existing = new Map<string, ReturnType<typeof listMilestoneRows>[number]>();
      for (const r of listMilestoneRows(ctx.db, projectId)) {
        const key = `${r.site_id ?? ''}:${r.kind}`;
        if (!existing.has(key)) existing.set(key, r);
      }
      for (const m of items) {
        const row = existing.get(`${m.siteId ?? ''}:${m.kind}`);
        const empty = m.plannedDate === null && m.actualDate === null;
        if (!row) {
          if (!empty) logRowInsert(ctx, 'milestone', { ...insertMilestone(ctx.db, { projectId, ...m }) }, projectId, batchId);
        } else if (empty) {
          deleteMilestone(ctx.db, row.id);
          logRowDelete(ctx, 'milestone', { ...row }, projectId, batchId);
        } else if (row.planned_date !== m.plannedDate || row.actual_date !== m.actualDate) {
          updateMilestoneDates(ctx.db, row.id, m.plannedDate, m.actualDate);
          if (row.planned_date !== m.plannedDate) logRowUpdate(ctx, 'milestone', row.id, projectId, 'planned_date', row.planned_date, m.plannedDate, batchId);
          if (row.actual_date !== m.actualDate) logRowUpdate(ctx, 'milestone', row.id, projectId, 'actual_date', row.actual_date, m.actualDate, batchId);
        }
      }
    })
    .immediate();
  return listMilestoneRows(ctx.db, projectId).map(toMilestone);
}
