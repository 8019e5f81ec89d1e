// History and undo: the backend holds the ONE rule of what can be undone; the UI asks it.
// Every save (a form, a grid, a whole import) is one batch; 'history.undo' reverts a whole batch.
import { z } from 'zod';
import { ApiError } from './errors';
import type { Door } from '../model';
import { rawText, TOKEN_MAX } from './text';

const id = z.number().int().positive();

export const historySchemas = {
  /** the newest batch that can be undone, for one project, one plan, or (neither) the whole database */
  'history.undoable': z.object({ projectId: id.optional(), planId: id.optional() }),
  /** confirm: true is needed when the undo removes projects (the undo of their creation) */
  'history.undo': z.object({ batchId: rawText(TOKEN_MAX, '批次编号'), confirm: z.boolean().optional() }),
};

export interface UndoableBatch {
  batchId: string;
  /** the button text, e.g. "撤销：修改 投资估算", "撤销本次导入（附件1.xlsx，3 个项目）" */
  label: string;
  at: string;
  door: Door;
  user: string;
  /** change_log rows in the batch */
  count: number;
  /** a question to ask before undoing (it removes projects), or null */
  confirm: string | null;
  /** why it cannot be undone now (a later save changed the same rows), or null */
  blocked: string | null;
}

export interface UndoResult {
  /** change_log rows reverted */
  undone: number;
  label: string;
  /** projects the undo removed (the undo of their creation) */
  removedProjectIds: number[];
}

export interface HistoryOutputs {
  'history.undoable': UndoableBatch | null;
  'history.undo': UndoResult;
}

/** The issue field that marks "ask the user, then send again with confirm: true". */
export const CONFIRM_FIELD = 'confirm';

/** The refusal that asks for a confirmation: code 'conflict', the question as message and issue. */
export function confirmationRequired(question: string): ApiError {
  return new ApiError('conflict', question, [{ field: CONFIRM_FIELD, message: question }]);
}

/** The question, when an error is a request for confirmation; else null. */
export function confirmationQuestion(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'conflict') return null;
  return error.issues.find((i) => i.field === CONFIRM_FIELD)?.message ?? null;
}
