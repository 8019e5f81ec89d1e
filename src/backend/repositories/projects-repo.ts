import type Database from 'better-sqlite3';
import { stmt } from '../db/statements';
import { ApiError } from '../../domain/api/errors';
import type { Project, ScaleMetrics, Site } from '../../domain/model';
import { scaleMetricsSchema } from '../../domain/scale-metrics-schema';

interface ProjectRow {
  id: number;
  plan_id: number;
  seq: number;
  seq_printed: string | null;
  name: string;
  category: string;
  nature: string;
  owner: string;
  location_text: string;
  scale_text: string;
  metrics_json: string;
  investment_yuan: number;
  start_year: number;
  end_year: number;
  start_date: string | null;
  end_date: string | null;
  remark: string;
  responsible_unit: string;
  leader: string;
  note: string;
}

interface SiteRow {
  id: number;
  project_id: number;
  seq: number;
  town: string;
  village: string;
  address: string;
  scale_text: string;
  budget_yuan: number | null;
  start_year: number | null;
  end_year: number | null;
  archived_at: string | null;
}

function parseMetrics(json: string): ScaleMetrics {
  const parsed = scaleMetricsSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : {};
}

const toProject = (r: ProjectRow): Project => ({
  id: r.id,
  planId: r.plan_id,
  seq: r.seq,
  seqPrinted: r.seq_printed,
  name: r.name,
  category: r.category,
  nature: r.nature,
  owner: r.owner,
  locationText: r.location_text,
  scaleText: r.scale_text,
  metrics: parseMetrics(r.metrics_json),
  investmentYuan: r.investment_yuan,
  startYear: r.start_year,
  endYear: r.end_year,
  startDate: r.start_date,
  endDate: r.end_date,
  remark: r.remark,
  responsibleUnit: r.responsible_unit,
  leader: r.leader,
  note: r.note,
});

const toSite = (r: SiteRow): Site => ({
  id: r.id,
  projectId: r.project_id,
  seq: r.seq,
  town: r.town,
  village: r.village,
  address: r.address,
  scaleText: r.scale_text,
  budgetYuan: r.budget_yuan,
  startYear: r.start_year,
  endYear: r.end_year,
});

/** Project fields as columns: the one map between the model and the table. */
export const PROJECT_COLUMNS = {
  seq: 'seq',
  seqPrinted: 'seq_printed',
  name: 'name',
  category: 'category',
  nature: 'nature',
  owner: 'owner',
  locationText: 'location_text',
  scaleText: 'scale_text',
  metrics: 'metrics_json',
  investmentYuan: 'investment_yuan',
  startYear: 'start_year',
  endYear: 'end_year',
  startDate: 'start_date',
  endDate: 'end_date',
  remark: 'remark',
  responsibleUnit: 'responsible_unit',
  leader: 'leader',
  note: 'note',
} as const satisfies Record<Exclude<keyof Project, 'id' | 'planId'>, string>;

export type ProjectField = keyof typeof PROJECT_COLUMNS;
export type ProjectInsert = Omit<Project, 'id' | 'planId'>;
export type SiteInsert = Omit<Site, 'id' | 'projectId'>;

function toColumnValue(field: ProjectField, value: unknown): unknown {
  return field === 'metrics' ? JSON.stringify(value ?? {}) : value;
}

export function listProjects(db: Database.Database, planId: number): Project[] {
  return stmt<[number], ProjectRow>(db, 'SELECT * FROM project WHERE plan_id = ? ORDER BY seq, id')
    .all(planId)
    .map(toProject);
}

/** id, 序号 and name of every project of a plan (what the one-project-per-序号/name rule reads). */
export function listProjectIdentities(db: Database.Database, planId: number): Pick<Project, 'id' | 'seq' | 'name'>[] {
  return stmt<[number], Pick<Project, 'id' | 'seq' | 'name'>>(db, 'SELECT id, seq, name FROM project WHERE plan_id = ? ORDER BY seq, id').all(planId);
}

export function getProject(db: Database.Database, id: number): Project {
  const row = stmt<[number], ProjectRow>(db, 'SELECT * FROM project WHERE id = ?').get(id);
  if (!row) throw new ApiError('not_found', `找不到项目（编号 ${id}）`);
  return toProject(row);
}

const PROJECT_FIELDS = Object.keys(PROJECT_COLUMNS) as ProjectField[];
// built once: a 10,000-row import inserts through the same statement text every time
const INSERT_PROJECT_SQL = `INSERT INTO project (plan_id, ${PROJECT_FIELDS.map((f) => PROJECT_COLUMNS[f]).join(', ')}) VALUES (?${', ?'.repeat(PROJECT_FIELDS.length)})`;

function projectValues(planId: number, p: ProjectInsert): unknown[] {
  const values: unknown[] = [planId];
  for (const f of PROJECT_FIELDS) values.push(toColumnValue(f, p[f]));
  return values;
}

export function insertProject(db: Database.Database, planId: number, p: ProjectInsert): number {
  const r = stmt(db, INSERT_PROJECT_SQL).run(projectValues(planId, p));
  return Number(r.lastInsertRowid);
}

