// The register (项目台账) and project editing part of the Api contract.
import { z } from 'zod';
import type { ChangeLogEntry, FundingSource, Milestone, Place, Plan, Project, Site } from '../model';
import { CATEGORIES, NATURES, REMARKS } from '../model';
import { PROJECT_FIELD_LABELS } from '../field-labels';
import type { Facts, ProjectFacts } from '../facts/project-facts';
import { PROJECT_TEXT_RULES, type ProjectTextField } from '../project-rules';
import { textSchema } from './text';
import type { RegisterColumns } from './register-columns';
import type { RegisterFirst } from './register-first';

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
  'register.rows': z.object({ planId: id.optional() }),
  'register.columns': z.object({ planId: id.optional() }),
  /** `rows`: how many rows of the default order the first window needs (the page's height in rows) */
  'register.first': z.object({ planId: id.optional(), rows: z.number().int().min(1).max(1000) }),
  'project.get': z.object({ id }),
  'project.update': z.object({ id, patch: projectPatchSchema }),
  'meta.get': z.object({}),
};

/** The Project fields a register row carries: the one list for the type and the service's copy. */
export const REGISTER_PROJECT_KEYS = [
  'id',
  'seq',
  'name',
  'category',
  'nature',
  'owner',
  'locationText',
  'scaleText',
  'investmentYuan',
  'startYear',
  'endYear',
  'startDate',
  'endDate',
  'remark',
] as const satisfies readonly (keyof Project)[];
export type RegisterProjectKey = (typeof REGISTER_PROJECT_KEYS)[number];

/** The facts a register row shows, filters and sums on (a slice of Facts). */
export type RegisterFacts = Pick<Facts, 'percent' | 'stage' | 'light' | 'lightReason' | 'lastReportMonth' | 'completedInvestmentYuan'>;

/**
 * One register row as `register.rows` sends it: only what the table shows, searches, sorts
 * and sums, so 10,000 rows stay a small answer (no metrics, funding, or whole Facts).
 */
export interface RegisterRow extends Pick<Project, RegisterProjectKey> {
  siteCount: number;
  towns: string[];
  facts: RegisterFacts;
  /** the project's investment shared out over the towns of its sites (town-share.ts), integer 元 */
  townShares: { town: string; shareYuan: number; siteCount: number }[];
  /** each site's "town village address scale", so a search can find a village inside the site list */
  siteTexts: string[];
}

/** A whole project row (`register.get`, `list --json`): a RegisterRow plus every Project field, all facts and funding. */
export interface ProjectRow extends Project, RegisterRow {
  /** percent, stage, light, completed investment…: the same facts as the Gantt and the dashboard */
  facts: Facts;
  /** funding totals over all sources and years, integer 元 */
  funding: { plannedYuan: number; arrivedYuan: number; paidYuan: number };
}

/** The register's header: the plan, its totals and the filter lists. */
export interface RegisterSummary {
  plan: Plan;
  totalInvestmentYuan: number;
  siteCount: number;
  categories: string[];
  towns: string[];
}

export interface RegisterView extends RegisterSummary {
  projects: ProjectRow[];
}

/** `register.rows`: the same summary, with slim rows. */
export interface RegisterRows extends RegisterSummary {
  projects: RegisterRow[];
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
  'register.rows': RegisterRows;
  /** register.rows in a compact wire form (register-columns.ts): what the register page loads */
  'register.columns': RegisterColumns;
  /** the first window of rows and the whole plan's totals, or the whole register when small (register-first.ts) */
  'register.first': RegisterFirst;
  'project.get': ProjectDetail;
  'project.update': ProjectDetail;
  'meta.get': AppMeta;
}

export const DEFAULT_LISTS = { categories: CATEGORIES, natures: NATURES, remarks: REMARKS };
