// Generic row access for undo: read, insert, delete and set one column of a logged table by id.
// Table names come from the fixed LoggedTable list and column names are checked against the
// table's real columns, so nothing read from change_log is ever spliced into SQL unchecked.
import type Database from 'better-sqlite3';
import { stmt } from '../db/statements';
import type { LoggedTable } from './change-writer';

export type DbRow = Record<string, unknown>;

const LOGGED_TABLES = [
  'project',
  'site',
  'progress',
  'milestone',
  'funding',
  'funding_source',
  'setting',
  'plan',
] as const satisfies readonly LoggedTable[];

export function isLoggedTable(name: string): name is LoggedTable {
  return (LOGGED_TABLES as readonly string[]).includes(name);
}

/** The table's column names, in order (empty when the table does not exist, e.g. before its migration). */
export function tableColumns(db: Database.Database, table: LoggedTable): string[] {
  return stmt<[string], { name: string }>(db, 'SELECT name FROM pragma_table_info(?) ORDER BY cid')
    .all(table)
    .map((r) => r.name);
}

export function readRow(db: Database.Database, table: LoggedTable, id: number): DbRow | null {
  const row = stmt<[number], DbRow>(db, `SELECT * FROM "${table}" WHERE id = ?`).get(id);
  return row ?? null;
}

/** Inserts the row's values for the columns the table has (others are ignored); returns the stored row. */
export function insertRow(db: Database.Database, table: LoggedTable, row: DbRow): DbRow {
  const known = new Set(tableColumns(db, table));
  const cols = Object.keys(row).filter((c) => known.has(c));
  const id = row.id;
  if (!cols.includes('id') || typeof id !== 'number') throw new Error(`${table}: row to re-insert has no id`);
  stmt(db, `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(
    ...cols.map((c) => row[c]),
  );
  const stored = readRow(db, table, id);
  if (!stored) throw new Error(`${table}: re-inserted row ${id} not found`);
  return stored;
}

export function deleteRow(db: Database.Database, table: LoggedTable, id: number): void {
  stmt(db, `DELETE FROM "${table}" WHERE id = ?`).run(id);
}

export function updateColumn(db: Database.Database, table: LoggedTable, id: number, column: string, value: unknown): void {
  if (column === 'id' || !tableColumns(db, table).includes(column)) {
    throw new Error(`${table}: no column ${column}`);
  }
  stmt(db, `UPDATE "${table}" SET "${column}" = ? WHERE id = ?`).run(value, id);
}

/** Ids of rows in other tables that reference this row through a foreign key, by table. */
export function referencingRows(db: Database.Database, table: LoggedTable, id: number): { table: string; ids: number[] }[] {
  const refs = stmt<[string], { child: string; col: string }>(
    db,
    `SELECT m.name AS child, f."from" AS col FROM sqlite_master m, pragma_foreign_key_list(m.name) f
     WHERE m.type = 'table' AND f."table" = ?`,
  ).all(table);
  const found: { table: string; ids: number[] }[] = [];
  for (const { child, col } of refs) {
    // names come from sqlite_master and the foreign-key list, not from user data
    const ids = stmt<[number], { id: number }>(db, `SELECT rowid AS id FROM "${child}" WHERE "${col}" = ?`)
      .all(id)
      .map((r) => r.id);
    if (ids.length > 0) found.push({ table: child, ids });
  }
  return found;
}

/** Equality of a stored value and a logged (JSON-decoded) one. */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The logged columns (those the table still has) on which `current` differs from `logged`. */
export function differingColumns(db: Database.Database, table: LoggedTable, current: DbRow, logged: DbRow): string[] {
  const known = new Set(tableColumns(db, table));
  return Object.keys(logged).filter((c) => known.has(c) && !sameValue(current[c], logged[c]));
}
