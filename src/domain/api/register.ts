// The register (项目台账) and project editing part of the Api contract.
import { z } from 'zod';
import type { ChangeLogEntry, FundingSource, Milestone, Place, Plan, Project, Site } from '../model';
import { CATEGORIES, NATURES, REMARKS } from '../model';
import { PROJECT_FIELD_LABELS } from '../field-labels';
import type { Facts, ProjectFacts } from '../facts/project-facts';
import { PROJECT_TEXT_RULES, type ProjectTextField } from '../project-rules';
import { textSchema } from './text';

const id = z.number().int().positive();
const year = z.number().int().min(1990, '年份应在 1990 至 2100 之间').max(2100, '年份应在 1990 至 2100 之间');
const isoDate = z
  .string()
  .max(10, '日期格式应为 YYYY-MM-DD')
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .nullable();

/** A project text field: normalised and bounded by the shared rule table (project-rules.ts). */
const text = (field: ProjectTextField) => textSchema(PROJECT_TEXT_RULES[field], PROJECT_FIELD_LABELS[field]);

/** Editable project fields; names match Project. Amounts in 元. */
export const projectPatchSchema = z
  .object({
    seq: z.number().int('序号应为整数').positive('序号应为正整数'),
    name: text('name'),
    category: text('category'),
    nature: z.enum(NATURES, { message: '建设性质应为 新建、扩建 或 改扩建' }),
    owner: text('owner'),
    locationText: text('locationText'),
    scaleText: text('scaleText'),
    investmentYuan: z
      .number({ message: '投资估算应为数字' })
      .int('投资估算最小单位为元')
      .nonnegative('投资估算不能为负数')
      .max(1e13, '投资估算过大'),
    startYear: year,
    endYear: year,
    startDate: isoDate,
    endDate: isoDate,
    remark: text('remark'),
    responsibleUnit: text('responsibleUnit'),
    leader: text('leader'),
    note: text('note'),
  })
  .partial();

export type ProjectPatch = z.infer<typeof projectPatchSchema>;

export const registerSchemas = {
  'plans.list': z.object({}),
  'register.get': z.object({ planId: id.optional() }),
  'project.get': z.object({ id }),
  'project.update': z.object({ id, patch: projectPatchSchema }),
  'meta.get': z.object({}),
};

export interface ProjectRow extends Project {
  siteCount: number;
  towns: string[];
  /** percent, stage, light, completed investment…: the same facts as the Gantt and the dashboard */
  facts: Facts;
  /** funding totals over all sources and years, integer 元 */
  funding: { plannedYuan: number; arrivedYuan: number; paidYuan: number };
  /** the project's investment shared out over the towns of its sites (town-share.ts), integer 元 */
  townShares: { town: string; shareYuan: number; siteCount: number }[];
  /** each site's "town village address scale", so a search can find a village inside the site list */
  siteTexts: string[];
}

export interface RegisterView {
  plan: Plan;
  projects: ProjectRow[];
  totalInvestmentYuan: number;
  siteCount: number;
  categories: string[];
  towns: string[];
}

export interface ProjectDetail {
  project: Project;
  plan: Plan;
  sites: Site[];
  milestones: Milestone[];
  history: ChangeLogEntry[];
  /** the project's and each site's facts (light, percent, stage, actual dates) */
  facts: ProjectFacts;
}

export interface AppMeta {
  dbPath: string;
  schemaVersion: number;
  user: string;
  categories: readonly string[];
  natures: readonly string[];
  remarks: readonly string[];
  fundingSources: FundingSource[];
  places: Place[];
  /** the database is open read-only: the UI shows a banner and disables edits */
  readOnly: boolean;
  /** problems met at start that did not stop it (e.g. the daily backup failed on a full disk) */
  warnings: string[];
}

export interface RegisterOutputs {
  'plans.list': Plan[];
  'register.get': RegisterView;
  'project.get': ProjectDetail;
  'project.update': ProjectDetail;
  'meta.get': AppMeta;
}

export const DEFAULT_LISTS = { categories: CATEGORIES, natures: NATURES, remarks: REMARKS };
