// The 进度月报 workbook's layout, shared by its export and its import: a title row naming the
// report month, a header row, one row per project followed by one per site, notes under the
// table, and two hidden id columns (项目ID, 点位ID) so a filled-in file matches its rows even
// when names were edited or rows re-sorted. A hidden sheet repeats the plan and the month.
import type { MonthSheetRow } from '../api/progress';
import { addMonthsToDate, chineseMonth, firstDayOfMonth, monthOf, type IsoDate, type IsoMonth } from '../calendar';
import type { ColumnDef } from './column-def';
import { toHalfWidth } from './parse-number';

export type ProgressReportField =
  | 'seq'
  | 'name'
  | 'site'
  | 'stage'
  | 'percent'
  | 'description'
  | 'investPeriod'
  | 'investCumulative'
  | 'problems'
  | 'author'
  | 'projectId'
  | 'siteId';

export const PROGRESS_SHEET_NAME = '进度月报';
export const PROGRESS_INFO_SHEET_NAME = '进度月报信息';
export const PROGRESS_TITLE_SUFFIX = '重点项目进度月报';
/** what the 点位 cell of a project's own row says */
export const WHOLE_PROJECT_LABEL = '项目整体';

/** Columns in export order; the two id columns are hidden. */
export const PROGRESS_REPORT_COLUMNS: readonly ColumnDef<ProgressReportField>[] = [
  { field: 'seq', header: '序号', synonyms: ['编号'], required: false, width: 7 },
  { field: 'name', header: '项目名称', synonyms: ['名称', '项目'], required: false, width: 26 },
  { field: 'site', header: '点位（乡镇/村）', synonyms: ['点位', '建设点', '建设点位', '点位（乡镇、村）', '乡镇/村', '建设地点'], required: false, width: 20 },
  { field: 'stage', header: '建设阶段', synonyms: ['阶段', '项目阶段', '建设状态'], required: true, width: 10 },
  { field: 'percent', header: '形象进度（%）', synonyms: ['形象进度', '形象进度百分比', '完成比例（%）', '进度（%）'], required: true, width: 9 },
  { field: 'description', header: '形象进度描述', synonyms: ['形象进度情况', '形象进度说明', '进度描述', '进展情况'], required: false, width: 30 },
  {
    field: 'investPeriod',
    header: '本月完成投资（万元）',
    synonyms: ['本月完成投资', '当月完成投资', '本期完成投资', '月度完成投资'],
    required: false,
    width: 11,
    money: true,
  },
  {
    field: 'investCumulative',
    header: '累计完成投资（万元）',
    synonyms: ['累计完成投资', '累计投资', '开工累计完成投资', '自开工累计完成投资'],
    required: true,
    width: 11,
    money: true,
  },
  { field: 'problems', header: '存在问题', synonyms: ['存在的问题', '问题', '困难和问题', '存在问题及建议'], required: false, width: 24 },
  { field: 'author', header: '填报人', synonyms: ['填表人', '联系人'], required: false, width: 9 },
  { field: 'projectId', header: '项目ID（勿改）', synonyms: ['项目ID'], required: false, width: 8 },
  { field: 'siteId', header: '点位ID（勿改）', synonyms: ['点位ID'], required: false, width: 8 },
];

/** Visible columns (the print area); the id columns follow them, hidden. */
export const PROGRESS_VISIBLE_COLUMNS = 10;

/** "…规划重点项目进度月报（2026年10月）" */
export function progressReportTitle(planTitle: string, month: IsoMonth): string {
  return `${planTitle}${PROGRESS_TITLE_SUFFIX}（${chineseMonth(month)}）`;
}

/** The report month a title or note names ("2026年10月", "2026-10", "２０２６年１０月"), or null. */
export function monthInText(text: string): IsoMonth | null {
  const t = toHalfWidth(text).replace(/\s+/g, '');
  const m = /(\d{4})年(\d{1,2})月/.exec(t) ?? /(\d{4})[-./](\d{1,2})(?!\d)/.exec(t);
  if (!m?.[1] || !m[2]) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return `${m[1]}-${String(month).padStart(2, '0')}`;
}

/** "…规划重点项目进度月报（2026年10月）" → "…规划"; '' when the title is not ours. */
export function planTitleFromProgressTitle(title: string): string {
  const t = title.replace(/\s+/g, '');
  const at = t.indexOf(PROGRESS_TITLE_SUFFIX);
  return at > 0 ? t.slice(0, at) : '';
}

/** The month an export defaults to: the one before today's (officers report the month just ended). */
export function defaultReportMonth(today: IsoDate): IsoMonth {
  return monthOf(addMonthsToDate(firstDayOfMonth(monthOf(today)), -1));
}

/** What a row of the report starts with (export) and is compared with (import). */
export interface PrefilledValues {
  stage: string;
  percent: number | null;
  description: string;
  /** null: empty (a month not reported yet starts without its own investment) */
  investPeriodYuan: number | null;
  investCumulativeYuan: number | null;
  problems: string;
  author: string;
  /** the report the values come from: the month's own, the latest earlier one, or none */
  source: 'current' | 'previous' | 'none';
}

/** The month's report when there is one, else the latest earlier report without its month's investment. */
export function prefilledValues(row: Pick<MonthSheetRow, 'current' | 'previous'>): PrefilledValues {
  const base = row.current ?? row.previous;
  return {
    stage: base?.stage ?? '',
    percent: base ? base.percent : null,
    description: base?.description ?? '',
    investPeriodYuan: row.current ? row.current.investPeriodYuan : null,
    investCumulativeYuan: base ? base.investCumulativeYuan : null,
    problems: base?.problems ?? '',
    author: base?.author ?? '',
    source: row.current ? 'current' : row.previous ? 'previous' : 'none',
  };
}
