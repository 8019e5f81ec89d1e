// Undo: revert one whole batch in ONE IMMEDIATE transaction and log the revert as its own batch
// (undoBatchId(batchId)), whose first row the undone rows point to through undone_by.
// Before each step the row must still hold what the batch wrote; otherwise someone changed it
// since (perhaps outside the log) and the whole undo is refused: never clobber newer edits.
import { ApiError } from '../../domain/api/errors';
import { confirmationRequired, type UndoResult } from '../../domain/api/history';
import type { Project } from '../../domain/model';
import type { ServiceContext } from '../context';
import { firstChangeIdOfBatch, markBatchUndone } from '../repositories/change-log-repo';
import { getProject } from '../repositories/projects-repo';
import { identityIssuesOf, saveProjectPatch, type IdentityChange } from '../services/project-service';
import { undoBatchId } from './batch-id';
import { entityLabel } from '../../domain/entity-labels';
import { logRowDelete, logRowInsert, logRowUpdate } from './change-writer';
import { groupDigest } from './row-digest';
import { deleteRow, differingColumns, type DbRow, insertRow, readRow, referencingRows, sameValue, updateColumn } from './row-store';
import { planUndo, type RevertStep } from './undo-plan';

function changedSince(what: string): ApiError {
  return new ApiError('conflict', `无法撤销：${what}在这次修改之后又被改动过，为免覆盖较新的数据，未作任何改动。`);
}

function label(table: string, id: number): string {
  return `${entityLabel(table)}（编号 ${id}）`;
}

function projectOrNull(ctx: ServiceContext, id: number): Project | null {
  try {
    return getProject(ctx.db, id);
  } catch {
    return null;
  }
}

function applyStep(ctx: ServiceContext, step: RevertStep, undoId: string, identity: IdentityChange[]): void {
  const { db } = ctx;
  switch (step.kind) {
    case 'delete': {
      const current = readRow(db, step.table, step.id);
      if (!current) throw new ApiError('conflict', `无法撤销：${label(step.table, step.id)}已不存在，未作任何改动。`);
      if (differingColumns(db, step.table, current, step.expected).length > 0) throw changedSince(label(step.table, step.id));
      const refs = referencingRows(db, step.table, step.id);
      if (refs.length > 0) {
        const has = refs.map((r) => `${r.ids.length} 条${entityLabel(r.table)}`).join('、');
        throw new ApiError('conflict', `无法撤销：${label(step.table, step.id)}已有 ${has}，未作任何改动。`);
      }
      deleteRow(db, step.table, step.id);
      logRowDelete(ctx, step.table, current, step.projectId, undoId);
      return;
    }
    case 'insert': {
      const id = Number(step.row.id);
      if (readRow(db, step.table, id)) throw new ApiError('conflict', `无法撤销：${label(step.table, id)}的编号已被占用，未作任何改动。`);
      let stored: DbRow;
      try {
        stored = insertRow(db, step.table, step.row);
      } catch (e) {
        // e.g. the site's project is gone: say so instead of a raw SQLite error
        if (e instanceof Error && 'code' in e && String(e.code).startsWith('SQLITE_CONSTRAINT')) {
          throw new ApiError('conflict', `无法撤销：${label(step.table, id)}无法还原（所属记录已不存在或数据冲突），未作任何改动。`);
        }
        throw e;
      }
      logRowInsert(ctx, step.table, stored, step.projectId, undoId);
      if (step.table === 'project') identity.push({ id, seq: true, name: true });
      return;
    }
    case 'set': {
      const current = readRow(db, step.table, step.id);
      if (!current) throw new ApiError('conflict', `无法撤销：${label(step.table, step.id)}已不存在，未作任何改动。`);
      if (!sameValue(current[step.column], step.expected)) throw changedSince(label(step.table, step.id));
      if (sameValue(current[step.column], step.value)) return;
      updateColumn(db, step.table, step.id, step.column, step.value);
      logRowUpdate(ctx, step.table, step.id, step.projectId, step.column, current[step.column], step.value, undoId);
      return;
    }
    case 'projectPatch': {
      const project = projectOrNull(ctx, step.id);
      if (!project) throw new ApiError('conflict', `无法撤销：项目（编号 ${step.id}）已不存在，未作任何改动。`);
      const fields = Object.keys(step.expected) as (keyof typeof project)[];
      if (fields.some((f) => !sameValue(project[f], step.expected[f]))) throw changedSince(`项目「${project.name}」`);
      // 序号/name checked once all steps are done: a swap of two 序号 is briefly a clash
      saveProjectPatch(ctx, step.id, step.patch, undoId, { deferIdentityCheck: identity });
      return;
    }
  }
}

/** Reverts batch `batchId` whole, or refuses (ApiError 'conflict') and changes nothing. */
export function undoBatch(ctx: ServiceContext, batchId: string, confirm = false): UndoResult {
  return ctx.db
    .transaction((): UndoResult => {
      const plan = planUndo(ctx.db, batchId);
      if (plan.blocked) throw new ApiError('conflict', plan.blocked);
      if (plan.confirm && !confirm) throw confirmationRequired(plan.confirm);
      // rows logged compactly: all must still be as the batch wrote them before any is deleted
      for (const g of plan.digestGroups) {
        if (groupDigest(ctx.db, g.table, g.ids, g.columns) !== g.digest) throw changedSince(`本次新建的 ${g.ids.length} 个${entityLabel(g.table)}中有记录`);
      }
      const undoId = undoBatchId(batchId);
      const identity: IdentityChange[] = [];
      for (const step of plan.steps) applyStep(ctx, step, undoId, identity);
      const clashes = identityIssuesOf(ctx, identity);
      if (clashes.length > 0) throw new ApiError('conflict', `无法撤销：${clashes.map((i) => i.message).join('；')}，未作任何改动。`, clashes);
      const marker = firstChangeIdOfBatch(ctx.db, undoId);
      if (marker === null) throw new ApiError('conflict', '这次修改没有可撤销的内容：数据已是修改前的样子。');
      const undone = markBatchUndone(ctx.db, batchId, marker);
      return { undone, label: plan.label, removedProjectIds: plan.removedProjectIds };
    })
    .immediate();
}
