// Writes the 进度月报 workbook for one month: a row per project, then a row per site under it,
// prefilled with the month's report when there is one, else with the latest earlier report
// (本月完成投资 left empty: a new month starts from nothing; 累计 is carried). Officers fill it
// in Excel or WPS and send it back (import kind 'progress'). No formulas in the data cells:
// files saved by openpyxl and some WPS versions drop cached values, which the import could
// then not read. Stage cells carry a drop-down list, percent and amounts a range check.
// Print set-up as the annex: A4 landscape, fit to width, repeated title and header, frozen
// header, wrapped text with row heights computed from the text and the column widths (so
// LibreOffice and WPS, which do not grow rows on their own, don't overlap lines).
import ExcelJS from 'exceljs';
import { ApiError } from '../../domain/api/errors';
import type { MonthSheet, MonthSheetRow } from '../../domain/api/progress';
import { chineseMonth, monthOf } from '../../domain/calendar';
import { PROGRESS_STAGES } from '../../domain/facts/stages';
import { yuanToWan } from '../../domain/money';
import { columnLetter } from '../../domain/xlsx/column-letter';
import {
  PROGRESS_INFO_SHEET_NAME,
  PROGRESS_REPORT_COLUMNS,
  PROGRESS_SHEET_NAME,
  PROGRESS_VISIBLE_COLUMNS,
  WHOLE_PROJECT_LABEL,
  defaultReportMonth,
  prefilledValues,
  progressReportTitle,
  type ProgressReportField,
} from '../../domain/xlsx/progress-report-columns';
import type { ServiceContext } from '../context';
import { monthSheet } from '../services/progress-service';
import { cellTextValue } from './cell-text';
import { displayWidth, FONT, headerStyle, printedSheetOptions, rowHeightForLines, TEXT_STYLE, wrappedRowHeight, writeTitleRow } from './sheet-layout';

const AMOUNT_FORMAT = '#,##0.00##';
const PROJECT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF4FA' } };

// one style object per kind of cell (ExcelJS registers a style once per object)
const HEADER = headerStyle(10);
const TEXT = TEXT_STYLE;
const CENTRE: Partial<ExcelJS.Style> = { ...TEXT, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
const NUMBER: Partial<ExcelJS.Style> = { ...TEXT, alignment: { horizontal: 'right', vertical: 'middle' } };
const AMOUNT: Partial<ExcelJS.Style> = { ...NUMBER, numFmt: AMOUNT_FORMAT };
const SITE_NAME: Partial<ExcelJS.Style> = { ...TEXT, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true, indent: 1 } };
const PROJECT_TEXT: Partial<ExcelJS.Style> = { ...TEXT, font: { name: FONT, size: 10, bold: true }, fill: PROJECT_FILL };
const PROJECT_CENTRE: Partial<ExcelJS.Style> = { ...CENTRE, font: { name: FONT, size: 10, bold: true }, fill: PROJECT_FILL };
const WHOLE: Partial<ExcelJS.Style> = { ...CENTRE, font: { name: FONT, size: 10, color: { argb: 'FF808080' } }, fill: PROJECT_FILL };
const ID: Partial<ExcelJS.Style> = { font: { name: FONT, size: 9, color: { argb: 'FF808080' } } };
const NOTE: Partial<ExcelJS.Style> = { font: { name: FONT, size: 9 }, alignment: { horizontal: 'left', vertical: 'top', wrapText: true } };

export const PROGRESS_HEADER_ROW = 2;
export const PROGRESS_FIRST_DATA_ROW = 3;

/** 1-based column of a field in the exported layout. */
export function progressColumn(field: ProgressReportField): number {
  return PROGRESS_REPORT_COLUMNS.findIndex((c) => c.field === field) + 1;
}

function widthOf(field: ProgressReportField): number {
  return PROGRESS_REPORT_COLUMNS.find((c) => c.field === field)?.width ?? 10;
}

/** Columns whose text wraps, so the row's height follows them. */
const WRAPPED: readonly ProgressReportField[] = ['seq', 'name', 'site', 'description', 'problems', 'author'];

