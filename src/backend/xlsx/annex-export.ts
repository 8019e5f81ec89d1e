// Writes 附件1 重点项目清单明细 and 重点项目清单 in the annex's own layout: merged title,
// header, one row per project, a 合计 row with a live SUM (and its cached value), widths,
// wrapping, frozen header and print set-up. Fields the layout has no column for travel
// in a hidden sheet so that a round trip through the app loses nothing.
import ExcelJS from 'exceljs';
import type { Plan, Project } from '../../domain/model';
import { yuanToWan } from '../../domain/money';
import {
  ANNEX_COLUMNS,
  ANNEX_SHEET_NAME,
  EXTRA_COLUMNS,
  EXTRA_SHEET_NAME,
  SUMMARY_COLUMNS,
  SUMMARY_SHEET_NAME,
  TOTAL_LABEL,
  annexTitle,
  summaryTitle,
  type ColumnDef,
} from '../../domain/xlsx/annex-columns';
import { formatWindow, parseWindow } from '../../domain/xlsx/parse-window';
import { cellTextValue } from './cell-text';
import { withinZipGuard } from './guard-safe-zip';
import { columnLetter } from '../../domain/xlsx/column-letter';
import { BORDER, FONT, headerStyle, printedSheetOptions, rowHeightForCells, TEXT_STYLE, writeTitleRow } from './sheet-layout';

/** Re-exported for older callers; parsers import it from domain/xlsx/column-letter (no ExcelJS). */
export { columnLetter };

type PlanHead = Pick<Plan, 'title'>;
type CellInput = string | number;

