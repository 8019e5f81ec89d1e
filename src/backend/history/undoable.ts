// The one rule of what can be undone: the newest save in scope that is not an undo and not yet
// undone. The UI shows its label and asks for it to be undone; it keeps no rule of its own.
import type { UndoableBatch } from '../../domain/api/history';
import type { ServiceContext } from '../context';
import { newestUndoableBatchId, type UndoScope } from '../repositories/change-log-repo';
import { planUndo } from './undo-plan';

export function undoableBatch(ctx: ServiceContext, scope: { projectId?: number | undefined; planId?: number | undefined }): UndoableBatch | null {
  const where: UndoScope =
    scope.projectId !== undefined ? { projectId: scope.projectId } : scope.planId !== undefined ? { planId: scope.planId } : {};
  const batchId = newestUndoableBatchId(ctx.db, where);
  if (batchId === null) return null;
  const plan = planUndo(ctx.db, batchId);
  const last = plan.rows[plan.rows.length - 1];
  if (!last) return null;
  return {
    batchId,
    label: plan.label,
    at: last.at,
    door: last.door,
    user: last.user,
    count: plan.rows.length,
    confirm: plan.confirm,
    blocked: plan.blocked,
  };
}
