// Writes the 资金构成 workbook: one row per project and year, a column per source for each
// of 计划安排 / 到位 / 支付 with a 小计 each, then 到位率 and 支付率. Subtotals, the 合计 row
// and the rates are live formulas (rates guarded against dividing by zero) carrying their
// cached values, so Excel, WPS and LibreOffice show the figures the app shows, and recompute
// them when finance fills the sheet in. Print set-up as the annex: A4 landscape, fit to
// width, repeated header rows, frozen header, merged title, wrapped names with row heights.
import ExcelJS from 'exceljs';
import { ratio } from '../../domain/funding/rates';
import { amountKey, type FundingAmount } from '../../domain/funding/types';
import { projectYears } from '../../domain/funding/years';
import { FUNDING_KINDS, type FundingKind, type FundingSource, type Plan, type Project } from '../../domain/model';
import { yuanToWan } from '../../domain/money';
import {
  AMOUNT_WIDTH,
  ARRIVAL_RATE_HEADER,
  FUNDING_FIXED_COLUMNS,
  FUNDING_GROUP_HEADERS,
  FUNDING_SHEET_NAME,
  FUNDING_SUBTOTAL_LABEL,
  FUNDING_TOTAL_LABEL,
  PAYMENT_RATE_HEADER,
  RATE_WIDTH,
  fundingLayout,
  fundingTitle,
  subtotalColumn,
  type FundingLayout,
} from '../../domain/xlsx/funding-columns';
import { columnLetter } from './annex-export';
import { cellTextValue } from './cell-text';
import { FONT, headerStyle, printedSheetOptions, TEXT_STYLE, wrappedRowHeight, writeTitleRow } from './sheet-layout';

const AMOUNT_FORMAT = '#,##0.00##';
const RATE_FORMAT = '0.00%';

