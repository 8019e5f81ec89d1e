import type Database from 'better-sqlite3';
import { stmt } from '../db/statements';
import { ApiError } from '../../domain/api/errors';
import type { Plan } from '../../domain/model';

interface PlanRow {
  id: number;
  title: string;
  issuer: string;
  start_year: number;
  end_year: number;
}

const toPlan = (r: PlanRow): Plan => ({
  id: r.id,
  title: r.title,
  issuer: r.issuer,
  startYear: r.start_year,
  endYear: r.end_year,
});

export function listPlans(db: Database.Database): Plan[] {
  return stmt<[], PlanRow>(db, 'SELECT * FROM plan ORDER BY id').all().map(toPlan);
}

export function getPlan(db: Database.Database, id: number): Plan {
  const row = stmt<[number], PlanRow>(db, 'SELECT * FROM plan WHERE id = ?').get(id);
  if (!row) throw new ApiError('not_found', `找不到规划（编号 ${id}）`);
  return toPlan(row);
}

export function insertPlan(db: Database.Database, p: Omit<Plan, 'id'>): number {
  const r = stmt(db, 'INSERT INTO plan (title, issuer, start_year, end_year, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(p.title, p.issuer, p.startYear, p.endYear, new Date().toISOString());
  return Number(r.lastInsertRowid);
}

/** The plan asked for, or the first plan (the seed) when none is named. */
export function resolvePlanId(db: Database.Database, planId?: number): number {
  if (planId !== undefined) return getPlan(db, planId).id;
  const row = stmt<[], { id: number }>(db, 'SELECT id FROM plan ORDER BY id LIMIT 1').get();
  if (!row) throw new ApiError('not_found', '数据库中还没有规划，请先导入附件1或运行 init');
  return row.id;
}
