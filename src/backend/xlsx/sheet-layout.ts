// The look the exported workbooks share (附件1, 资金构成, 进度月报): 宋体 with thin borders,
// A4 landscape fitted to the page width with repeated title and header rows and a frozen
// header, a merged 16pt title, and row heights computed from the wrapped text (LibreOffice
// and WPS do not grow rows on their own, so lines would overlap).
import type ExcelJS from 'exceljs';
import { columnLetter } from '../../domain/xlsx/column-letter';
import { cellTextValue } from './cell-text';

export const FONT = '宋体';
const THIN: Partial<ExcelJS.Border> = { style: 'thin' };
export const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

// one style object per kind of cell, shared by every cell of that kind: ExcelJS registers a
// style once per object (it caches by identity) instead of once per cell
/** Header cells: bold, centred, wrapped, light grey; `size` 10 (or 11 for the annex). */
export function headerStyle(size: number): Partial<ExcelJS.Style> {
  return {
    font: { name: FONT, size, bold: true },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    border: BORDER,
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } },
  };
}
/** Data text: left, wrapped, bordered. */
export const TEXT_STYLE: Partial<ExcelJS.Style> = {
  font: { name: FONT, size: 10 },
  alignment: { horizontal: 'left', vertical: 'middle', wrapText: true },
  border: BORDER,
};

export interface PrintLayout {
  /** columns and rows kept in view while scrolling */
  frozen: { xSplit: number; ySplit: number };
  /** rows repeated on every printed page, e.g. '1:3' */
  printTitlesRow: string;
  /** the page footer's text before the page numbers ('' for none) */
  footerLabel: string;
}

/** Worksheet options: frozen header, A4 landscape fit to width, repeated rows, page numbers. */
export function printedSheetOptions(p: PrintLayout): Partial<ExcelJS.AddWorksheetOptions> {
  const topLeft = `${columnLetter(p.frozen.xSplit + 1)}${p.frozen.ySplit + 1}`;
  return {
    views: [{ state: 'frozen', xSplit: p.frozen.xSplit, ySplit: p.frozen.ySplit, topLeftCell: topLeft, activeCell: topLeft }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: p.printTitlesRow,
    },
    headerFooter: { oddFooter: `&C${p.footerLabel}第 &P 页，共 &N 页` },
  };
}

/** Row 1: the title, 16pt bold, centred and merged across columns A to `lastColumn`. */
export function writeTitleRow(ws: ExcelJS.Worksheet, title: string, lastColumn: string): void {
  const row = ws.getRow(1);
  row.getCell(1).value = cellTextValue(title);
  row.getCell(1).font = { name: FONT, size: 16, bold: true };
  row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  row.height = 36;
  ws.mergeCells(`A1:${lastColumn}1`);
}

const LINE_HEIGHT_PT = 13.5;

/** Display width of text in Excel character units: CJK and full-width characters count 2. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return w;
}

/** Height (pt) of a row whose tallest cell wraps to `lines` lines. */
export function rowHeightForLines(lines: number): number {
  return Math.max(20, Math.ceil(lines * LINE_HEIGHT_PT + 6));
}

/**
 * Lines `text` wraps to in a column `width` characters wide (one character of the width is
 * kept for the cell's padding); an explicit line break starts a new line.
 */
export function wrappedLines(text: string, width: number): number {
  const chars = Math.max(1, width - 1);
  return text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / chars)), 0);
}

/** Height (pt) of a row whose longest wrapped text is `text` in a column `width` characters wide. */
export function wrappedRowHeight(text: string, width: number): number {
  return rowHeightForLines(wrappedLines(text, width));
}

export interface WrappedCell {
  text: string;
  /** the column's width in characters */
  width: number;
}

/** Height (pt) of a row fitting its tallest wrapped cell. */
export function rowHeightForCells(cells: readonly WrappedCell[]): number {
  return rowHeightForLines(cells.reduce((most, c) => Math.max(most, wrappedLines(c.text, c.width)), 1));
}
