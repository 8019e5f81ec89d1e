// The dashboard (总览) part of the Api contract: everything the one-page brief shows,
// computed by the backend from the same facts as the register and the Gantt.
import { z } from 'zod';
import type { Rate } from '../facts/rates';
import type { Plan } from '../model';

export const dashboardSchemas = {
  'dashboard.get': z.object({ planId: z.number().int().positive().optional() }),
};

export const LIGHT_KEYS = ['red', 'yellow', 'green', 'done', 'grey'] as const;
export type LightKey = (typeof LIGHT_KEYS)[number];


/** one of the four rates (src/domain/facts/rates.ts) with its figures in words */
export interface RateFigure extends Rate {
  /** "3 / 12 个项目" or "1,234 / 63,760 万元" */
  detail: string;
}

export interface CategoryTotal {
  category: string;
  projectCount: number;
  investmentYuan: number;
  completedYuan: number;
}

export interface TownTotal {
  town: string;
  siteCount: number;
  /** the town's own share of the plan: its sites' shares, never a whole project's investment */
  shareYuan: number;
  projectCount: number;
}

export interface SourceTotal {
  sourceId: number;
  name: string;
  plannedYuan: number;
  arrivedYuan: number;
  paidYuan: number;
}

export interface MonthTotal {
  /** YYYY-MM */
  month: string;
  completedYuan: number;
}

export interface AttentionItem {
  projectId: number;
  seq: number;
  name: string;
  light: LightKey;
  /** 'red' first, then long unreported, then 'yellow' */
  kind: 'red' | 'unreported' | 'yellow';
  reason: string;
}

export interface DashboardData {
  plan: Plan;
  today: string;
  projectCount: number;
  siteCount: number;
  investmentYuan: number;
  completedYuan: number;
  rates: RateFigure[];
  lights: Record<LightKey, number>;
  byCategory: CategoryTotal[];
  byTown: TownTotal[];
  bySource: SourceTotal[];
  byMonth: MonthTotal[];
  attention: AttentionItem[];
  /** how town shares were made, for the hover text */
  townShareNote: string;
}

export interface DashboardOutputs {
  'dashboard.get': DashboardData;
}
