// The one way to write change_log rows (semantics fixed in /work/team/CONTRACTS.md):
// entity = table name; '*' rows carry the whole row (DB column names, incl. id) for
// inserts (new_value) and deletes (old_value), except an import's bulk inserts, which carry
// the compact form of row-digest.ts (name + digest of the stored row); updates name the DB
// column, except entity 'project', which keeps its camelCase field names. One user save = one batch.
// Every function here must run inside the caller's IMMEDIATE write transaction.
import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../context';
import { stmt } from '../db/statements';
import { insertBatchSource, insertChange } from '../repositories/change-log-repo';
import { compactForm, groupDigest } from './row-digest';

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
 * The change_log writer for one large batch (an import of thousands of rows): the same rows
 * as logRowInsert / logRowUpdate, with one timestamp for the whole batch (its rows commit in
 * one transaction, at one moment). Use it inside the caller's IMMEDIATE write transaction.
 */
export interface BatchLog {
  inserted(table: LoggedTable, row: Record<string, unknown>, projectId: number | null): void;
  /**
   * The rows `ids` of `table` were inserted: one '*' row each, in id order, in the compact
   * form of row-digest.ts (the name, and on the first row a digest of all the stored rows,
   * made by SQLite: no row travels through JavaScript); a table with a REAL column is logged
   * whole, as `inserted` would.
   * `projectColumn`: the column holding the row's project ('id' for a project), or null.
   */
  insertedRows(table: LoggedTable, ids: readonly number[], projectColumn: string | null): void;
  updated(table: LoggedTable, id: number, projectId: number | null, column: string, oldValue: unknown, newValue: unknown): void;
}

function increasing(ids: readonly number[]): boolean {
  for (let i = 1; i < ids.length; i++) if ((ids[i] ?? 0) <= (ids[i - 1] ?? 0)) return false;
  return true;
}

export function batchLog(ctx: ServiceContext, batchId: string): BatchLog {
  const at = new Date().toISOString();
  const put = (table: LoggedTable, entityId: number, projectId: number | null, field: string, oldValue: string | null, newValue: string | null): void => {
    insertChange(ctx.db, { at, user: ctx.user, door: ctx.door, entity: table, entityId, projectId, field, oldValue, newValue, batchId });
  };
  const inserted = (table: LoggedTable, row: Record<string, unknown>, projectId: number | null): void =>
    put(table, rowId(table, row), projectId, '*', null, JSON.stringify(row));
  return {
    inserted,
    insertedRows(table, ids, projectColumn) {
      if (ids.length === 0) return;
      // an import's ids come strictly increasing already: no copy, no sort
      const sorted = increasing(ids) ? ids : [...new Set(ids)].sort((a, b) => a - b);
      const form = compactForm(ctx.db, table);
      if (form === null) {
        for (const id of sorted) {
          const row = stmt<[number], Record<string, unknown>>(ctx.db, `SELECT * FROM ${table} WHERE id = ?`).get(id);
          if (!row) throw new Error(`change_log: ${table} row ${id} not found`);
          inserted(table, row, projectColumn === null ? null : Number(row[projectColumn]));
        }
        return;
      }
      const idList = JSON.stringify(sorted);
      const digest = groupDigest(ctx.db, table, sorted, form.columns);
      if (digest === null) throw new Error(`change_log: ${table} has changed its columns`);
      const project = projectColumn === null ? 'NULL' : `t."${projectColumn.replace(/"/g, '""')}"`;
      const sql = `INSERT INTO change_log (at, user, door, entity, entity_id, project_id, field, old_value, new_value, batch_id)
        SELECT ?, ?, ?, '${table}', t.id, ${project}, '*', NULL, ${form.newValueSql}, ?
        FROM ${table} AS t WHERE t.id IN (SELECT value FROM json_each(?)) ORDER BY t.id`;
      const r = stmt(ctx.db, sql).run(at, ctx.user, ctx.door, sorted[0], sorted.length, digest, batchId, idList);
      if (r.changes !== sorted.length) throw new Error(`change_log: ${table} rows not found`);
    },
    updated: (table, id, projectId, column, oldValue, newValue) => put(table, id, projectId, column, encodeValue(oldValue), encodeValue(newValue)),
  };
}

/**
 * Optional: what the batch came from, e.g. the imported file's name ("附件1.xlsx"). The undo
 * label then reads "撤销本次导入（附件1.xlsx，3 个项目）".
 */
export function noteBatchSource(ctx: ServiceContext, batchId: string, source: string): void {
  insertBatchSource(ctx.db, batchId, source);
}

