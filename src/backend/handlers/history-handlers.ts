import { undoBatch } from '../history/undo';
import { undoableBatch } from '../history/undoable';
import type { HandlerTable } from './types';

export const historyHandlers = {
  'history.undoable': ({ projectId, planId }, ctx) => undoableBatch(ctx, { projectId, planId }),
  'history.undo': ({ batchId, confirm }, ctx) => undoBatch(ctx, batchId, confirm ?? false),
} satisfies HandlerTable<'history.undoable' | 'history.undo'>;
