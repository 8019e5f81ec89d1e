// The one home of the 'undo:' batch-id prefix. An undo is logged as its own batch whose id
// names the batch it reverted, so the undo rows point back and a batch is undone at most once.

const UNDO_PREFIX = 'undo:';

export function undoBatchId(undoneBatchId: string): string {
  return `${UNDO_PREFIX}${undoneBatchId}`;
}

export function isUndoBatch(batchId: string): boolean {
  return batchId.startsWith(UNDO_PREFIX);
}

/** SQL LIKE pattern matching undo batch ids (for queries that must skip them). */
export const UNDO_BATCH_LIKE = `${UNDO_PREFIX}%`;
