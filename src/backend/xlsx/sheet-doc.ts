// A workbook as plain data, for the big exports that xlsx-writer.ts writes straight to
// SpreadsheetML (ExcelJS's model costs about ten objects and a style registration per cell).
// The vocabulary is a subset of ExcelJS's, so the house styles in sheet-layout.ts serve both
// writers; the types admit only what xlsx-writer.ts renders.

export interface CellFont {
  name: string;
  size: number;
  bold?: boolean;
}

export interface CellAlignment {
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle' | 'bottom';
  wrapText?: boolean;
}

export interface ThinSide {
  style: 'thin';
}

/** Thin lines on all four sides (the only border the exports draw). */
export interface CellBorder {
  top: ThinSide;
  left: ThinSide;
  bottom: ThinSide;
  right: ThinSide;
}

export interface SolidFill {
  type: 'pattern';
  pattern: 'solid';
  fgColor: { argb: string };
}

/**
 * A cell's look. Cells share one object per kind of cell: the writer registers a style once
 * per object, as ExcelJS does.
 */
export interface CellStyle {
  font: CellFont;
  alignment?: CellAlignment;
  border?: CellBorder;
  fill?: SolidFill;
}

/** A live formula (without "=") and the value it computes, shown until the sheet recalculates. */
export interface FormulaValue {
  formula: string;
  result: number;
}

/** Text is written as the text that reads back (the writer escapes it); numbers as numbers. */
export type DocValue = string | number | FormulaValue | null;

export interface DocRow {
  /** points; none leaves the row to the application's default height */
  height?: number;
  /** column A first; null (or nothing) for no value */
  values: DocValue[];
  /**
   * column A first; rows of one kind share one array (no object per cell). A cell with a
   * style and no value is still written: borders and fills show on empty cells too.
   */
  styles?: readonly (CellStyle | undefined)[];
}

/** The printed sheet's set-up beyond the house defaults (sheet-layout.ts PAGE_SETUP). */
export interface DocPrint {
  /** columns and rows kept in view while scrolling */
  frozen: { xSplit: number; ySplit: number };
  /** rows repeated on every printed page, e.g. '1:2' */
  printTitlesRow: string;
  /** the page footer's text before the page numbers ('' for none) */
  footerLabel: string;
  /** e.g. 'A1:H18' */
  printArea: string;
}

export interface DocSheet {
  name: string;
  hidden?: boolean;
  /** widths in characters, column A first */
  columnWidths?: readonly number[];
  /** row 1 first */
  rows: DocRow[];
  /** merged ranges, e.g. 'A1:H1'; the master cell is the top-left one */
  merges?: readonly string[];
  print?: DocPrint;
}

export interface SheetDoc {
  kind: 'sheet-doc';
  creator: string;
  created: Date;
  sheets: DocSheet[];
}

export function isSheetDoc(x: unknown): x is SheetDoc {
  return typeof x === 'object' && x !== null && 'kind' in x && x.kind === 'sheet-doc';
}
