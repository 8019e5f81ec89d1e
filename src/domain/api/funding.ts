// Funding (资金) part of the Api contract: amounts per project × source × year × kind in
// integer 元, their totals and rates, and the funding sources edited on the settings page.
import { z } from 'zod';
import type { FundingIssue } from '../funding/checks';
import type { FundingTotals } from '../funding/totals';
import type { FundingAmount } from '../funding/types';
import { FUNDING_KINDS, type FundingSource, type Plan } from '../model';
import { nameText } from './text';

const id = z.number().int().positive();
const year = z.number().int('年份应为整数').min(1990, '年份应在 1990 至 2100 之间').max(2100, '年份应在 1990 至 2100 之间');

/** one save at most; a whole plan is 15 projects × 5 sources × 5 years × 3 kinds = 1,125 cells */
export const MAX_FUNDING_CELLS = 20_000;
export const SOURCE_NAME_MAX = 40;

export const fundingCellSchema = z.object({
  projectId: id,
  sourceId: id,
  year,
  kind: z.enum(FUNDING_KINDS, { message: '金额类型应为 planned、arrived 或 paid' }),
  /** integer 元; null deletes the amount */
  amountYuan: z
    .number({ message: '金额应为数字' })
    .int('金额最小单位为元')
    .nonnegative('金额不能为负数')
    .max(1e13, '金额过大')
    .nullable(),
});

export const fundingSchemas = {
  'funding.get': z.object({ planId: id.optional(), projectId: id.optional(), year: year.optional() }),
  'funding.save': z.object({
    cells: z.array(fundingCellSchema).max(MAX_FUNDING_CELLS, `一次最多保存 ${MAX_FUNDING_CELLS} 个金额`),
    /** save even when arrived > planned or paid > arrived (the user confirmed) */
    confirm: z.boolean().optional(),
  }),
  'fundingSources.list': z.object({}),
  /** without id: add a source; with id: rename it */
  'fundingSources.save': z.object({ id: id.optional(), name: nameText(SOURCE_NAME_MAX, '资金来源名称') }),
  'fundingSources.remove': z.object({ id }),
};

export interface FundingSourceInfo extends FundingSource {
  /** how many amounts use it: a used source cannot be removed */
  amountCount: number;
}

export interface FundingProjectBrief {
  id: number;
  seq: number;
  name: string;
  investmentYuan: number;
  startYear: number;
  endYear: number;
}

export interface FundingView {
  plan: Plan;
  sources: FundingSourceInfo[];
  /** every project of the plan (for the picker), in 序号 order */
  projects: FundingProjectBrief[];
  /** the years a grid offers: the plan's and projects' windows plus any year with amounts */
  years: number[];
  scope: { projectId: number | null; year: number | null };
  /** every amount of the projects in scope, in every year (so checks can be recomputed on edit) */
  amounts: FundingAmount[];
  /** figures of the amounts in scope (the year filter applied) */
  totals: FundingTotals;
  /** warnings and errors of the projects in scope, over all their years */
  issues: FundingIssue[];
}

export type FundingSaveResult =
  | {
      status: 'saved';
      /** amounts inserted, changed or deleted */
      changed: number;
      /** change_log batch (what 撤销 reverts); null when nothing changed */
      batchId: string | null;
      issues: FundingIssue[];
    }
  | {
      /** nothing written: these errors need the user's confirmation (save again with confirm: true) */
      status: 'needsConfirm';
      errors: FundingIssue[];
      issues: FundingIssue[];
    };

export interface FundingOutputs {
  'funding.get': FundingView;
  'funding.save': FundingSaveResult;
  'fundingSources.list': FundingSourceInfo[];
  'fundingSources.save': FundingSourceInfo[];
  'fundingSources.remove': FundingSourceInfo[];
}
