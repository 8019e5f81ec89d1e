// A workbook as every importer sees it: sheets of rows of plain cell values (rich text
// joined, formulas' cached results, merged cells' master values). Both readers
// (sheet-xml-reader, and ExcelJS in read-workbook) produce it; parsers read only this.
// Plain data, so it crosses from the parse worker by structured clone.

/** A cell as the importer needs it: its value (number or text) and whether a formula made it. */
export interface GridCell {
  value: number | string | null;
  formula: string | null;
}

export interface GridRow {
  /** 1-based Excel row number */
  rowNumber: number;
  cells: GridCell[];
}

export interface GridSheet {
  name: string;
  hidden: boolean;
  rows: GridRow[];
}

export interface WorkbookGrid {
  sheets: GridSheet[];
}

/** Rows of one ExcelJS worksheet with the widest row's cell count. */
export interface SheetGrid {
  name: string;
  rows: GridRow[];
  columnCount: number;
}

/** The cell as trimmed text ('' for empty); numbers as JavaScript prints them. */
export function cellText(cell: GridCell | undefined): string {
  const v = cell?.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  // most cells have no CR: skip the regex (parsers call this many times a row)
  return (v.includes('\r') ? v.replace(/\r\n?/g, '\n') : v).trim();
}
