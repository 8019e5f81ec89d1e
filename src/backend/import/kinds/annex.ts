// The annex (附件1 重点项目清单明细) import kind: diff against the target plan's projects
// (and, where 项目建设地 changes, their sites), a fingerprint of exactly those rows, and
// the writes, each row logged under the import's one batch.
import { createHash } from 'node:crypto';
import { ApiError, type Issue } from '../../../domain/api/errors';
import type { AnnexImportPreview, SiteChangeRef } from '../../../domain/api/xlsx';
import type { PlaceParts } from '../../../domain/location-parser';
import { planTitleIssues } from '../../../domain/project-rules';
import { guessCategory } from '../../../domain/xlsx/category-guess';
import type { ServiceContext } from '../../context';
import { batchLog } from '../../history/change-writer';
import { insertPlan } from '../../repositories/plans-repo';
import {
  insertProjects,
  insertSites,
  listProjects,
  listSites,
  updateProjectFields,
  type ProjectField,
  type SiteInsertRow,
} from '../../repositories/projects-repo';
import { applySiteChanges } from '../../services/site-service';
import { findPlaceId } from '../../repositories/reference-repo';
import type { ImportedProject } from '../../xlsx/annex-import';
import { defineKind, type ApplyOutcome, type ImportPlan, type ParsedWorkbook } from '../kind';
import { annexHead, annexHeadRows, derivations, diffImport, diffIssues, newProjectInput, type AnnexHead, type ChangedProject, type NewProject } from './annex-diff';
import { annexParser, type AnnexMeta } from './annex-parser';
import { diffSites, siteLabel, type SitePlan } from './annex-sites';
import { resolveTarget, type PlanTarget } from './annex-target';

interface SiteChange extends SitePlan {
  projectId: number;
}

export interface AnnexPayload {
  fileName: string;
  target: PlanTarget;
  changed: Pick<ChangedProject, 'existing' | 'patch'>[];
  added: NewProject[];
  sites: SiteChange[];
  unchanged: number;
}

/** Rows the writes depend on: the plan list, the target plan's projects, the sites about to change. */
function annexFingerprint(ctx: ServiceContext, payload: AnnexPayload): string {
  const hash = createHash('sha256');
  const feed = (sql: string, ...params: unknown[]): void => {
    // raw arrays in column order: cheap to hash, and any changed value changes the digest
    for (const row of ctx.db.prepare(sql).raw(true).all(...params)) hash.update(JSON.stringify(row)).update('\n');
    hash.update('|');
  };
  feed('SELECT id, title FROM plan ORDER BY id');
  if (payload.target.kind === 'existing') feed('SELECT * FROM project WHERE plan_id = ? ORDER BY id', payload.target.plan.id);
  const siteProjects = payload.sites.map((s) => s.projectId);
  if (siteProjects.length > 0) {
    feed('SELECT * FROM site WHERE project_id IN (SELECT value FROM json_each(?)) ORDER BY id', JSON.stringify(siteProjects));
  }
  return hash.digest('hex');
}

function toPreview(parsed: ParsedWorkbook<ImportedProject, AnnexMeta>, payload: AnnexPayload, diff: ReturnType<typeof diffImport>): {
  preview: Omit<AnnexImportPreview, 'token' | 'fileName' | 'sheet' | 'writes' | 'warnings'>;
  warnings: Issue[];
} {
  const brief = (r: ImportedProject): { seq: number; name: string } => ({ seq: r.seq, name: r.name });
  const warnings: Issue[] = [];
  const guessed = diff.added.filter((r) => !r.extras?.category && !r.headingCategory);
  if (guessed.length > 0) {
    warnings.push({
      file: parsed.fileName,
      sheet: parsed.sheet,
      message: `文件没有“类别”信息，${guessed.length} 个新增项目的类别按名称推断（如“${guessed[0]?.name}”→“${guessCategory(guessed[0]?.name ?? '')}”），导入后可在台账中修改。`,
    });
  }
  if (diff.absent.length > 0) {
    warnings.push({ message: `规划中有 ${diff.absent.length} 个项目不在此文件中（如“${diff.absent[0]?.name}”），导入不会删除它们。` });
  }
  const byId = new Map(diff.changed.map((c) => [c.existing.id, c.existing]));
  const refs = (pick: (s: SiteChange) => PlaceParts[]): SiteChangeRef[] =>
    payload.sites.flatMap((s) => {
      const p = byId.get(s.projectId);
      return pick(s).map((site) => ({ projectSeq: p?.seq ?? 0, projectName: p?.name ?? '', site: siteLabel(site) }));
    });
  const target = payload.target;
  return {
    preview: {
      kind: 'annex',
      planTitle: target.plan.title,
      planId: target.kind === 'existing' ? target.plan.id : null,
      added: diff.added.map(brief),
      changed: diff.changed.map((c) => ({ ...brief(c.row), changes: c.changes })),
      unchanged: diff.unchanged.map((u) => brief(u.row)),
      sites: { added: refs((s) => s.add), archived: refs((s) => s.archive) },
    },
    warnings,
  };
}

