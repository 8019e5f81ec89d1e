// Editing projects: every change is validated (the changed fields' own rules, the record rules
// the change touches, one project per 序号 and name in the plan), written in one
// IMMEDIATE transaction and recorded in change_log through history/change-writer (what history
// and undo read; undo itself lives in history/undo.ts).
import { ApiError, type Issue } from '../../domain/api/errors';
import type { ProjectPatch } from '../../domain/api/register';
import type { Project } from '../../domain/model';
import { projectIdentityIssues } from '../../domain/project-identity';
import { projectEditIssues, projectIssues } from '../../domain/project-rules';
import { parseScale } from '../../domain/scale-parser';
import type { ServiceContext } from '../context';
import { logRowInsert, logRowUpdate, newBatchId } from '../history/change-writer';
import {
  getProject,
  insertProject,
  insertSite,
  listProjectIdentities,
  projectRecord,
  siteRecord,
  updateProjectFields,
  type ProjectField,
  type ProjectInsert,
  type SiteInsert,
} from '../repositories/projects-repo';
import { findPlaceId } from '../repositories/reference-repo';

/** Kept for callers that still import it from here; its home is history/change-writer. */
export { newBatchId };

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

function refuse(issues: Issue[]): never {
  throw new ApiError('invalid', issues.map((i) => i.message).join('；'), issues);
}

/** Projects whose 序号 and/or name a batch changed. */
export interface IdentityChange {
  id: number;
  seq: boolean;
  name: boolean;
}

/** The 序号/name clashes of these projects with the others of their plans (Chinese, at the field). */
export function identityIssuesOf(ctx: ServiceContext, changes: readonly IdentityChange[]): Issue[] {
  return changes.flatMap(({ id, ...touched }) => {
    const p = ctx.db.prepare<[number], { planId: number; seq: number; name: string }>('SELECT plan_id AS planId, seq, name FROM project WHERE id = ?').get(id);
    // a project the same batch removed again clashes with nothing
    return p ? projectIdentityIssues(id, p, touched, listProjectIdentities(ctx.db, p.planId)) : [];
  });
}

/** Which identity fields a diffPatch result changes. */
export function identityChange(id: number, changed: Partial<ProjectInsert>): IdentityChange {
  return { id, seq: changed.seq !== undefined, name: changed.name !== undefined };
}

export interface SaveOptions {
  /**
   * Leave the 序号/name check to the caller, who runs identityIssuesOf once its whole batch is
   * written (undo restores several projects one by one, and a swap of two 序号 passes through
   * a moment where both hold the same one). What each save changed is pushed onto this list.
   */
  deferIdentityCheck?: IdentityChange[];
}

/**
 * Applies a patch; returns the fields that changed. Throws ApiError('invalid') naming each bad
 * field. Text rules run on the changed fields only: an old over-long or multi-line value in
 * another field does not block the edit.
 */
export function saveProjectPatch(
  ctx: ServiceContext,
  id: number,
  patch: ProjectPatch,
  batchId: string = newBatchId(),
  opts: SaveOptions = {},
): ProjectField[] {
  return ctx.db.transaction(() => {
    const project = getProject(ctx.db, id);
    const changed = diffPatch(project, patch);
    const issues: Issue[] = projectEditIssues(project, changed);
    if (opts.deferIdentityCheck) opts.deferIdentityCheck.push(identityChange(id, changed));
    else {
      const next = { seq: changed.seq ?? project.seq, name: changed.name ?? project.name };
      issues.push(...projectIdentityIssues(id, next, identityChange(id, changed), listProjectIdentities(ctx.db, project.planId)));
    }
    if (issues.length > 0) refuse(issues);
    const fields = Object.keys(changed) as ProjectField[];
    if (fields.length === 0) return fields;
    updateProjectFields(ctx.db, id, changed);
    for (const field of fields) {
      if (field === 'metrics') continue; // derived from scaleText; its change is the scaleText change
      logRowUpdate(ctx, 'project', id, id, field, project[field], changed[field], batchId);
    }
    return fields;
  }).immediate();
}

export interface ProjectWithSites extends ProjectInsert {
  sites: SiteInsert[];
}

/**
 * Inserts a project and its sites (an import); logs each new row whole (CONTRACTS.md), so that
 * undo can take the creation back. Undo of a creation removes the project, after a confirmation.
 */
export function createProjectWithSites(
  ctx: ServiceContext,
  planId: number,
  input: ProjectWithSites,
  batchId: string = newBatchId(),
): number {
  return ctx.db.transaction(() => {
    const { sites, ...fields } = input;
    const issues = projectIssues(fields);
    issues.push(...projectIdentityIssues(0, fields, { seq: true, name: true }, listProjectIdentities(ctx.db, planId)));
    if (issues.length > 0) refuse(issues);
    const id = insertProject(ctx.db, planId, fields);
    logRowInsert(ctx, 'project', projectRecord(ctx.db, id), id, batchId);
    for (const s of sites) {
      const siteId = insertSite(ctx.db, id, s, findPlaceId(ctx.db, s.town, s.village));
      logRowInsert(ctx, 'site', siteRecord(ctx.db, siteId), id, batchId);
    }
    return id;
  }).immediate();
}
