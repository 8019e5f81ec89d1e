// The 资金构成 workbook's layout, shared by its export and its import: a title row, two
// header rows (groups 计划安排 / 到位 / 支付, each with a column per source and a 小计;
// then 到位率 and 支付率), one row per project and year, and a 合计 row.
import type { FundingKind } from '../model';
import type { ColumnDef } from './column-def';

export type FundingFixedField = 'seq' | 'name' | 'year';

export const FUNDING_SHEET_NAME = '资金构成';
export const FUNDING_TOTAL_LABEL = '合计';
export const FUNDING_SUBTOTAL_LABEL = '小计';
export const ARRIVAL_RATE_HEADER = '到位率';
export const PAYMENT_RATE_HEADER = '支付率';
export const FUNDING_TITLE_SUFFIX = '重点项目资金构成表';

export const FUNDING_FIXED_COLUMNS: readonly ColumnDef<FundingFixedField>[] = [
  { field: 'seq', header: '序号', synonyms: ['编号', '项目序号'], required: false, width: 6 },
  { field: 'name', header: '项目名称', synonyms: ['名称', '项目'], required: true, width: 32 },
  { field: 'year', header: '年度', synonyms: ['年份', '年度（年）', '资金年度'], required: true, width: 8 },
];

/** Group headers as exported; import also accepts the words alone and other units. */
export const FUNDING_GROUP_HEADERS: Record<FundingKind, string> = {
  planned: '计划安排（万元）',
  arrived: '到位（万元）',
  paid: '支付（万元）',
};

export const AMOUNT_WIDTH = 11;
export const RATE_WIDTH = 9;

export function fundingTitle(planTitle: string): string {
  return `${planTitle}${FUNDING_TITLE_SUFFIX}`;
}

/** "…规划重点项目资金构成表" → "…规划"; '' when the title is not ours. */
export function planTitleFromFundingTitle(title: string): string {
  const t = title.replace(/\s+/g, '');
  return t.endsWith(FUNDING_TITLE_SUFFIX) ? t.slice(0, -FUNDING_TITLE_SUFFIX.length) : '';
}

/** Which kind a normalised group header names ('计划安排(万元)', '到位', …), or null. */
export function groupKindOf(normalisedHeader: string): FundingKind | null {
  const h = normalisedHeader.replace(/\(.*\)$/, '');
  if (h === '计划安排' || h === '计划' || h === '计划安排资金' || h === '计划资金') return 'planned';
  if (h === '到位' || h === '到位资金' || h === '已到位' || h === '资金到位') return 'arrived';
  if (h === '支付' || h === '支付资金' || h === '已支付' || h === '资金支付') return 'paid';
  return null;
}

/** 1-based column numbers of the exported layout for n sources. */
export interface FundingLayout {
  sourceCount: number;
  seq: number;
  name: number;
  year: number;
  /** first column of each kind's group */
  groupStart: Record<FundingKind, number>;
  arrivalRate: number;
  paymentRate: number;
  last: number;
}

export function fundingLayout(sourceCount: number): FundingLayout {
  const width = sourceCount + 1; // sources + 小计
  const planned = 4;
  const arrived = planned + width;
  const paid = arrived + width;
  const arrivalRate = paid + width;
  return {
    sourceCount,
    seq: 1,
    name: 2,
    year: 3,
    groupStart: { planned, arrived, paid },
    arrivalRate,
    paymentRate: arrivalRate + 1,
    last: arrivalRate + 1,
  };
}

export function subtotalColumn(layout: FundingLayout, kind: FundingKind): number {
  return layout.groupStart[kind] + layout.sourceCount;
}