// One style object per kind of cell (ExcelJS registers a style once per object).
const HEADER_STYLE = headerStyle(11);
const DATA_LEFT = TEXT_STYLE;
const DATA_CENTRE: Partial<ExcelJS.Style> = { ...DATA_LEFT, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
// "投资估算（万元）" in 11pt bold needs about 17 characters: narrower, it wraps and leaves
// "）" alone on a line (the header text itself stays as is: importers and readers match it)
const INVESTMENT_WIDTH = 18;
const HEADER_HEIGHT = 32;

/** The printed width of a column: the shared definition, with room for the amount's header. */
function exportWidth(c: ColumnDef): number {
  return c.field === 'investment' ? Math.max(c.width, INVESTMENT_WIDTH) : c.width;
}

const TOTAL_STYLE: Partial<ExcelJS.Style> = {
  font: { name: FONT, size: 11, bold: true },
  alignment: { horizontal: 'center', vertical: 'middle' },
  border: BORDER,
};

function annexCells(p: Project): CellInput[] {
  return [
    p.seq,
    p.name,
    p.nature,
    p.owner,
    p.locationText,
    p.scaleText,
    yuanToWan(p.investmentYuan),
    windowCell(p),
  ];
}

/**
 * 建设年限 as the annex prints it, "2022-2025（前期论证）", when that reads back as the same
 * years and remark; otherwise the years alone. The remark always travels in the hidden sheet,
 * so a remark with brackets, spaces or full-width digits is not lost or made unreadable.
 */
function windowCell(p: Pick<Project, 'startYear' | 'endYear' | 'remark'>): string {
  const full = formatWindow(p.startYear, p.endYear, p.remark);
  const back = parseWindow(full);
  const same = back.ok && back.startYear === p.startYear && back.endYear === p.endYear && back.remark === p.remark.trim();
  return same ? full : formatWindow(p.startYear, p.endYear);
}

function summaryCells(p: Project): CellInput[] {
  return [p.seq, p.name, p.locationText, yuanToWan(p.investmentYuan), p.remark];
}

interface TableSpec {
  sheetName: string;
  title: string;
  columns: readonly ColumnDef[];
  rows: CellInput[][];
  totalYuan: number;
  /** columns (1-based) centred: short codes and years */
  centred: ReadonlySet<number>;
}

function writeTable(wb: ExcelJS.Workbook, spec: TableSpec): ExcelJS.Worksheet {
  const n = spec.columns.length;
  const last = columnLetter(n);
  const ws = wb.addWorksheet(spec.sheetName, printedSheetOptions({ frozen: { xSplit: 0, ySplit: 2 }, printTitlesRow: '1:2', footerLabel: '' }));
  const widths = spec.columns.map(exportWidth);
  ws.columns = widths.map((width) => ({ width }));

  writeTitleRow(ws, spec.title, last);

  const header = ws.addRow(spec.columns.map((c) => c.header));
  header.height = HEADER_HEIGHT;
  header.eachCell((cell) => {
    cell.style = HEADER_STYLE;
  });

  const amountCol = spec.columns.findIndex((c) => c.field === 'investment') + 1;
  const styles = spec.columns.map((_, i) => (spec.centred.has(i + 1) || i + 1 === amountCol ? DATA_CENTRE : DATA_LEFT));
  for (const values of spec.rows) {
    const row = ws.addRow(values.map(cellTextValue));
    for (let c = 1; c <= n; c++) row.getCell(c).style = styles[c - 1] ?? DATA_LEFT;
    // LibreOffice, WPS and Excel keep a row's stored height when opening a file: without one
    // the wrapped lines of a long 建设地 or 规模 are drawn over the rows below
    row.height = rowHeightForCells(values.map((v, i) => ({ text: String(v), width: widths[i] ?? 10 })));
  }

  const firstData = 3;
  const lastData = firstData + spec.rows.length - 1;
  const totalValues: CellInput[] = Array.from({ length: n }, () => '');
  totalValues[0] = `${TOTAL_LABEL}（万元）`;
  const total = ws.addRow(totalValues);
  const totalRowNumber = total.number;
  if (amountCol > 2) ws.mergeCells(`A${totalRowNumber}:${columnLetter(amountCol - 1)}${totalRowNumber}`);
  const amountLetter = columnLetter(amountCol);
  total.getCell(amountCol).value = {
    formula: spec.rows.length > 0 ? `SUM(${amountLetter}${firstData}:${amountLetter}${lastData})` : '0',
    result: yuanToWan(spec.totalYuan),
  };
  for (let c = 1; c <= n; c++) total.getCell(c).style = TOTAL_STYLE;
  ws.pageSetup.printArea = `A1:${last}${totalRowNumber}`;
  return ws;
}

function writeExtraSheet(wb: ExcelJS.Workbook, projects: readonly Project[]): void {
  const ws = wb.addWorksheet(EXTRA_SHEET_NAME, { state: 'hidden' });
  ws.addRow([...EXTRA_COLUMNS]);
  for (const p of projects) {
    const values: CellInput[] = [
      p.seq,
      p.name,
      p.seqPrinted ?? '',
      p.category,
      p.startDate ?? '',
      p.endDate ?? '',
      p.responsibleUnit,
      p.leader,
      p.note,
      p.remark,
    ];
    ws.addRow(values.map(cellTextValue));
  }
}

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '民政重点项目台账';
  wb.created = new Date();
  return wb;
}

function sumYuan(projects: readonly Project[]): number {
  return projects.reduce((s, p) => s + p.investmentYuan, 0);
}

/** 附件1 重点项目清单明细 (plus the hidden sheet of fields the layout has no column for). */
export function buildAnnexWorkbook(plan: PlanHead, projects: readonly Project[]): ExcelJS.Workbook {
  const wb = newWorkbook();
  writeTable(wb, {
    sheetName: ANNEX_SHEET_NAME,
    title: annexTitle(plan.title),
    columns: ANNEX_COLUMNS,
    rows: projects.map(annexCells),
    totalYuan: sumYuan(projects),
    centred: new Set([1, 3, 8]),
  });
  writeExtraSheet(wb, projects);
  return wb;
}

/** 重点项目清单: 序号, 项目名称, 项目建设地, 投资估算（万元）, 备注. */
export function buildSummaryWorkbook(plan: PlanHead, projects: readonly Project[]): ExcelJS.Workbook {
  const wb = newWorkbook();
  writeTable(wb, {
    sheetName: SUMMARY_SHEET_NAME,
    title: summaryTitle(plan.title),
    columns: SUMMARY_COLUMNS,
    rows: projects.map(summaryCells),
    totalYuan: sumYuan(projects),
    centred: new Set([1, 5]),
  });
  return wb;
}

/** The file's bytes, always readable by our own import (see guard-safe-zip.ts). */
export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return withinZipGuard(Buffer.from(await wb.xlsx.writeBuffer()));
}
