import type Database from 'better-sqlite3';
import { stmt } from '../db/statements';
import type { Milestone, MilestoneKind, ProgressEntry } from '../../domain/model';

interface ProgressRow {
  id: number;
  project_id: number;
  site_id: number | null;
  date: string;
  stage: string;
  percent: number;
  description: string;
  invest_period_yuan: number;
  invest_cumulative_yuan: number;
  problems: string;
  author: string;
}

interface MilestoneRow {
  id: number;
  project_id: number;
  site_id: number | null;
  kind: MilestoneKind;
  planned_date: string | null;
  actual_date: string | null;
}

const toProgress = (r: ProgressRow): ProgressEntry => ({
  id: r.id,
  projectId: r.project_id,
  siteId: r.site_id,
  date: r.date,
  stage: r.stage,
  percent: r.percent,
  description: r.description,
  investPeriodYuan: r.invest_period_yuan,
  investCumulativeYuan: r.invest_cumulative_yuan,
  problems: r.problems,
  author: r.author,
});

const toMilestone = (r: MilestoneRow): Milestone => ({
  id: r.id,
  projectId: r.project_id,
  siteId: r.site_id,
  kind: r.kind,
  plannedDate: r.planned_date,
  actualDate: r.actual_date,
});

export function listProgress(db: Database.Database, projectId: number): ProgressEntry[] {
  return stmt<[number], ProgressRow>(db, 'SELECT * FROM progress WHERE project_id = ? ORDER BY date, id')
    .all(projectId)
    .map(toProgress);
}

export function listProgressByPlan(db: Database.Database, planId: number): ProgressEntry[] {
  return stmt<[number], ProgressRow>(
    db,
    'SELECT g.* FROM progress g JOIN project p ON p.id = g.project_id WHERE p.plan_id = ? ORDER BY g.project_id, g.date, g.id',
  )
    .all(planId)
    .map(toProgress);
}

export function insertProgress(db: Database.Database, e: Omit<ProgressEntry, 'id'>): number {
  const r = stmt(db, 
      `INSERT INTO progress (project_id, site_id, date, stage, percent, description, invest_period_yuan,
        invest_cumulative_yuan, problems, author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      e.projectId,
      e.siteId,
      e.date,
      e.stage,
      e.percent,
      e.description,
      e.investPeriodYuan,
      e.investCumulativeYuan,
      e.problems,
      e.author,
      new Date().toISOString(),
    );
  return Number(r.lastInsertRowid);
}

export function listMilestones(db: Database.Database, projectId: number): Milestone[] {
  return stmt<[number], MilestoneRow>(db, 'SELECT * FROM milestone WHERE project_id = ? ORDER BY id')
    .all(projectId)
    .map(toMilestone);
}

export function listMilestonesByPlan(db: Database.Database, planId: number): Milestone[] {
  return stmt<[number], MilestoneRow>(db, 
      'SELECT m.* FROM milestone m JOIN project p ON p.id = m.project_id WHERE p.plan_id = ? ORDER BY m.id',
    )
    .all(planId)
    .map(toMilestone);
}

export function insertMilestone(db: Database.Database, m: Omit<Milestone, 'id'>): number {
  const r = stmt(db, 'INSERT INTO milestone (project_id, site_id, kind, planned_date, actual_date) VALUES (?, ?, ?, ?, ?)')
    .run(m.projectId, m.siteId, m.kind, m.plannedDate, m.actualDate);
  return Number(r.lastInsertRowid);
}
