// The compact change_log form of bulk-inserted rows (an import's thousands of new projects
// and sites). Their values are in their tables already, so the log keeps one '*' row per
// inserted row with only what the history shows (the name), and ONE digest of all of them:
//
//   first row (lowest id):  {"name": "…", "#columns": 20, "#rows": 10000, "#digest": "<sha-256, base64>"}
//   every other row:        {"name": "…", "#columns": 20}
//
// The digest is the SHA-256 of json_object(…) of each row over the table's first "#columns"
// columns (cid order), in id order, each followed by "\n". For INTEGER and TEXT columns that
// JSON is byte for byte JSON.stringify of the row as better-sqlite3 reads it, i.e. exactly
// what the full form would have logged. Undo recomputes it over the same rows and columns
// (columns a later migration appends are not in it) and refuses when it differs, just as it
// refuses when a full-form row differs: an undo never deletes a row changed since, even
// outside the log. Undo needs nothing more: it deletes the rows and logs each deletion with
// the full row as it was (logRowDelete), so no value is ever lost from the log.
// Why one digest and not one per row: a digest per row costs a call into JavaScript per row
// (≈ 120 ms for 23,000 rows); one over the group is one SELECT. Undo takes a batch whole, so
// one check per group refuses exactly what per-row checks would.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { stmt } from '../db/statements';
import type { LoggedTable } from './change-writer';

export const COLUMNS_KEY = '#columns';
export const ROWS_KEY = '#rows';
export const DIGEST_KEY = '#digest';

/** What the history view and undo's messages show of a row: its name (site-rules.siteNameOfRow reads these for a site). */
const SUMMARY_COLUMNS: Partial<Record<LoggedTable, readonly string[]>> = {
  project: ['name'],
  site: ['seq', 'town', 'village', 'address'],
  plan: ['title'],
};

interface Column {
  name: string;
  type: string;
}

function columnsOf(db: Database.Database, table: LoggedTable): Column[] {
  return stmt<[string], Column>(db, 'SELECT name, type FROM pragma_table_info(?) ORDER BY cid').all(table);
}

const quoteId = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const quoteText = (s: string): string => `'${s.replace(/'/g, "''")}'`;

function jsonObjectSql(columns: readonly string[]): string {
  return `json_object(${columns.map((c) => `${quoteText(c)}, t.${quoteId(c)}`).join(', ')})`;
}

/** The digest of rows' JSON, each followed by "\n" (what groupDigest computes from the table). */
export function rowsDigest(rowJson: readonly string[]): string {
  const hash = createHash('sha256');
  for (const json of rowJson) hash.update(json).update('\n');
  return hash.digest('base64');
}

/**
 * The digest of the rows `ids` of `table` as stored now, over their first `columns` columns;
 * null when the table has fewer columns. Rows that are gone simply drop out (so it differs).
 */
export function groupDigest(db: Database.Database, table: LoggedTable, ids: readonly number[], columns: number): string | null {
  const names = columnsOf(db, table).map((c) => c.name);
  if (names.length < columns) return null;
  // the JSON as bytes, concatenated by SQLite: one value crosses into JavaScript, not one per
  // row. Id order from the subquery's rowid scan (no sorter, unlike ORDER BY inside group_concat);
  // insert and undo run this same statement, and a different order could only refuse an undo.
  const sql = `SELECT CAST(group_concat(j, '') AS BLOB) AS j FROM (
      SELECT ${jsonObjectSql(names.slice(0, columns))} || char(10) AS j
      FROM ${quoteId(table)} AS t WHERE t.id IN (SELECT value FROM json_each(?)) ORDER BY t.id)`;
  const row = stmt<[string], { j: Buffer | null }>(db, sql).get(JSON.stringify(ids));
  return createHash('sha256')
    .update(row?.j ?? Buffer.alloc(0))
    .digest('base64');
}

export interface CompactForm {
  /** the table's columns now (the digest covers them all) */
  columns: number;
  /** SQL (over alias t, parameters: first id, digest) of a row's compact new_value */
  newValueSql: string;
}

/**
 * How to log inserted rows of `table` compactly, or null when the table has a column that is
 * neither INTEGER nor TEXT (SQLite prints REAL 1.0 where JavaScript prints 1: such rows are
 * logged whole).
 */
export function compactForm(db: Database.Database, table: LoggedTable): CompactForm | null {
  const columns = columnsOf(db, table);
  if (columns.length === 0 || !columns.every((c) => /^(INTEGER|TEXT)$/i.test(c.type))) return null;
  const names = columns.map((c) => c.name);
  const summary = (SUMMARY_COLUMNS[table] ?? []).filter((c) => names.includes(c)).map((c) => `${quoteText(c)}, t.${quoteId(c)}`);
  const each = [...summary, `${quoteText(COLUMNS_KEY)}, ${names.length}`];
  const first = [...each, `${quoteText(ROWS_KEY)}, ?`, `${quoteText(DIGEST_KEY)}, ?`];
  return { columns: names.length, newValueSql: `CASE WHEN t.id = ? THEN json_object(${first.join(', ')}) ELSE json_object(${each.join(', ')}) END` };
}

/** A logged row's compact-form keys, or null for a row logged whole. */
export function compactKeys(logged: Record<string, unknown>): { columns: number; rows: number | null; digest: string | null } | null {
  const columns = logged[COLUMNS_KEY];
  if (typeof columns !== 'number' || !Number.isInteger(columns) || columns < 1) return null;
  const rows = logged[ROWS_KEY];
  const digest = logged[DIGEST_KEY];
  return {
    columns,
    rows: typeof rows === 'number' && Number.isInteger(rows) && rows > 0 ? rows : null,
    digest: typeof digest === 'string' ? digest : null,
  };
}

/** A logged compact row without its form's keys: the summary, what a full row would show of it. */
export function summaryOf(logged: Record<string, unknown>): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(logged)) if (k !== COLUMNS_KEY && k !== ROWS_KEY && k !== DIGEST_KEY) rest[k] = v;
  return rest;
}
