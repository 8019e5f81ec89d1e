// The look the exported workbooks share (附件1, 资金构成, 进度月报): 宋体 with thin borders,
// A4 landscape fitted to the page width with repeated title and header rows and a frozen
// header, a merged 16pt title, and row heights computed from the wrapped text (LibreOffice
// and WPS do not grow rows on their own, so lines would overlap). Both writers use these:
// ExcelJS (funding, Gantt, progress report) and xlsx-writer.ts (the annex and the list).
import type ExcelJS from 'exceljs';
import { columnLetter } from '../../domain/xlsx/column-letter';
import { cellTextValue } from './cell-text';
import type { CellBorder, CellStyle, ThinSide } from './sheet-doc';

export const FONT = '宋体';
const THIN: ThinSide = { style: 'thin' };
export const BORDER: CellBorder = { top: THIN, left: THIN, bottom: THIN, right: THIN };

// one style object per kind of cell, shared by every cell of that kind: both writers register
// a style once per object (they cache by identity) instead of once per cell
/** Header cells: bold, centred, wrapped, light grey; `size` 10 (or 11 for the annex). */
export function headerStyle(size: number): CellStyle {
  return {
    font: { name: FONT, size, bold: true },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    border: BORDER,
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } },
  };
}
/** Data text: left, wrapped, bordered. */
export const TEXT_STYLE: CellStyle = {
  font: { name: FONT, size: 10 },
  alignment: { horizontal: 'left', vertical: 'middle', wrapText: true },
  border: BORDER,
};
/** Row 1's title: 16pt bold, centred, merged across the table. */
export const TITLE_STYLE: CellStyle = {
  font: { name: FONT, size: 16, bold: true },
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
};
export const TITLE_HEIGHT = 36;

/** The printed page every table sheet shares. */
export const PAGE_SETUP = {
  paperSize: 9, // A4
  orientation: 'landscape',
  fitToWidth: 1,
  fitToHeight: 0, // as many pages down as it takes
  horizontalCentered: true,
  margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
} as const;

/** The footer: centred label and page numbers (Excel's header/footer codes). */
export function footerText(label: string): string {
  return `&C${label}第 &P 页，共 &N 页`;
}

/** The first cell below and right of the frozen panes, e.g. 'A3'. */
export function frozenTopLeft(frozen: { xSplit: number; ySplit: number }): string {
  return `${columnLetter(frozen.xSplit + 1)}${frozen.ySplit + 1}`;
}

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
  const topLeft = frozenTopLeft(p.frozen);
  return {
    views: [{ state: 'frozen', xSplit: p.frozen.xSplit, ySplit: p.frozen.ySplit, topLeftCell: topLeft, activeCell: topLeft }],
    pageSetup: {
      paperSize: PAGE_SETUP.paperSize,
      orientation: PAGE_SETUP.orientation,
      fitToPage: true,
      fitToWidth: PAGE_SETUP.fitToWidth,
      fitToHeight: PAGE_SETUP.fitToHeight,
      horizontalCentered: PAGE_SETUP.horizontalCentered,
      margins: { ...PAGE_SETUP.margins },
      printTitlesRow: p.printTitlesRow,
    },
    headerFooter: { oddFooter: footerText(p.footerLabel) },
  };
}

/** Row 1: the title, 16pt bold, centred and merged across columns A to `lastColumn`. */
export function writeTitleRow(ws: ExcelJS.Worksheet, title: string, lastColumn: string): void {
  const row = ws.getRow(1);
  row.getCell(1).value = cellTextValue(title);
  row.getCell(1).font = { ...TITLE_STYLE.font };
  row.getCell(1).alignment = { ...TITLE_STYLE.alignment };
  row.height = TITLE_HEIGHT;
  ws.mergeCells(`A1:${lastColumn}1`);
}

const LINE_HEIGHT_PT = 13.5;

/** Display width of text in Excel character units: CJK and full-width characters count 2. */
export function displayWidth(text: string): number {
  // by UTF-16 unit, a surrogate pair counted once (as wide): the same as by code point, without
  // an iterator per character (the export measures every cell of 10,000-row sheets)
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x2e80) w += 1;
    else {
      w += 2;
      if (c >= 0xd800 && c <= 0xdbff) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) i++;
      }
    }
  }
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
  if (!text.includes('\n')) return Math.max(1, Math.ceil(displayWidth(text) / chars));
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
