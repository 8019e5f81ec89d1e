// Funding totals per project (all sources and years), read straight from the funding
// table for `list --json` and the register. Editing funding is funding-repo's business.
import type Database from 'better-sqlite3';
import { stmt } from '../db/statements';

export interface ProjectFundingTotals {
  plannedYuan: number;
  arrivedYuan: number;
  paidYuan: number;
}

export const NO_FUNDING: ProjectFundingTotals = { plannedYuan: 0, arrivedYuan: 0, paidYuan: 0 };

export function fundingTotalsByProject(db: Database.Database, planId: number): Map<number, ProjectFundingTotals> {
  const rows = stmt<[number], { project_id: number; planned: number; arrived: number; paid: number }>(
    db,
    `SELECT f.project_id,
            SUM(CASE WHEN f.kind = 'planned' THEN f.amount_yuan ELSE 0 END) AS planned,
            SUM(CASE WHEN f.kind = 'arrived' THEN f.amount_yuan ELSE 0 END) AS arrived,
            SUM(CASE WHEN f.kind = 'paid' THEN f.amount_yuan ELSE 0 END) AS paid
       FROM funding f JOIN project p ON p.id = f.project_id
      WHERE p.plan_id = ?
      GROUP BY f.project_id`,
  ).all(planId);
  return new Map(rows.map((r) => [r.project_id, { plannedYuan: r.planned, arrivedYuan: r.arrived, paidYuan: r.paid }]));
}
