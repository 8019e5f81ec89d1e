// The register (项目台账) and project editing part of the Api contract.
import { z } from 'zod';
import type { ChangeLogEntry, FundingSource, Milestone, Place, Plan, Project, Site } from '../model';
import { CATEGORIES, NATURES, REMARKS } from '../model';

const id = z.number().int().positive();
const year = z.number().int().min(1990, '年份应在 1990 至 2100 之间').max(2100, '年份应在 1990 至 2100 之间');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .nullable();

/** Editable project fields; names match Project. Amounts in 元. */
export const projectPatchSchema = z
  .object({
    seq: z.number().int('序号应为整数').positive('序号应为正整数'),
    name: z.string().trim().min(1, '项目名称不能为空').max(200, '项目名称过长'),
    category: z.string().trim().min(1, '类别不能为空'),
    nature: z.enum(NATURES, { message: '建设性质应为 新建、扩建 或 改扩建' }),
    owner: z.string().trim().max(200),
    locationText: z.string().trim().max(5000),
    scaleText: z.string().trim().max(5000),
    investmentYuan: z
      .number({ message: '投资估算应为数字' })
      .int('投资估算最小单位为元')
      .nonnegative('投资估算不能为负数')
      .max(1e13, '投资估算过大'),
    startYear: year,
    endYear: year,
    startDate: isoDate,
    endDate: isoDate,
    remark: z.string().trim().max(100),
    responsibleUnit: z.string().trim().max(200),
    leader: z.string().trim().max(100),
    note: z.string().trim().max(5000),
  })
  .partial();

export type ProjectPatch = z.infer<typeof projectPatchSchema>;

export const registerSchemas = {
  'plans.list': z.object({}),
  'register.get': z.object({ planId: id.optional() }),
  'project.get': z.object({ id }),
  'project.update': z.object({ id, patch: projectPatchSchema }),
  'project.undoLast': z.object({ id }),
  'meta.get': z.object({}),
};

export interface ProjectRow extends Project {
  siteCount: number;
  towns: string[];
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
}

export interface RegisterOutputs {
  'plans.list': Plan[];
  'register.get': RegisterView;
  'project.get': ProjectDetail;
  'project.update': ProjectDetail;
  'project.undoLast': ProjectDetail;
  'meta.get': AppMeta;
}

export const DEFAULT_LISTS = { categories: CATEGORIES, natures: NATURES, remarks: REMARKS };
