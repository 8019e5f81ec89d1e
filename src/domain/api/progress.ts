// Progress reports (进度) and milestones (里程碑) part of the Api contract. Amounts are
// integer 元 (the UI shows 万元); months are 'YYYY-MM'; dates 'YYYY-MM-DD'.
//
//   'progress.list'   { projectId }                -> ProjectProgress: every report, newest first, and the facts
//   'progress.month'  { month, planId? | projectId? } -> MonthSheet: one row per project and site with the
//                     month's report (if any) and the one before it (the grid's starting values)
//   'progress.record' { entries: [...] }            -> one batch, one IMMEDIATE transaction, all or nothing;
//                     refused entries come back as issues named 'entries.<index>.<field>'
//   'milestone.list'  { projectId }                -> Milestone[]
//   'milestone.save'  { projectId, milestones }     -> Milestone[]: each (site, kind) is set; both dates null removes it
import { z } from 'zod';
import { MONTH_PATTERN } from '../calendar';
import type { ProjectFacts } from '../facts/project-facts';
import { PROGRESS_STAGES } from '../facts/stages';
import { MILESTONE_KINDS, type Milestone, type Plan, type ProgressEntry, type Project, type Site } from '../model';
import { longText, PERSON_MAX, shortText, TEXT_MAX } from './text';

const id = z.number().int().positive();
const month = z.string().max(7, '报告期格式应为 YYYY-MM').regex(MONTH_PATTERN, '报告期格式应为 YYYY-MM，例如 2026-03');
const isoDate = z.string().max(10, '日期格式应为 YYYY-MM-DD').regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').nullable();
const yuan = (label: string) =>
  z.number({ message: `${label}应为数字` }).int(`${label}最小单位为元`).nonnegative(`${label}不能为负数`).max(1e13, `${label}过大`);

/** One report as entered; siteId null reports on the project as a whole. */
export const progressDraftSchema = z.object({
  projectId: id,
  siteId: id.nullable().default(null),
  reportMonth: month,
  stage: z.enum(PROGRESS_STAGES, { message: `建设阶段应为 ${PROGRESS_STAGES.join('、')} 之一` }),
  percent: z.number({ message: '形象进度应为数字' }).min(0, '形象进度应在 0 至 100 之间').max(100, '形象进度应在 0 至 100 之间'),
  description: longText(TEXT_MAX, '形象进度描述').default(''),
  investPeriodYuan: yuan('本月完成投资').default(0),
  investCumulativeYuan: yuan('累计完成投资'),
  problems: longText(TEXT_MAX, '存在问题').default(''),
  /** 填报人; default: the signed-in user */
  author: shortText(PERSON_MAX, '填报人').optional(),
});
export type ProgressDraftInput = z.input<typeof progressDraftSchema>;

/** a whole plan's sites for one month is ~150 rows; imports of several months stay well below */
export const MAX_PROGRESS_ENTRIES = 10_000;

export const milestoneItemSchema = z.object({
  siteId: id.nullable().default(null),
  kind: z.enum(MILESTONE_KINDS, { message: `里程碑应为 ${MILESTONE_KINDS.join('、')} 之一` }),
  plannedDate: isoDate.default(null),
  actualDate: isoDate.default(null),
});
export type MilestoneItemInput = z.input<typeof milestoneItemSchema>;

export const progressSchemas = {
  'progress.list': z.object({ projectId: id }),
  'progress.month': z.object({ month, planId: id.optional(), projectId: id.optional() }),
  'progress.record': z.object({
    entries: z
      .array(progressDraftSchema)
      .min(1, '没有要保存的进度')
      .max(MAX_PROGRESS_ENTRIES, `一次最多保存 ${MAX_PROGRESS_ENTRIES} 条进度`),
  }),
  'milestone.list': z.object({ projectId: id }),
  'milestone.save': z.object({
    projectId: id,
    milestones: z.array(milestoneItemSchema).max(2000, '一次最多保存 2000 个里程碑'),
  }),
};

export interface ProjectProgress {
  project: Project;
  sites: Site[];
  /** every report of the project and its sites, newest first (by 报告期, then entry order) */
  entries: ProgressEntry[];
  milestones: Milestone[];
  facts: ProjectFacts;
}

export interface MonthSheetRow {
  projectId: number;
  /** null: the project as a whole */
  siteId: number | null;
  /** 序号: "10" for a project, "10-3" for its third site */
  seqLabel: string;
  /** project name, or the site's 镇 村 地址 */
  name: string;
  /** the month's report (its latest row), null when not reported yet */
  current: ProgressEntry | null;
  /** the latest report before the month: the starting values, and what checks compare with */
  previous: ProgressEntry | null;
}

export interface MonthSheet {
  plan: Plan;
  month: string;
  today: string;
  rows: MonthSheetRow[];
}

export interface RecordResult {
  /** reports added */
  recorded: number;
  /** entries equal to the month's latest report, so not added again */
  unchanged: number;
  /** ids of the added reports, in entry order */
  ids: number[];
  /** change_log batch (what 撤销 reverts); null when nothing was added */
  batchId: string | null;
}

export interface ProgressOutputs {
  'progress.list': ProjectProgress;
  'progress.month': MonthSheet;
  'progress.record': RecordResult;
  'milestone.list': Milestone[];
  'milestone.save': Milestone[];
}