export const PROGRESS_NOTES = [
  `填报说明：1. 建设阶段请从下拉列表选择（${PROGRESS_STAGES.join('、')}）；形象进度填 0 至 100 的数字；金额单位为万元。`,
  '2. 表中已填入上期（或本月已报）的数值作为起点：只改有变化的行，未改动的行不会导入；只填本月完成投资而未改累计时，累计按“上期累计 + 本月”计算。',
  '3. 累计完成投资不能低于上期；形象进度只有在阶段为“暂停”或“取消”时才能下降。请勿修改最后两列（已隐藏）和“进度月报信息”工作表，系统据此对应项目和点位。',
];

/** Row height (pt) fitting the tallest wrapped cell of the row. */
export function rowHeightFor(texts: Partial<Record<ProgressReportField, string>>): number {
  let lines = 1;
  for (const f of WRAPPED) {
    const t = texts[f];
    if (!t) continue;
    const chars = Math.max(1, widthOf(f) - 1);
    // an explicit line break starts a new line: measure each line on its own
    const n = t.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / chars)), 0);
    lines = Math.max(lines, n);
  }
  return rowHeightForLines(lines);
}

function setValidations(ws: ExcelJS.Worksheet, first: number, last: number): void {
  const stage: ExcelJS.DataValidation = {
    type: 'list',
    allowBlank: true,
    formulae: [`"${PROGRESS_STAGES.join(',')}"`],
    showErrorMessage: true,
    errorTitle: '建设阶段',
    error: `请从列表中选择：${PROGRESS_STAGES.join('、')}`,
    showInputMessage: true,
    promptTitle: '建设阶段',
    prompt: '请从下拉列表选择',
  };
  const percent: ExcelJS.DataValidation = {
    type: 'decimal',
    operator: 'between',
    allowBlank: true,
    formulae: [0, 100],
    showErrorMessage: true,
    errorTitle: '形象进度',
    error: '形象进度应为 0 至 100 之间的数字',
  };
  const amount: ExcelJS.DataValidation = {
    type: 'decimal',
    operator: 'greaterThanOrEqual',
    allowBlank: true,
    formulae: [0],
    showErrorMessage: true,
    errorTitle: '金额',
    error: '金额应为不小于 0 的数字（万元）',
  };
  const checks: [ProgressReportField, ProgressReportField, ExcelJS.DataValidation][] = [
    ['stage', 'stage', stage],
    ['percent', 'percent', percent],
    ['investPeriod', 'investCumulative', amount],
  ];
  const table = validationTable(ws);
  for (const [from, to, validation] of checks) {
    const [a, z] = [progressColumn(from), progressColumn(to)];
    if (table) {
      table.add(`${columnLetter(a)}${first}:${columnLetter(z)}${last}`, validation);
      continue;
    }
    for (let r = first; r <= last; r++) for (let c = a; c <= z; c++) ws.getCell(r, c).dataValidation = validation;
  }
}

/** ExcelJS's per-worksheet validation table (untyped in its .d.ts), or null if it changed. */
interface ValidationTable {
  add(address: string, validation: ExcelJS.DataValidation): unknown;
}

function isValidationTable(x: unknown): x is ValidationTable {
  return typeof x === 'object' && x !== null && 'add' in x && typeof x.add === 'function';
}

/**
 * One range per column instead of a validation per cell: ExcelJS's merging of per-cell
 * validations sorts addresses as text (D10 before D3) and writes overlapping ranges.
 */
function validationTable(ws: ExcelJS.Worksheet): ValidationTable | null {
  const table: unknown = Reflect.get(ws, 'dataValidations');
  return isValidationTable(table) ? table : null;
}

function writeInfoSheet(wb: ExcelJS.Workbook, sheet: MonthSheet): void {
  const ws = wb.addWorksheet(PROGRESS_INFO_SHEET_NAME, { state: 'hidden' });
  ws.columns = [{ width: 12 }, { width: 40 }];
  ws.addRow(['规划编号', sheet.plan.id]);
  ws.addRow(['规划名称', cellTextValue(sheet.plan.title)]);
  ws.addRow(['报告期', sheet.month]);
  ws.addRow(['导出日期', sheet.today]);
}

