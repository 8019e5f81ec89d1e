// The one way to write change_log rows (semantics fixed in /work/team/CONTRACTS.md):
// entity = table name; '*' rows carry the whole row (DB column names, incl. id) for
// inserts (new_value) and deletes (old_value); updates name the DB column, except
// entity 'project', which keeps its camelCase field names. One user save = one batch.
// Every function here must run inside the caller's IMMEDIATE write transaction.
import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../context';
import { insertBatchSource, insertChange } from '../repositories/change-log-repo';

export type LoggedTable = 'project' | 'site' | 'progress' | 'milestone' | 'funding' | 'funding_source' | 'setting' | 'plan';

export function newBatchId(): string {
  return randomUUID();
}

/** JSON of a value; null/undefined stay SQL NULL so "no value" is not the string "null". */
export function encodeValue(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

function rowId(table: LoggedTable, row: Record<string, unknown>): number {
  const id = row.id;
  if (typeof id !== 'number' || !Number.isInteger(id)) {
    throw new Error(`change_log: ${table} row without an integer id`);
  }
  return id;
}

function write(
  ctx: ServiceContext,
  table: LoggedTable,
  entityId: number,
  projectId: number | null,
  field: string,
  oldValue: string | null,
  newValue: string | null,
  batchId: string,
): void {
  insertChange(ctx.db, {
    at: new Date().toISOString(),
    user: ctx.user,
    door: ctx.door,
    entity: table,
    entityId,
    projectId,
    field,
    oldValue,
    newValue,
    batchId,
  });
}

/** A row was inserted: `row` is the full row keyed by DB column names, including id. */
export function logRowInsert(
  ctx: ServiceContext,
  table: LoggedTable,
  row: Record<string, unknown>,
  projectId: number | null,
  batchId: string,
): void {
  write(ctx, table, rowId(table, row), projectId, '*', null, JSON.stringify(row), batchId);
}

/** A row was deleted: `row` is the full row as it was, keyed by DB column names, including id. */
export function logRowDelete(
  ctx: ServiceContext,
  table: LoggedTable,
  row: Record<string, unknown>,
  projectId: number | null,
  batchId: string,
): void {
  write(ctx, table, rowId(table, row), projectId, '*', JSON.stringify(row), null, batchId);
}

/** One column of one row changed (for 'project', `column` is the camelCase field name). */
export function logRowUpdate(
  ctx: ServiceContext,
  table: LoggedTable,
  id: number,
  projectId: number | null,
  column: string,
  oldValue: unknown,
  newValue: unknown,
  batchId: string,
): void {
  write(ctx, table, id, projectId, column, encodeValue(oldValue), encodeValue(newValue), batchId);
}

/**
 * Optional: what the batch came from, e.g. the imported file's name ("附件1.xlsx"). The undo
 * label then reads "撤销本次导入（附件1.xlsx，3 个项目）".
 */
export function noteBatchSource(ctx: ServiceContext, batchId: string, source: string): void {
  insertBatchSource(ctx.db, batchId, source);
}