/** Rows per multi-row INSERT: past a few dozen the statement's own cost no longer shrinks. */
const BULK_ROWS = 50;

/**
 * The next `count` ids SQLite would give new rows of `table` (an INTEGER PRIMARY KEY without
 * AUTOINCREMENT takes MAX(id) + 1), or null past the safe-integer range (SQLite then picks ids
 * at random: leave that to it). Only within the caller's write transaction.
 */
function nextIds(db: Database.Database, table: 'project' | 'site', count: number): number | null {
  const max = stmt<[], { n: number | null }>(db, `SELECT MAX(id) AS n FROM ${table}`).get()?.n ?? 0;
  return max + count < Number.MAX_SAFE_INTEGER ? max + 1 : null;
}

const bulkSqlCache = new Map<string, string>();

/** A multi-row INSERT of `rows` rows of `columns` (its text built once per shape). */
function bulkSql(table: string, columns: readonly string[], rows: number): string {
  const key = `${table}\u0000${rows}`;
  let sql = bulkSqlCache.get(key);
  if (sql === undefined) {
    const one = `(${columns.map(() => '?').join(', ')})`;
    sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: rows }, () => one).join(', ')}`;
    bulkSqlCache.set(key, sql);
  }
  return sql;
}

const BULK_PROJECT_COLUMNS = ['id', 'plan_id', ...PROJECT_FIELDS.map((f) => PROJECT_COLUMNS[f])];

/** metrics_json worked out before the write, by the ScaleMetrics object it is of */
const metricsJsonAhead = new WeakMap<ScaleMetrics, string>();

/**
 * For an import: works out the metrics_json of `m` now, while the worker still parses, so
 * insertProjects need not. `m` must never change afterwards (an import's derivations are
 * shared and never changed: annex-diff.ts).
 */
export function metricsJsonAheadOf(m: ScaleMetrics): void {
  if (!metricsJsonAhead.has(m)) metricsJsonAhead.set(m, JSON.stringify(m));
}

/**
 * Inserts `list` as `table` rows, `rowsPer` rows a statement, with the ids SQLite would give
 * one insert after another (MAX(id) + 1 on): the row's values after its id come from `values`.
 * Returns the ids in the order of `list`, or null past the safe-integer range (then the caller
 * inserts one at a time). Call it inside a write transaction.
 */
function bulkInsert<T>(
  db: Database.Database,
  table: 'project' | 'site',
  columns: readonly string[],
  rowsPer: number,
  list: readonly T[],
  values: (row: T, into: unknown[]) => void,
): number[] | null {
  const first = nextIds(db, table, list.length);
  if (first === null) return null;
  for (let at = 0; at < list.length; at += rowsPer) {
    const chunk = list.slice(at, at + rowsPer);
    const args: unknown[] = [];
    chunk.forEach((row, i) => {
      args.push(first + at + i);
      values(row, args);
    });
    stmt(db, bulkSql(table, columns, chunk.length)).run(args);
  }
  return list.map((_, i) => first + i);
}

/**
 * insertProject for many rows at once (an import's thousands of new projects): the same rows,
 * with the same ids as one insertProject after another, in a few dozen multi-row INSERTs
 * instead of one statement per row. Returns the ids in the order of `list`. Call it inside a
 * write transaction: the ids are taken from MAX(id).
 */
export function insertProjects(db: Database.Database, planId: number, list: readonly ProjectInsert[]): number[] {
  const ids = bulkInsert(db, 'project', BULK_PROJECT_COLUMNS, BULK_ROWS, list, (p, into) => {
    into.push(planId);
    for (const f of PROJECT_FIELDS) into.push(f === 'metrics' ? (metricsJsonAhead.get(p.metrics) ?? toColumnValue(f, p.metrics)) : p[f]);
  });
  return ids ?? list.map((p) => insertProject(db, planId, p));
}

export interface SiteInsertRow {
  projectId: number;
  site: SiteInsert;
  placeId: number | null;
}

const BULK_SITE_COLUMNS = ['id', 'project_id', 'seq', 'place_id', 'town', 'village', 'address', 'scale_text', 'budget_yuan', 'start_year', 'end_year'];

/** insertSite for many rows at once, as insertProjects does it; the ids in the order of `list`. */
export function insertSites(db: Database.Database, list: readonly SiteInsertRow[]): number[] {
  // half the columns of a project: twice the rows a statement
  const ids = bulkInsert(db, 'site', BULK_SITE_COLUMNS, BULK_ROWS * 2, list, ({ projectId, site: s, placeId }, into) => {
    into.push(projectId, s.seq, placeId, s.town, s.village, s.address, s.scaleText, s.budgetYuan, s.startYear, s.endYear);
  });
  return ids ?? list.map((r) => insertSite(db, r.projectId, r.site, r.placeId));
}

export function updateProjectFields(db: Database.Database, id: number, patch: Partial<ProjectInsert>): void {
  const fields = (Object.keys(patch) as ProjectField[]).filter((f) => f in PROJECT_COLUMNS);
  if (fields.length === 0) return;
  const sets = fields.map((f) => `${PROJECT_COLUMNS[f]} = ?`).join(', ');
  stmt(db, `UPDATE project SET ${sets} WHERE id = ?`).run(...fields.map((f) => toColumnValue(f, patch[f])), id);
}

// Archived sites (a site with progress that was removed) are hidden from every list by default.

export function listSites(db: Database.Database, projectId: number): Site[] {
  return stmt<[number], SiteRow>(db, 'SELECT * FROM site WHERE project_id = ? AND archived_at IS NULL ORDER BY seq, id')
    .all(projectId)
    .map(toSite);
}

export function listSitesByPlan(db: Database.Database, planId: number): Site[] {
  return stmt<[number], SiteRow>(db, 
      `SELECT s.* FROM site s JOIN project p ON p.id = s.project_id
       WHERE p.plan_id = ? AND s.archived_at IS NULL ORDER BY p.seq, s.seq, s.id`,
    )
    .all(planId)
    .map(toSite);
}

export interface ArchivedSite extends Site {
  archivedAt: string;
}

export function listArchivedSites(db: Database.Database, projectId: number): ArchivedSite[] {
  return stmt<[number], SiteRow>(db, 'SELECT * FROM site WHERE project_id = ? AND archived_at IS NOT NULL ORDER BY seq, id')
    .all(projectId)
    .map((r) => ({ ...toSite(r), archivedAt: r.archived_at ?? '' }));
}

/** A site whether archived or not, with its archive date (null when it is listed). */
export function getSite(db: Database.Database, id: number): Site & { archivedAt: string | null } {
  const row = stmt<[number], SiteRow>(db, 'SELECT * FROM site WHERE id = ?').get(id);
  if (!row) throw new ApiError('not_found', `找不到建设点（编号 ${id}）`);
  return { ...toSite(row), archivedAt: row.archived_at };
}

/** Site fields as columns: the one map between the model and the table. */
export const SITE_COLUMNS = {
  seq: 'seq',
  town: 'town',
  village: 'village',
  address: 'address',
  scaleText: 'scale_text',
  budgetYuan: 'budget_yuan',
  startYear: 'start_year',
  endYear: 'end_year',
} as const satisfies Record<keyof SiteInsert, string>;

export type SiteColumn = (typeof SITE_COLUMNS)[keyof typeof SITE_COLUMNS] | 'place_id' | 'archived_at';

export function updateSiteColumn(db: Database.Database, id: number, column: SiteColumn, value: string | number | null): void {
  stmt(db, `UPDATE site SET ${column} = ? WHERE id = ?`).run(value, id);
}

export function deleteSite(db: Database.Database, id: number): void {
  stmt(db, 'DELETE FROM site WHERE id = ?').run(id);
}

/** The next sequence number within a project (archived sites keep theirs). */
export function nextSiteSeq(db: Database.Database, projectId: number): number {
  const r = stmt<[number], { n: number | null }>(db, 'SELECT MAX(seq) AS n FROM site WHERE project_id = ?').get(projectId);
  return (r?.n ?? 0) + 1;
}

/** How much recorded work hangs on a site: such a site is archived, not deleted. */
export function siteUsage(db: Database.Database, id: number): { progress: number; milestones: number } {
  const progress = stmt<[number], { n: number }>(db, 'SELECT COUNT(*) AS n FROM progress WHERE site_id = ?').get(id)?.n ?? 0;
  const milestones = stmt<[number], { n: number }>(db, 'SELECT COUNT(*) AS n FROM milestone WHERE site_id = ?').get(id)?.n ?? 0;
  return { progress, milestones };
}

/** The whole row keyed by column names, as change_log records inserts and deletes. */
export function siteRecord(db: Database.Database, id: number): Record<string, unknown> {
  const row = stmt<[number], Record<string, unknown>>(db, 'SELECT * FROM site WHERE id = ?').get(id);
  if (!row) throw new ApiError('not_found', `找不到建设点（编号 ${id}）`);
  return row;
}

/** The whole row keyed by column names, as change_log records inserts and deletes. */
export function projectRecord(db: Database.Database, id: number): Record<string, unknown> {
  const row = stmt<[number], Record<string, unknown>>(db, 'SELECT * FROM project WHERE id = ?').get(id);
  if (!row) throw new ApiError('not_found', `找不到项目（编号 ${id}）`);
  return row;
}

const INSERT_SITE_SQL = `INSERT INTO site (project_id, seq, place_id, town, village, address, scale_text, budget_yuan, start_year, end_year)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export function insertSite(db: Database.Database, projectId: number, s: SiteInsert, placeId: number | null = null): number {
  const r = stmt(db, INSERT_SITE_SQL).run(projectId, s.seq, placeId, s.town, s.village, s.address, s.scaleText, s.budgetYuan, s.startYear, s.endYear);
  return Number(r.lastInsertRowid);
}

export function deleteSites(db: Database.Database, projectId: number): void {
  stmt(db, 'DELETE FROM site WHERE project_id = ?').run(projectId);
}