// one style object per kind of cell (ExcelJS registers a style once per object)
const HEADER = headerStyle(10);
const TEXT = TEXT_STYLE;
const CENTRE: Partial<ExcelJS.Style> = { ...TEXT, alignment: { horizontal: 'center', vertical: 'middle' } };
const AMOUNT: Partial<ExcelJS.Style> = { ...TEXT, alignment: { horizontal: 'right', vertical: 'middle' }, numFmt: AMOUNT_FORMAT };
const SUBTOTAL: Partial<ExcelJS.Style> = { ...AMOUNT, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF7F7F7' } } };
const RATE: Partial<ExcelJS.Style> = { ...AMOUNT, numFmt: RATE_FORMAT };
const TOTAL_TEXT: Partial<ExcelJS.Style> = { ...CENTRE, font: { name: FONT, size: 10, bold: true } };
const TOTAL_AMOUNT: Partial<ExcelJS.Style> = { ...AMOUNT, font: { name: FONT, size: 10, bold: true } };
const TOTAL_RATE: Partial<ExcelJS.Style> = { ...RATE, font: { name: FONT, size: 10, bold: true } };

const FIRST_DATA_ROW = 4;
/** Re-exported for older callers: the row-height measure lives in sheet-layout. */
export { displayWidth, wrappedRowHeight } from './sheet-layout';

export interface FundingWorkbookInput {
  plan: Pick<Plan, 'title'>;
  projects: readonly Project[];
  sources: readonly FundingSource[];
  amounts: readonly FundingAmount[];
}

/** The rows the workbook has: per project, its window's years plus any year with amounts. */
export function workbookRows(projects: readonly Project[], amounts: readonly FundingAmount[]): { project: Project; year: number }[] {
  const byProject = new Map<number, FundingAmount[]>();
  for (const a of amounts) {
    const list = byProject.get(a.projectId);
    if (list) list.push(a);
    else byProject.set(a.projectId, [a]);
  }
  return projects.flatMap((project) => projectYears(project, byProject.get(project.id) ?? []).map((year) => ({ project, year })));
}

function rateCell(numCol: string, denCol: string, row: number, num: number, den: number): ExcelJS.CellFormulaValue {
  const r = ratio(num, den);
  return { formula: `IF(${denCol}${row}=0,"",${numCol}${row}/${denCol}${row})`, result: r === null ? '' : r, date1904: false };
}

function writeHeader(ws: ExcelJS.Worksheet, layout: FundingLayout, sources: readonly FundingSource[], title: string): void {
  writeTitleRow(ws, title, columnLetter(layout.last));

  const g = ws.getRow(2);
  const s = ws.getRow(3);
  g.height = 24;
  s.height = Math.max(24, ...sources.map((src) => wrappedRowHeight(src.name, AMOUNT_WIDTH)));
  const spanDown = (col: number, text: string): void => {
    g.getCell(col).value = text;
    ws.mergeCells(2, col, 3, col);
  };
  for (const c of FUNDING_FIXED_COLUMNS) spanDown(c.field === 'seq' ? layout.seq : c.field === 'name' ? layout.name : layout.year, c.header);
  for (const kind of FUNDING_KINDS) {
    const start = layout.groupStart[kind];
    g.getCell(start).value = FUNDING_GROUP_HEADERS[kind];
    ws.mergeCells(2, start, 2, subtotalColumn(layout, kind));
    sources.forEach((src, i) => {
      s.getCell(start + i).value = cellTextValue(src.name);
    });
    s.getCell(subtotalColumn(layout, kind)).value = FUNDING_SUBTOTAL_LABEL;
  }
  spanDown(layout.arrivalRate, ARRIVAL_RATE_HEADER);
  spanDown(layout.paymentRate, PAYMENT_RATE_HEADER);
  for (let c = 1; c <= layout.last; c++) {
    g.getCell(c).style = HEADER;
    s.getCell(c).style = HEADER;
  }
}

export function buildFundingWorkbook(input: FundingWorkbookInput): ExcelJS.Workbook {
  const { sources } = input;
  const layout = fundingLayout(sources.length);
  const wb = new ExcelJS.Workbook();
  wb.creator = '民政重点项目台账';
  wb.created = new Date();
  const ws = wb.addWorksheet(FUNDING_SHEET_NAME, printedSheetOptions({ frozen: { xSplit: 3, ySplit: 3 }, printTitlesRow: '1:3', footerLabel: '' }));
  const widths: number[] = [];
  for (const c of FUNDING_FIXED_COLUMNS) widths.push(c.width);
  for (let c = 4; c < layout.arrivalRate; c++) widths.push(AMOUNT_WIDTH);
  widths.push(RATE_WIDTH, RATE_WIDTH);
  ws.columns = widths.map((width) => ({ width }));
  writeHeader(ws, layout, sources, fundingTitle(input.plan.title));

  const amount = new Map(input.amounts.map((a) => [amountKey(a), a.amountYuan]));
  const rows = workbookRows(input.projects, input.amounts);
  const L = (c: number): string => columnLetter(c);
  const nameWidth = FUNDING_FIXED_COLUMNS.find((c) => c.field === 'name')?.width ?? 32;
  const totals: Record<FundingKind, number> = { planned: 0, arrived: 0, paid: 0 };
  const columnTotals = new Map<number, number>();

  rows.forEach(({ project, year }, i) => {
    const r = FIRST_DATA_ROW + i;
    const row = ws.getRow(r);
    row.getCell(layout.seq).value = project.seq;
    row.getCell(layout.name).value = cellTextValue(project.name);
    row.getCell(layout.year).value = year;
    row.getCell(layout.seq).style = CENTRE;
    row.getCell(layout.name).style = TEXT;
    row.getCell(layout.year).style = CENTRE;
    const sub: Record<FundingKind, number> = { planned: 0, arrived: 0, paid: 0 };
    for (const kind of FUNDING_KINDS) {
      const start = layout.groupStart[kind];
      sources.forEach((src, si) => {
        const yuan = amount.get(amountKey({ projectId: project.id, sourceId: src.id, year, kind }));
        const cell = row.getCell(start + si);
        cell.style = AMOUNT;
        if (yuan === undefined) return;
        cell.value = yuanToWan(yuan);
        sub[kind] += yuan;
        columnTotals.set(start + si, (columnTotals.get(start + si) ?? 0) + yuan);
      });
      const subCol = subtotalColumn(layout, kind);
      const cell = row.getCell(subCol);
      cell.value = { formula: `SUM(${L(start)}${r}:${L(subCol - 1)}${r})`, result: yuanToWan(sub[kind]), date1904: false };
      cell.style = SUBTOTAL;
      totals[kind] += sub[kind];
      columnTotals.set(subCol, (columnTotals.get(subCol) ?? 0) + sub[kind]);
    }
    const planned = L(subtotalColumn(layout, 'planned'));
    const arrived = L(subtotalColumn(layout, 'arrived'));
    const paid = L(subtotalColumn(layout, 'paid'));
    row.getCell(layout.arrivalRate).value = rateCell(arrived, planned, r, sub.arrived, sub.planned);
    row.getCell(layout.paymentRate).value = rateCell(paid, arrived, r, sub.paid, sub.arrived);
    row.getCell(layout.arrivalRate).style = RATE;
    row.getCell(layout.paymentRate).style = RATE;
    row.height = wrappedRowHeight(project.name, nameWidth);
  });

  const totalRow = FIRST_DATA_ROW + rows.length;
  const last = totalRow - 1;
  const t = ws.getRow(totalRow);
  t.getCell(1).value = FUNDING_TOTAL_LABEL;
  ws.mergeCells(totalRow, 1, totalRow, layout.year);
  for (let c = 1; c <= layout.year; c++) t.getCell(c).style = TOTAL_TEXT;
  for (let c = layout.groupStart.planned; c < layout.arrivalRate; c++) {
    const cell = t.getCell(c);
    const sum = columnTotals.get(c) ?? 0;
    cell.value = { formula: rows.length > 0 ? `SUM(${L(c)}${FIRST_DATA_ROW}:${L(c)}${last})` : '0', result: yuanToWan(sum), date1904: false };
    cell.style = TOTAL_AMOUNT;
  }
  const planned = L(subtotalColumn(layout, 'planned'));
  const arrived = L(subtotalColumn(layout, 'arrived'));
  const paid = L(subtotalColumn(layout, 'paid'));
  t.getCell(layout.arrivalRate).value = rateCell(arrived, planned, totalRow, totals.arrived, totals.planned);
  t.getCell(layout.paymentRate).value = rateCell(paid, arrived, totalRow, totals.paid, totals.arrived);
  t.getCell(layout.arrivalRate).style = TOTAL_RATE;
  t.getCell(layout.paymentRate).style = TOTAL_RATE;
  t.height = 24;
  ws.pageSetup.printArea = `A1:${L(layout.last)}${totalRow}`;
  return wb;
}
