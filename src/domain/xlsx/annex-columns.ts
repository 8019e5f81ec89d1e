// Column definitions of the two annex workbooks, shared by export (headers, widths)
// and import (synonyms, which columns are required).
import type { ColumnDef as GenericColumnDef } from './column-def';

export type AnnexField = 'seq' | 'name' | 'nature' | 'owner' | 'location' | 'scale' | 'investment' | 'window' | 'remark';

/** The annex's columns; other workbooks define their own fields over the same ColumnDef. */
export type ColumnDef = GenericColumnDef<AnnexField>;

const SEQ: ColumnDef = { field: 'seq', header: '序号', synonyms: ['编号', '项目序号', '序'], required: true, width: 6 };
const NAME: ColumnDef = { field: 'name', header: '项目名称', synonyms: ['名称', '项目'], required: true, width: 30 };
const NATURE: ColumnDef = { field: 'nature', header: '建设性质', synonyms: ['性质', '项目性质'], required: false, width: 9 };
const OWNER: ColumnDef = {
  field: 'owner',
  header: '项目建设主体',
  synonyms: ['建设主体', '项目业主', '业主单位', '建设单位', '项目单位'],
  required: false,
  width: 14,
};
const LOCATION: ColumnDef = {
  field: 'location',
  header: '项目建设地',
  synonyms: ['建设地点', '项目建设地点', '项目地点', '建设地址', '项目所在地', '建设地'],
  required: false,
  width: 28,
};
const SCALE: ColumnDef = {
  field: 'scale',
  header: '拟建设规模和建设内容',
  synonyms: [
    '建设规模及内容',
    '建设规模和内容',
    '建设规模及建设内容',
    '建设规模和建设内容',
    '建设内容及规模',
    '拟建设规模及建设内容',
    '主要建设内容',
    '建设内容',
    '建设规模',
  ],
  required: false,
  width: 60,
};
const INVESTMENT: ColumnDef = {
  field: 'investment',
  header: '投资估算（万元）',
  synonyms: ['投资估算', '总投资', '投资', '估算投资', '计划总投资', '项目总投资', '估算总投资'],
  required: true,
  width: 12,
  money: true,
};
const WINDOW: ColumnDef = {
  field: 'window',
  header: '建设年限',
  synonyms: ['建设期限', '建设起止年限', '起止年限', '建设周期', '建设年度', '实施年限'],
  required: true,
  width: 14,
};
const REMARK: ColumnDef = { field: 'remark', header: '备注', synonyms: ['说明'], required: false, width: 12 };

/** 附件1 重点项目清单明细 */
export const ANNEX_COLUMNS: readonly ColumnDef[] = [SEQ, NAME, NATURE, OWNER, LOCATION, SCALE, INVESTMENT, WINDOW];
/** 重点项目清单 */
export const SUMMARY_COLUMNS: readonly ColumnDef[] = [
  SEQ,
  { ...NAME, width: 40 },
  { ...LOCATION, width: 50 },
  { ...INVESTMENT, required: true },
  { ...REMARK, required: false },
];

/** What the importer accepts: the annex columns plus an optional 备注 column. */
export const IMPORT_COLUMNS: readonly ColumnDef[] = [...ANNEX_COLUMNS, REMARK];

export const ANNEX_SHEET_NAME = '附件1 重点项目清单明细';
export const SUMMARY_SHEET_NAME = '重点项目清单';
/** Hidden sheet carrying the fields the annex layout has no column for, so a round trip loses nothing. */
export const EXTRA_SHEET_NAME = '_项目附加信息';
export const EXTRA_COLUMNS = [
  '序号',
  '项目名称',
  '印刷序号',
  '类别',
  '开始日期',
  '结束日期',
  '责任单位',
  '责任人',
  '附注',
  '备注',
] as const;
/** Files exported before 备注 joined the hidden sheet carry only the first 9 columns. */
export const EXTRA_COLUMNS_REQUIRED = 9;

export const TOTAL_LABEL = '合计';

/** "附件1  X重点项目清单明细" → "X": the plan title carried by an annex's title row. */
export function planTitleFromSheetTitle(title: string): string {
  return title
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*[:：、.]?\s*/, '')
    .replace(/\s*[—–-]*\s*(重点)?(建设)?项目(清单明细|清单|明细表|汇总表|一览表)\s*$/, '')
    .trim();
}

export function annexTitle(planTitle: string): string {
  return `附件1  ${planTitle}重点项目清单明细`;
}

export function summaryTitle(planTitle: string): string {
  return `${planTitle}重点项目清单`;
}