function writeRow(ws: ExcelJS.Worksheet, r: number, row: MonthSheetRow): void {
  const v = prefilledValues(row);
  const isSite = row.siteId !== null;
  const x = ws.getRow(r);
  const set = (field: ProgressReportField, value: string | number | null, style: Partial<ExcelJS.Style>): void => {
    const cell = x.getCell(progressColumn(field));
    cell.style = style;
    if (value !== null && value !== '') cell.value = typeof value === 'string' ? cellTextValue(value) : value;
  };
  set('seq', row.seqLabel, isSite ? CENTRE : PROJECT_CENTRE);
  set('name', isSite ? '' : row.name, isSite ? TEXT : PROJECT_TEXT);
  set('site', isSite ? row.name : WHOLE_PROJECT_LABEL, isSite ? SITE_NAME : WHOLE);
  set('stage', v.stage, CENTRE);
  set('percent', v.percent, NUMBER);
  set('description', v.description, TEXT);
  set('investPeriod', v.investPeriodYuan === null ? null : yuanToWan(v.investPeriodYuan), AMOUNT);
  set('investCumulative', v.investCumulativeYuan === null ? null : yuanToWan(v.investCumulativeYuan), AMOUNT);
  set('problems', v.problems, TEXT);
  set('author', v.author, CENTRE);
  set('projectId', row.projectId, ID);
  set('siteId', row.siteId, ID);
  x.height = rowHeightFor({
    seq: row.seqLabel,
    name: isSite ? '' : row.name,
    site: isSite ? row.name : WHOLE_PROJECT_LABEL,
    description: v.description,
    problems: v.problems,
    author: v.author,
  });
}

/** The 进度月报 of `sheet.month` for every project and site of `sheet.plan`. */
export function buildProgressReportWorkbook(sheet: MonthSheet): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '民政重点项目台账';
  wb.created = new Date();
  const lastVisible = columnLetter(PROGRESS_VISIBLE_COLUMNS);
  const ws = wb.addWorksheet(
    PROGRESS_SHEET_NAME,
    printedSheetOptions({
      frozen: { xSplit: 3, ySplit: PROGRESS_HEADER_ROW },
      printTitlesRow: `1:${PROGRESS_HEADER_ROW}`,
      footerLabel: `${chineseMonth(sheet.month)}进度月报　`,
    }),
  );
  ws.columns = PROGRESS_REPORT_COLUMNS.map((c) => ({ width: c.width }));
  ws.getColumn(progressColumn('projectId')).hidden = true;
  ws.getColumn(progressColumn('siteId')).hidden = true;

  writeTitleRow(ws, progressReportTitle(sheet.plan.title, sheet.month), lastVisible);

  const header = ws.getRow(PROGRESS_HEADER_ROW);
  PROGRESS_REPORT_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.style = i < PROGRESS_VISIBLE_COLUMNS ? HEADER : ID;
  });
  header.height = Math.max(24, ...PROGRESS_REPORT_COLUMNS.slice(0, PROGRESS_VISIBLE_COLUMNS).map((c) => wrappedRowHeight(c.header, c.width)));

  sheet.rows.forEach((row, i) => writeRow(ws, PROGRESS_FIRST_DATA_ROW + i, row));
  const lastData = PROGRESS_FIRST_DATA_ROW + sheet.rows.length - 1;
  if (sheet.rows.length > 0) setValidations(ws, PROGRESS_FIRST_DATA_ROW, lastData);

  // notes under the table, one blank row below it; the import stops at the first note
  const totalWidth = PROGRESS_REPORT_COLUMNS.slice(0, PROGRESS_VISIBLE_COLUMNS).reduce((s, c) => s + c.width, 0);
  let r = lastData + 2;
  for (const note of PROGRESS_NOTES) {
    const cell = ws.getCell(r, 1);
    cell.value = note;
    cell.style = NOTE;
    ws.mergeCells(r, 1, r, PROGRESS_VISIBLE_COLUMNS);
    ws.getRow(r).height = wrappedRowHeight(note, totalWidth);
    r++;
  }
  ws.pageSetup.printArea = `A1:${lastVisible}${r - 1}`;
  writeInfoSheet(wb, sheet);
  return wb;
}

/** The rows of a plan's report for `month` (default: the month before today's); a future month is refused. */
export function progressReportSheet(ctx: ServiceContext, planId: number, month?: string): MonthSheet {
  const today = ctx.today();
  const m = month ?? defaultReportMonth(today);
  if (m > monthOf(today)) {
    throw new ApiError('invalid', `不能导出${chineseMonth(m)}的进度月报：晚于本月（${chineseMonth(monthOf(today))}），不能填报未来的月份`, [
      { field: 'month', message: `报告期 ${m} 晚于本月` },
    ]);
  }
  return monthSheet(ctx, { month: m, planId });
}
