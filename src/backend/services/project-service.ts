// Editing projects: every change is validated against the whole record, written in
// one transaction and recorded field by field in change_log (what history and undo read).
import { randomUUID } from 'node:crypto';
import { ApiError, type Issue } from '../../domain/api/errors';
import type { ProjectPatch } from '../../domain/api/register';
import type { Project } from '../../domain/model';
import { projectIssues } from '../../domain/project-rules';
import { parseScale } from '../../domain/scale-parser';
import type { ServiceContext } from '../context';
import { stmt } from '../db/statements';
import { insertChange, lastUndoableBatch, markUndone } from '../repositories/change-log-repo';
import {
  getProject,
  insertProject,
  insertSite,
  updateProjectFields,
  type ProjectField,
  type ProjectInsert,
  type SiteInsert,
} from '../repositories/projects-repo';
import { findPlaceId } from '../repositories/reference-repo';

export function newBatchId(): string {
  return randomUUID();
}

function encode(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

/** Fields in the patch whose value differs from the project's. metrics follow scaleText. */
export function diffPatch(project: Project, patch: ProjectPatch): Partial<ProjectInsert> {
  const changed: Partial<ProjectInsert> = {};
  for (const key of Object.keys(patch) as (keyof ProjectPatch)[]) {
    const next = patch[key];
    if (next === undefined || next === project[key]) continue;
    Object.assign(changed, { [key]: next });
  }
  if (changed.scaleText !== undefined) changed.metrics = parseScale(changed.scaleText);
  return changed;
}

/** Applies a patch; returns the fields that changed. Throws ApiError('invalid') naming each bad field. */
export function saveProjectPatch(
  ctx: ServiceContext,
  id: number,
  patch: ProjectPatch,
  batchId: string = newBatchId(),
): ProjectField[] {
  return ctx.db.transaction(() => {
    const project = getProject(ctx.db, id);
    const changed = diffPatch(project, patch);
    const issues: Issue[] = projectIssues({ ...project, ...changed });
    if (issues.length > 0) throw new ApiError('invalid', issues.map((i) => i.message).join('；'), issues);
    const fields = Object.keys(changed) as ProjectField[];
    if (fields.length === 0) return fields;
    updateProjectFields(ctx.db, id, changed);
    const at = new Date().toISOString();
    for (const field of fields) {
      if (field === 'metrics') continue; // derived from scaleText; its change is the scaleText change
      insertChange(ctx.db, {
        at,
        user: ctx.user,
        door: ctx.door,
        entity: 'project',
        entityId: id,
        projectId: id,
        field,
        oldValue: encode(project[field]),
        newValue: encode(changed[field]),
        batchId,
      });
    }
    return fields;
  })();
}

/** Reverts the newest not-yet-undone edit batch of a project; the undo is itself logged. */
export function undoLastChange(ctx: ServiceContext, id: number): ProjectField[] {
  return ctx.db.transaction(() => {
    const batch = lastUndoableBatch(ctx.db, id);
    if (batch.length === 0) throw new ApiError('conflict', '没有可撤销的修改');
    const patch: Record<string, unknown> = {};
    for (const c of batch) patch[c.field] = c.oldValue === null ? null : JSON.parse(c.oldValue);
    const undoBatch = `undo:${newBatchId()}`;
    const fields = saveProjectPatch(ctx, id, patch satisfies ProjectPatch, undoBatch);
    const marker = stmt<[string], { id: number }>(ctx.db, 'SELECT MIN(id) AS id FROM change_log WHERE batch_id = ?')
      .get(undoBatch);
    markUndone(
      ctx.db,
      batch.map((c) => c.id),
      marker?.id ?? 0,
    );
    return fields;
  })();
}

export interface ProjectWithSites extends ProjectInsert {
  sites: SiteInsert[];
}

/** Inserts a project and its sites (an import or the seed); logs one 'created' row. */
export function createProjectWithSites(
  ctx: ServiceContext,
  planId: number,
  input: ProjectWithSites,
  batchId: string = newBatchId(),
): number {
  return ctx.db.transaction(() => {
    const { sites, ...fields } = input;
    const issues = projectIssues(fields);
    if (issues.length > 0) throw new ApiError('invalid', issues.map((i) => i.message).join('；'), issues);
    const id = insertProject(ctx.db, planId, fields);
    for (const s of sites) insertSite(ctx.db, id, s, findPlaceId(ctx.db, s.town, s.village));
    insertChange(ctx.db, {
      at: new Date().toISOString(),
      user: ctx.user,
      door: ctx.door,
      entity: 'project',
      entityId: id,
      projectId: id,
      field: '*',
      oldValue: null,
      newValue: encode({ seq: fields.seq, name: fields.name }),
      batchId,
    });
    return id;
  })();
}
