// The funding and funding_source tables. Rows keep DB column names here because
// change_log records them as they are (CONTRACTS.md); services convert.
import type Database from 'better-sqlite3';
import type { FundingAmount } from '../../domain/funding/types';
import type { FundingKind, FundingSource } from '../../domain/model';
import { stmt } from '../db/statements';

export interface FundingRow {
  id: number;
  project_id: number;
  source_id: number;
  year: number;
  kind: FundingKind;
  amount_yuan: number;
}

export interface FundingSourceRow {
  id: number;
  code: string;
  name: string;
  sort: number;
}

export const toAmount = (r: FundingRow): FundingAmount => ({
  projectId: r.project_id,
  sourceId: r.source_id,
  year: r.year,
  kind: r.kind,
  amountYuan: r.amount_yuan,
});

const ORDER = 'ORDER BY f.project_id, f.year, f.source_id, f.kind';

export function listFundingRowsOfPlan(db: Database.Database, planId: number): FundingRow[] {
  return stmt<[number], FundingRow>(
    db,
    `SELECT f.* FROM funding f JOIN project p ON p.id = f.project_id WHERE p.plan_id = ? ${ORDER}`,
  ).all(planId);
}

export function listFundingRowsOfProject(db: Database.Database, projectId: number): FundingRow[] {
  return stmt<[number], FundingRow>(db, `SELECT f.* FROM funding f WHERE f.project_id = ? ${ORDER}`).all(projectId);
}

export function findFundingRow(
  db: Database.Database,
  key: Pick<FundingAmount, 'projectId' | 'sourceId' | 'year' | 'kind'>,
): FundingRow | undefined {
  return stmt<[number, number, number, string], FundingRow>(
    db,
    'SELECT * FROM funding WHERE project_id = ? AND source_id = ? AND year = ? AND kind = ?',
  ).get(key.projectId, key.sourceId, key.year, key.kind);
}

export function insertFundingRow(db: Database.Database, a: FundingAmount): FundingRow {
  const r = stmt(db, 'INSERT INTO funding (project_id, source_id, year, kind, amount_yuan) VALUES (?, ?, ?, ?, ?)').run(
    a.projectId,
    a.sourceId,
    a.year,
    a.kind,
    a.amountYuan,
  );
  return {
    id: Number(r.lastInsertRowid),
    project_id: a.projectId,
    source_id: a.sourceId,
    year: a.year,
    kind: a.kind,
    amount_yuan: a.amountYuan,
  };
}

export function updateFundingAmount(db: Database.Database, id: number, amountYuan: number): void {
  stmt(db, 'UPDATE funding SET amount_yuan = ? WHERE id = ?').run(amountYuan, id);
}

export function deleteFundingRow(db: Database.Database, id: number): void {
  stmt(db, 'DELETE FROM funding WHERE id = ?').run(id);
}

/** source id → number of amounts recorded against it */
export function countAmountsBySource(db: Database.Database): Map<number, number> {
  const rows = stmt<[], { source_id: number; n: number }>(
    db,
    'SELECT source_id, COUNT(*) AS n FROM funding GROUP BY source_id',
  ).all();
  return new Map(rows.map((r) => [r.source_id, r.n]));
}

export function getFundingSourceRow(db: Database.Database, id: number): FundingSourceRow | undefined {
  return stmt<[number], FundingSourceRow>(db, 'SELECT id, code, name, sort FROM funding_source WHERE id = ?').get(id);
}

export function findFundingSourceByName(db: Database.Database, name: string): FundingSourceRow | undefined {
  return stmt<[string], FundingSourceRow>(db, 'SELECT id, code, name, sort FROM funding_source WHERE name = ?').get(name);
}

export function listFundingSourceRows(db: Database.Database): FundingSourceRow[] {
  return stmt<[], FundingSourceRow>(db, 'SELECT id, code, name, sort FROM funding_source ORDER BY sort, id').all();
}

export function insertFundingSourceRow(db: Database.Database, s: Omit<FundingSourceRow, 'id'>): FundingSourceRow {
  const r = stmt(db, 'INSERT INTO funding_source (code, name, sort) VALUES (?, ?, ?)').run(s.code, s.name, s.sort);
  return { id: Number(r.lastInsertRowid), ...s };
}

export function renameFundingSource(db: Database.Database, id: number, name: string): void {
  stmt(db, 'UPDATE funding_source SET name = ? WHERE id = ?').run(name, id);
}

export function deleteFundingSourceRow(db: Database.Database, id: number): void {
  stmt(db, 'DELETE FROM funding_source WHERE id = ?').run(id);
}

export const toSource = (r: FundingSourceRow): FundingSource => ({ id: r.id, code: r.code, name: r.name, sort: r.sort });
