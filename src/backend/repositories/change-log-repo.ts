// change_log and change_batch: the rows every save writes (via history/change-writer) and undo reads.
import type Database from 'better-sqlite3';
import { stmt } from '../db/statements';
import type { ChangeLogEntry, Door } from '../../domain/model';
import { isUndoBatch, UNDO_BATCH_LIKE } from '../history/batch-id';

interface ChangeRow {
  id: number;
  at: string;
  user: string;
  door: Door;
  entity: string;
  entity_id: number;
  project_id: number | null;
  field: string;
  old_value: string | null;
  new_value: string | null;
  batch_id: string;
  undone_by: number | null;
}

const toEntry = (r: ChangeRow): ChangeLogEntry => ({
  id: r.id,
  at: r.at,
  user: r.user,
  door: r.door,
  entity: r.entity,
  entityId: r.entity_id,
  projectId: r.project_id,
  field: r.field,
  oldValue: r.old_value,
  newValue: r.new_value,
  batchId: r.batch_id,
  undoneBy: r.undone_by,
  isUndo: isUndoBatch(r.batch_id),
});

export type ChangeInsert = Omit<ChangeLogEntry, 'id' | 'undoneBy' | 'isUndo'>;

export function insertChange(db: Database.Database, c: ChangeInsert): number {
  const r = stmt(
    db,
    `INSERT INTO change_log (at, user, door, entity, entity_id, project_id, field, old_value, new_value, batch_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(c.at, c.user, c.door, c.entity, c.entityId, c.projectId, c.field, c.oldValue, c.newValue, c.batchId);
  return Number(r.lastInsertRowid);
}

export function listChangesForProject(db: Database.Database, projectId: number): ChangeLogEntry[] {
  return stmt<[number], ChangeRow>(db, 'SELECT * FROM change_log WHERE project_id = ? ORDER BY id DESC')
    .all(projectId)
    .map(toEntry);
}

/** Every row of a batch, oldest first. */
export function changesOfBatch(db: Database.Database, batchId: string): ChangeLogEntry[] {
  return stmt<[string], ChangeRow>(db, 'SELECT * FROM change_log WHERE batch_id = ? ORDER BY id')
    .all(batchId)
    .map(toEntry);
}

/** Which rows a newest-undoable search looks at. */
export type UndoScope = { projectId: number } | { planId: number } | Record<string, never>;

function scopeSql(scope: UndoScope): { where: string; params: number[] } {
  if ('projectId' in scope) return { where: 'c.project_id = ?', params: [scope.projectId] };
  if ('planId' in scope) {
    return {
      where: "(c.project_id IN (SELECT id FROM project WHERE plan_id = ?) OR (c.entity = 'plan' AND c.entity_id = ?))",
      params: [scope.planId, scope.planId],
    };
  }
  return { where: '1 = 1', params: [] };
}

/**
 * The newest batch in scope that is not an undo and of which no row has been undone
 * (a batch is undone whole; older databases may hold partly undone batches: those count as undone).
 */
export function newestUndoableBatchId(db: Database.Database, scope: UndoScope): string | null {
  const { where, params } = scopeSql(scope);
  const row = stmt<unknown[], { batch_id: string }>(
    db,
    `SELECT c.batch_id FROM change_log c
     WHERE ${where} AND c.batch_id NOT LIKE ?
       AND NOT EXISTS (SELECT 1 FROM change_log u WHERE u.batch_id = c.batch_id AND u.undone_by IS NOT NULL)
     ORDER BY c.id DESC LIMIT 1`,
  ).get(...params, UNDO_BATCH_LIKE);
  return row?.batch_id ?? null;
}

/**
 * The first change to the same row, after `afterId` and outside `batchId`, that still stands
 * (not undone, not itself an undo: an undo only takes back a change that came after it).
 */
export function laterChangeToRow(
  db: Database.Database,
  entity: string,
  entityId: number,
  afterId: number,
  batchId: string,
): ChangeLogEntry | null {
  const row = stmt<[string, number, number, string, string], ChangeRow>(
    db,
    `SELECT * FROM change_log WHERE entity = ? AND entity_id = ? AND id > ? AND batch_id <> ? AND undone_by IS NULL
       AND batch_id NOT LIKE ? ORDER BY id LIMIT 1`,
  ).get(entity, entityId, afterId, batchId, UNDO_BATCH_LIKE);
  return row ? toEntry(row) : null;
}

export function firstChangeIdOfBatch(db: Database.Database, batchId: string): number | null {
  const row = stmt<[string], { id: number | null }>(db, 'SELECT MIN(id) AS id FROM change_log WHERE batch_id = ?').get(batchId);
  return row?.id ?? null;
}

export function markBatchUndone(db: Database.Database, batchId: string, undoneBy: number): number {
  return stmt(db, 'UPDATE change_log SET undone_by = ? WHERE batch_id = ? AND undone_by IS NULL').run(undoneBy, batchId).changes;
}

/** Records what a batch came from (e.g. the imported file's name), shown in its undo label. */
export function insertBatchSource(db: Database.Database, batchId: string, source: string): void {
  stmt(db, 'INSERT INTO change_batch (batch_id, source) VALUES (?, ?) ON CONFLICT (batch_id) DO UPDATE SET source = excluded.source').run(
    batchId,
    source,
  );
}

export function batchSource(db: Database.Database, batchId: string): string | null {
  return stmt<[string], { source: string }>(db, 'SELECT source FROM change_batch WHERE batch_id = ?').get(batchId)?.source ?? null;
}
