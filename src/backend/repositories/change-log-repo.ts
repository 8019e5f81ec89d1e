import type Database from 'better-sqlite3';
import { stmt } from '../db/statements';
import type { ChangeLogEntry, Door } from '../../domain/model';

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
});

export type ChangeInsert = Omit<ChangeLogEntry, 'id' | 'undoneBy'>;

export function insertChange(db: Database.Database, c: ChangeInsert): number {
  const r = stmt(db, 
      `INSERT INTO change_log (at, user, door, entity, entity_id, project_id, field, old_value, new_value, batch_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(c.at, c.user, c.door, c.entity, c.entityId, c.projectId, c.field, c.oldValue, c.newValue, c.batchId);
  return Number(r.lastInsertRowid);
}

export function listChangesForProject(db: Database.Database, projectId: number): ChangeLogEntry[] {
  return stmt<[number], ChangeRow>(db, 'SELECT * FROM change_log WHERE project_id = ? ORDER BY id DESC')
    .all(projectId)
    .map(toEntry);
}

/** The newest batch of edits to a project that has not been undone (and is not itself an undo). */
export function lastUndoableBatch(db: Database.Database, projectId: number): ChangeLogEntry[] {
  const last = stmt<[number], { batch_id: string }>(db, 
      `SELECT batch_id FROM change_log WHERE project_id = ? AND entity = 'project' AND undone_by IS NULL
       AND batch_id NOT LIKE 'undo:%' ORDER BY id DESC LIMIT 1`,
    )
    .get(projectId);
  if (!last) return [];
  return stmt<[string, number], ChangeRow>(db, 
      'SELECT * FROM change_log WHERE batch_id = ? AND project_id = ? AND undone_by IS NULL ORDER BY id DESC',
    )
    .all(last.batch_id, projectId)
    .map(toEntry);
}

export function markUndone(db: Database.Database, ids: number[], undoneBy: number): void {
  const update = stmt(db, 'UPDATE change_log SET undone_by = ? WHERE id = ?');
  for (const id of ids) update.run(undoneBy, id);
}
