// Editing sites (建设点) on the project page: add, edit, remove. Each save is one IMMEDIATE
// transaction and one change_log batch, so history.undo takes it back whole. A site on which
// progress or milestones were recorded is archived (hidden from lists), never deleted, and
// only after the user confirms.
import { ApiError } from '../../domain/api/errors';
import { confirmationRequired } from '../../domain/api/history';
import type { Site } from '../../domain/model';
import { siteName } from '../../domain/site-name';
import { siteIssues, type SiteFields } from '../../domain/site-rules';
import type { ServiceContext } from '../context';
import { logRowDelete, logRowInsert, logRowUpdate, newBatchId } from '../history/change-writer';
import {
  deleteSite,
  getProject,
  getSite,
  insertSite,
  nextSiteSeq,
  siteRecord,
  siteUsage,
  SITE_COLUMNS,
  updateSiteColumn,
  type SiteInsert,
} from '../repositories/projects-repo';
import { findPlaceId } from '../repositories/reference-repo';

function refuseIssues(issues: ReturnType<typeof siteIssues>): void {
  if (issues.length > 0) throw new ApiError('invalid', issues.map((i) => i.message).join('；'), issues);
}

function checkedSite(ctx: ServiceContext, projectId: number, fields: SiteFields): void {
  const project = getProject(ctx.db, projectId);
  refuseIssues(siteIssues(fields, project));
}

/** Inserts and logs one site; the caller holds the transaction. */
function addSite(ctx: ServiceContext, projectId: number, fields: SiteFields, batchId: string): number {
  checkedSite(ctx, projectId, fields);
  const insert: SiteInsert = { ...fields, seq: nextSiteSeq(ctx.db, projectId) };
  const id = insertSite(ctx.db, projectId, insert, findPlaceId(ctx.db, fields.town, fields.village));
  logRowInsert(ctx, 'site', siteRecord(ctx.db, id), projectId, batchId);
  return id;
}

/** Archives and logs one site; the caller holds the transaction. */
function archive(ctx: ServiceContext, site: Site, batchId: string): void {
  const at = ctx.today();
  updateSiteColumn(ctx.db, site.id, 'archived_at', at);
  logRowUpdate(ctx, 'site', site.id, site.projectId, 'archived_at', null, at, batchId);
}

export function createSite(ctx: ServiceContext, projectId: number, fields: SiteFields, batchId: string = newBatchId()): number {
  return ctx.db.transaction(() => addSite(ctx, projectId, fields, batchId)).immediate();
}

/** Applies a patch to a listed site; returns how many fields changed (0: nothing logged). */
export function updateSite(ctx: ServiceContext, siteId: number, patch: Partial<SiteFields>, batchId: string = newBatchId()): number {
  return ctx.db
    .transaction(() => {
      const site = getSite(ctx.db, siteId);
      if (site.archivedAt !== null) throw new ApiError('conflict', `建设点「${siteName(site)}」已归档，不能修改`);
      const next: SiteFields = { ...site, ...patch };
      checkedSite(ctx, site.projectId, next);
      const fields = (Object.keys(patch) as (keyof SiteFields)[]).filter((f) => patch[f] !== undefined && patch[f] !== site[f]);
      for (const f of fields) {
        const column = SITE_COLUMNS[f];
        updateSiteColumn(ctx.db, siteId, column, next[f]);
        logRowUpdate(ctx, 'site', siteId, site.projectId, column, site[f], next[f], batchId);
      }
      if (fields.includes('town') || fields.includes('village')) {
        // the gazetteer link follows the names; logged so that undo restores it with them
        const before = siteRecord(ctx.db, siteId).place_id ?? null;
        const after = findPlaceId(ctx.db, next.town, next.village);
        if (before !== after) {
          updateSiteColumn(ctx.db, siteId, 'place_id', after);
          logRowUpdate(ctx, 'site', siteId, site.projectId, 'place_id', before, after, batchId);
        }
      }
      return fields.length;
    })
    .immediate();
}

export type SiteRemoval = 'deleted' | 'archived';

/**
 * Deletes a site, or, when progress or milestones were recorded on it, archives it once the
 * caller confirms (without confirm: ApiError 'conflict' carrying the question; nothing changes).
 */
export function removeSite(ctx: ServiceContext, siteId: number, confirm = false, batchId: string = newBatchId()): SiteRemoval {
  return ctx.db
    .transaction((): SiteRemoval => {
      const site = getSite(ctx.db, siteId);
      if (site.archivedAt !== null) throw new ApiError('conflict', `建设点「${siteName(site)}」已归档`);
      const usage = siteUsage(ctx.db, siteId);
      if (usage.progress + usage.milestones === 0) {
        const row = siteRecord(ctx.db, siteId);
        deleteSite(ctx.db, siteId);
        logRowDelete(ctx, 'site', row, site.projectId, batchId);
        return 'deleted';
      }
      if (!confirm) {
        const has = [usage.progress ? `${usage.progress} 条进度记录` : '', usage.milestones ? `${usage.milestones} 个里程碑` : '']
          .filter(Boolean)
          .join('、');
        throw confirmationRequired(
          `建设点「${siteName(site)}」已有 ${has}，不能删除，将改为归档：归档后不再显示在台账和甘特图中，记录仍保留，可撤销。确定归档吗？`,
        );
      }
      archive(ctx, site, batchId);
      return 'archived';
    })
    .immediate();
}

export interface SiteChanges {
  add: SiteInsert[];
  /** ids of listed sites of the project to archive */
  archive: number[];
}

/**
 * For the annex import: adds and archives sites of one project as part of the caller's batch.
 * MUST be called inside the caller's IMMEDIATE write transaction (it opens none of its own).
 * Added sites are numbered after the project's existing ones, in the given order (their `seq`
 * is ignored); each is validated like a form save (ApiError 'invalid' naming the field).
 */
export function applySiteChanges(ctx: ServiceContext, projectId: number, changes: SiteChanges, batchId: string): { added: number[]; archived: number[] } {
  if (!ctx.db.inTransaction) throw new Error('applySiteChanges must run inside the caller’s transaction');
  const added = changes.add.map(({ seq: _ignored, ...fields }) => addSite(ctx, projectId, fields, batchId));
  for (const id of changes.archive) {
    const site = getSite(ctx.db, id);
    if (site.projectId !== projectId) throw new ApiError('invalid', `建设点（编号 ${id}）不属于项目（编号 ${projectId}）`);
    if (site.archivedAt === null) archive(ctx, site, batchId);
  }
  return { added, archived: changes.archive };
}
