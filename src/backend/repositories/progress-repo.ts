// The progress and milestone tables. Row types keep DB column names because change_log
// records rows as they are (CONTRACTS.md); the to* functions convert for services.
import type Database from 'better-sqlite3';
import { stmt } from '../db/statements';
import type { Milestone, MilestoneKind, ProgressEntry } from '../../domain/model';

export interface ProgressRow {
  id: number;
  project_id: number;
  site_id: number | null;
  report_month: string;
  date: string;
  stage: string;
  percent: number;
  description: string;
  invest_period_yuan: number;
  invest_cumulative_yuan: number;
  problems: string;
  author: string;
  created_at: string;
}

export interface MilestoneRow {
  id: number;
  project_id: number;
  site_id: number | null;
  kind: MilestoneKind;
  planned_date: string | null;
  actual_date: string | null;
}

export const toProgress = (r: ProgressRow): ProgressEntry => ({
  id: r.id,
  projectId: r.project_id,
  siteId: r.site_id,
  reportMonth: r.report_month,
  date: r.date,
  stage: r.stage,
  percent: r.percent,
  description: r.description,
  investPeriodYuan: r.invest_period_yuan,
  investCumulativeYuan: r.invest_cumulative_yuan,
  problems: r.problems,
  author: r.author,
});

export const toMilestone = (r: MilestoneRow): Milestone => ({
  id: r.id,
  projectId: r.project_id,
  siteId: r.site_id,
  kind: r.kind,
  plannedDate: r.planned_date,
  actualDate: r.actual_date,
});

/** A project's reports (its own and its sites'), oldest first: by 报告期, then entry order. */
export function listProgress(db: Database.Database, projectId: number): ProgressEntry[] {
  return stmt<[number], ProgressRow>(db, 'SELECT * FROM progress WHERE project_id = ? ORDER BY report_month, id')
    .all(projectId)
    .map(toProgress);
}

export function listProgressByPlan(db: Database.Database, planId: number): ProgressEntry[] {
  return stmt<[number], ProgressRow>(
    db,
    'SELECT g.* FROM progress g JOIN project p ON p.id = g.project_id WHERE p.plan_id = ? ORDER BY g.project_id, g.report_month, g.id',
  )
    .all(planId)
    .map(toProgress);
}

/** Inserts one report; `createdAt` is a timestamp (when the row was written), `e.date` the entry date. */
export function insertProgress(db: Database.Database, e: Omit<ProgressEntry, 'id'>, createdAt = new Date().toISOString()): ProgressRow {
  const r = stmt(
    db,
    `INSERT INTO progress (project_id, site_id, report_month, date, stage, percent, description, invest_period_yuan,
      invest_cumulative_yuan, problems, author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    e.projectId,
    e.siteId,
    e.reportMonth,
    e.date,
    e.stage,
    e.percent,
    e.description,
    e.investPeriodYuan,
    e.investCumulativeYuan,
    e.problems,
    e.author,
    createdAt,
  );
  return {
    id: Number(r.lastInsertRowid),
    project_id: e.projectId,
    site_id: e.siteId,
    report_month: e.reportMonth,
    date: e.date,
    stage: e.stage,
    percent: e.percent,
    description: e.description,
    invest_period_yuan: e.investPeriodYuan,
    invest_cumulative_yuan: e.investCumulativeYuan,
    problems: e.problems,
    author: e.author,
    created_at: createdAt,
  };
}

export function listMilestones(db: Database.Database, projectId: number): Milestone[] {
  return listMilestoneRows(db, projectId).map(toMilestone);
}

export function listMilestoneRows(db: Database.Database, projectId: number): MilestoneRow[] {
  return stmt<[number], MilestoneRow>(db, 'SELECT * FROM milestone WHERE project_id = ? ORDER BY id').all(projectId);
}

export function listMilestonesByPlan(db: Database.Database, planId: number): Milestone[] {
  return stmt<[number], MilestoneRow>(
    db,
    'SELECT m.* FROM milestone m JOIN project p ON p.id = m.project_id WHERE p.plan_id = ? ORDER BY m.id',
  )
    .all(planId)
    .map(toMilestone);
}

export function insertMilestone(db: Database.Database, m: Omit<Milestone, 'id'>): MilestoneRow {
  const r = stmt(db, 'INSERT INTO milestone (project_id, site_id, kind, planned_date, actual_date) VALUES (?, ?, ?, ?, ?)').run(
    m.projectId,
    m.siteId,
    m.kind,
    m.plannedDate,
    m.actualDate,
  );
  return {
    id: Number(r.lastInsertRowid),
    project_id: m.projectId,
    site_id: m.siteId,
    kind: m.kind,
    planned_date: m.plannedDate,
    actual_date: m.actualDate,
  };
}

export function updateMilestoneDates(db: Database.Database, id: number, plannedDate: string | null, actualDate: string | null): void {
  stmt(db, 'UPDATE milestone SET planned_date = ?, actual_date = ? WHERE id = ?').run(plannedDate, actualDate, id);
}

export function deleteMilestone(db: Database.Database, id: number): void {
  stmt(db, 'DELETE FROM milestone WHERE id = ?').run(id);
}
