// Writes 附件1 重点项目清单明细 and 重点项目清单 in the annex's own layout: merged title,
// header, one row per project, a 合计 row with a live SUM (and its cached value), widths,
// wrapping, frozen header and print set-up. Fields the layout has no column for travel
// in a hidden sheet so that a round trip through the app loses nothing.
// The sheets are plain data (sheet-doc.ts) written straight to SpreadsheetML by
// xlsx-writer.ts: a 10,000-row annex in a fraction of the time ExcelJS takes (issue 9).
import type ExcelJS from 'exceljs';
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
import { withinZipGuard } from './guard-safe-zip';
import { columnLetter } from '../../domain/xlsx/column-letter';
import { isSheetDoc, type CellStyle, type DocRow, type DocSheet, type DocValue, type SheetDoc } from './sheet-doc';
import { BORDER, FONT, headerStyle, rowHeightForLines, TEXT_STYLE, TITLE_HEIGHT, TITLE_STYLE, wrappedLines } from './sheet-layout';
import { writeXlsx } from './xlsx-writer';

/** Re-exported for older callers; parsers import it from domain/xlsx/column-letter (no ExcelJS). */
export { columnLetter };

type PlanHead = Pick<Plan, 'title'>;
type CellInput = string | number;

// One style object per kind of cell (the writer registers a style once per object).
const HEADER_STYLE = headerStyle(11);
const DATA_LEFT = TEXT_STYLE;
const DATA_CENTRE: CellStyle = { ...DATA_LEFT, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
// "投资估算（万元）" in 11pt bold needs about 17 characters: narrower, it wraps and leaves
// "）" alone on a line (the header text itself stays as is: importers and readers match it)
const INVESTMENT_WIDTH = 18;
const HEADER_HEIGHT = 32;

/** The printed width of a column: the shared definition, with room for the amount's header. */
function exportWidth(c: ColumnDef): number {
  return c.field === 'investment' ? Math.max(c.width, INVESTMENT_WIDTH) : c.width;
}

const TOTAL_STYLE: CellStyle = {
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

function tableSheet(spec: TableSpec): DocSheet {
  const n = spec.columns.length;
  const last = columnLetter(n);
  const widths = spec.columns.map(exportWidth);
  const all = (style: CellStyle): CellStyle[] => Array.from({ length: n }, () => style);

  const titleValues: DocValue[] = Array.from({ length: n }, () => null);
  titleValues[0] = spec.title;
  const rows: DocRow[] = [
    { height: TITLE_HEIGHT, values: titleValues, styles: all(TITLE_STYLE) },
    { height: HEADER_HEIGHT, values: spec.columns.map((c) => c.header), styles: all(HEADER_STYLE) },
  ];

  const amountCol = spec.columns.findIndex((c) => c.field === 'investment') + 1;
  const styles = spec.columns.map((_, i) => (spec.centred.has(i + 1) || i + 1 === amountCol ? DATA_CENTRE : DATA_LEFT));
  for (const values of spec.rows) {
    // LibreOffice, WPS and Excel keep a row's stored height when opening a file: without one
    // the wrapped lines of a long 建设地 or 规模 are drawn over the rows below
    rows.push({ height: rowHeightForValues(values, widths), values, styles });
  }

  const firstData = 3;
  const lastData = firstData + spec.rows.length - 1;
  const totalRowNumber = lastData + 1;
  const amountLetter = columnLetter(amountCol);
  // A to the column before the amount is merged: its other cells carry the style alone
  const total: DocValue[] = Array.from({ length: n }, (_, i) => (i > 0 && i < amountCol - 1 ? null : ''));
  total[0] = `${TOTAL_LABEL}（万元）`;
  total[amountCol - 1] = {
    formula: spec.rows.length > 0 ? `SUM(${amountLetter}${firstData}:${amountLetter}${lastData})` : '0',
    result: yuanToWan(spec.totalYuan),
  };
  rows.push({ values: total, styles: all(TOTAL_STYLE) });

  const merges = [`A1:${last}1`];
  if (amountCol > 2) merges.push(`A${totalRowNumber}:${columnLetter(amountCol - 1)}${totalRowNumber}`);
  return {
    name: spec.sheetName,
    columnWidths: widths,
    rows,
    merges,
    print: { frozen: { xSplit: 0, ySplit: 2 }, printTitlesRow: '1:2', footerLabel: '', printArea: `A1:${last}${totalRowNumber}` },
  };
}

/** Height (pt) of a table row: its tallest cell's wrapped text in its column's width. */
function rowHeightForValues(values: readonly CellInput[], widths: readonly number[]): number {
  let lines = 1;
  for (let i = 0; i < values.length; i++) lines = Math.max(lines, wrappedLines(String(values[i]), widths[i] ?? 10));
  return rowHeightForLines(lines);
}

/** The hidden sheet: 序号 and name (the key), then the fields the annex has no column for. */
function extraSheet(projects: readonly Project[]): DocSheet {
  const rows: DocRow[] = [{ values: [...EXTRA_COLUMNS] }];
  // an empty field is an absent cell: read back as '' all the same, and half the sheet's size
  const v = (s: string | null): string | null => (s === '' ? null : s);
  for (const p of projects) {
    rows.push({
      values: [p.seq, p.name, v(p.seqPrinted), v(p.category), v(p.startDate), v(p.endDate), v(p.responsibleUnit), v(p.leader), v(p.note), v(p.remark)],
    });
  }
  return { name: EXTRA_SHEET_NAME, hidden: true, rows };
}

function newWorkbook(sheets: DocSheet[]): SheetDoc {
  return { kind: 'sheet-doc', creator: '民政重点项目台账', created: new Date(), sheets };
}

function sumYuan(projects: readonly Project[]): number {
  return projects.reduce((s, p) => s + p.investmentYuan, 0);
}

/** 附件1 重点项目清单明细 (plus the hidden sheet of fields the layout has no column for). */
export function buildAnnexWorkbook(plan: PlanHead, projects: readonly Project[]): SheetDoc {
  return newWorkbook([
    tableSheet({
      sheetName: ANNEX_SHEET_NAME,
      title: annexTitle(plan.title),
      columns: ANNEX_COLUMNS,
      rows: projects.map(annexCells),
      totalYuan: sumYuan(projects),
      centred: new Set([1, 3, 8]),
    }),
    extraSheet(projects),
  ]);
}

/** 重点项目清单: 序号, 项目名称, 项目建设地, 投资估算（万元）, 备注. */
export function buildSummaryWorkbook(plan: PlanHead, projects: readonly Project[]): SheetDoc {
  return newWorkbook([
    tableSheet({
      sheetName: SUMMARY_SHEET_NAME,
      title: summaryTitle(plan.title),
      columns: SUMMARY_COLUMNS,
      rows: projects.map(summaryCells),
      totalYuan: sumYuan(projects),
      centred: new Set([1, 5]),
    }),
  ]);
}

/** The file's bytes, always readable by our own import (see guard-safe-zip.ts). */
export async function workbookBuffer(wb: ExcelJS.Workbook | SheetDoc): Promise<Buffer> {
  // the direct writer stores near-limit parts itself; the check stays for both (it reads the
  // central directory only)
  const bytes = isSheetDoc(wb) ? writeXlsx(wb) : Buffer.from(await wb.xlsx.writeBuffer());
  return withinZipGuard(bytes);
}