function annexDiff(
  ctx: ServiceContext,
  parsed: ParsedWorkbook<ImportedProject, AnnexMeta>,
  options: { planId?: number; planTitle?: string },
  head?: AnnexHead,
): ImportPlan<AnnexPayload> {
  const target = resolveTarget(ctx, { fileName: parsed.fileName, planTitle: parsed.meta.planTitle, years: parsed.rows }, options);
  const existing = target.kind === 'existing' ? listProjects(ctx.db, target.plan.id) : [];
  const derive = head?.derive ?? derivations();
  const diff = diffImport(existing, parsed.rows, derive);
  // rows sent ahead by the worker were worked out during the parse (the same pure functions)
  const added = diff.added.map((row) => head?.inputs.get(row) ?? newProjectInput(row, derive));
  const issues = diffIssues(diff, added, { file: parsed.fileName, sheet: parsed.sheet }, head?.issues);
  if (target.kind === 'new') for (const i of planTitleIssues(target.plan)) issues.push({ file: parsed.fileName, message: i.message });
  if (issues.length > 0) {
    throw new ApiError('bad_file', `${parsed.fileName}：发现 ${issues.length} 处问题，未导入任何数据。`, issues);
  }
  const sites: SiteChange[] = [];
  for (const c of diff.changed) {
    if (c.patch.locationText === undefined) continue;
    const plan = diffSites(listSites(ctx.db, c.existing.id), c.patch.locationText);
    if (plan.add.length > 0 || plan.archive.length > 0) sites.push({ projectId: c.existing.id, ...plan });
  }
  const payload: AnnexPayload = {
    fileName: parsed.fileName,
    target,
    changed: diff.changed.map(({ existing: e, patch }) => ({ existing: e, patch })),
    added,
    sites,
    unchanged: diff.unchanged.length,
  };
  const { preview, warnings } = toPreview(parsed, payload, diff);
  const siteWrites = sites.reduce((n, s) => n + s.add.length + s.archive.length, 0);
  return { preview, warnings, writes: diff.added.length + diff.changed.length + siteWrites, payload };
}

function annexApply(ctx: ServiceContext, p: AnnexPayload, batchId: string, progress: (phase: string, done: number, total: number) => void): ApplyOutcome {
  const log = batchLog(ctx, batchId);
  let planId: number;
  if (p.target.kind === 'existing') planId = p.target.plan.id;
  else {
    planId = insertPlan(ctx.db, p.target.plan);
    const row = ctx.db.prepare<[number], Record<string, unknown>>('SELECT * FROM plan WHERE id = ?').get(planId);
    if (row) log.inserted('plan', row, null);
  }
  const total = p.changed.length + p.added.length;
  let done = 0;
  const tick = (): void => {
    done++;
    if (done % 500 === 0 || done === total) progress('写入数据库', done, total);
  };
  progress('写入数据库', 0, total);
  for (const c of p.changed) {
    const id = c.existing.id;
    updateProjectFields(ctx.db, id, c.patch);
    for (const field of Object.keys(c.patch) as ProjectField[]) {
      if (field === 'metrics') continue; // derived from scaleText; its change is the scaleText change
      log.updated('project', id, id, field, c.existing[field], c.patch[field]);
    }
    tick();
  }
  for (const s of p.sites) {
    // the site engineer's one way to add and archive sites, inside this transaction and batch
    const add = s.add.map((place) => ({ seq: 0, town: place.town, village: place.village, address: place.address, scaleText: '', budgetYuan: null, startYear: null, endYear: null }));
    applySiteChanges(ctx, s.projectId, { add, archive: s.archive.map((site) => site.id) }, batchId);
  }
  // the places table does not change during the import: each town/village looked up once
  const places = new Map<string, number | null>();
  const placeId = (town: string, village: string): number | null => {
    const key = `${town}\u0000${village}`;
    let id = places.get(key);
    if (id === undefined) {
      id = findPlaceId(ctx.db, town, village);
      places.set(key, id);
    }
    return id;
  };
  // many rows a statement (insertProjects): the same rows and ids as one insert after another
  const projectIds: number[] = [];
  const siteRows: SiteInsertRow[] = [];
  const CHUNK = 500;
  for (let at = 0; at < p.added.length; at += CHUNK) {
    const chunk = p.added.slice(at, at + CHUNK);
    const ids = insertProjects(ctx.db, planId, chunk.map((n) => n.fields));
    chunk.forEach((n, i) => {
      const id = ids[i] ?? 0;
      projectIds.push(id);
      for (const s of n.sites) siteRows.push({ projectId: id, site: s, placeId: placeId(s.town, s.village) });
      tick();
    });
  }
  const siteIds = insertSites(ctx.db, siteRows);
  // logged as stored, in two statements (projects first: an undo deletes the sites first)
  log.insertedRows('project', projectIds, 'id');
  log.insertedRows('site', siteIds, 'project_id');
  const siteNote = p.sites.length > 0 ? `，建设点新增 ${p.sites.reduce((n, s) => n + s.add.length, 0)} 个、归档 ${p.sites.reduce((n, s) => n + s.archive.length, 0)} 个` : '';
  return {
    planId,
    added: p.added.length,
    changed: p.changed.length,
    unchanged: p.unchanged,
    summary: `新增 ${p.added.length} 项，修改 ${p.changed.length} 项，不变 ${p.unchanged} 项${siteNote}。`,
  };
}

export const annexKind = defineKind({
  parser: annexParser,
  headStart: { begin: annexHead, rows: annexHeadRows },
  diff: annexDiff,
  fingerprint: annexFingerprint,
  apply: annexApply,
});
