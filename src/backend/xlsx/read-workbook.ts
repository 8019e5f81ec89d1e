// Opens an untrusted workbook: zip guard first, then the sheets as plain grids of cell
// values (rich text joined, formulas' cached results, merged cells' master values), which
// the annex reader works on. The grid comes from the direct XML reader (fast, prefix-proof);
// when that cannot make sense of a file, from ExcelJS after namespace normalisation.
// ExcelJS is loaded only for the fallback: the parse worker starts without it.
import type ExcelJS from 'exceljs';
import { ApiError } from '../../domain/api/errors';
import type { GridCell, GridRow, SheetGrid, WorkbookGrid } from './grid';
import { readWorkbookXml } from './sheet-xml-reader';
import { DEFAULT_ZIP_LIMITS, guardZip, type ZipLimits } from './zip-guard';

type Phase = (phase: string, done: number, total: number) => void;

export interface ReadOptions {
  limits?: ZipLimits;
  onProgress?: Phase;
  /** skip the direct reader (tests compare the two) */
  viaExcelJs?: boolean;
  /** told when the direct reader gave up and ExcelJS read the file (it is also logged) */
  onFallback?: (reason: string) => void;
}

/** Guarded read of every sheet as a grid. Throws ApiError('bad_file') for anything unreadable. */
export async function readWorkbookGrid(buf: Buffer, fileName: string, opts: ReadOptions = {}): Promise<WorkbookGrid> {
  opts.onProgress?.('检查文件', 0, 1);
  const guarded = guardZip(buf, fileName, opts.limits ?? DEFAULT_ZIP_LIMITS);
  opts.onProgress?.('检查文件', 1, 1);
  if (!opts.viaExcelJs) {
    try {
      return readWorkbookXml(guarded.xmlParts, opts.onProgress);
    } catch (e) {
      // An unusual structure, or a bug in the direct reader: either way ExcelJS gets a try,
      // and the reason is logged so a reader bug cannot hide behind the slower path.
      const reason = e instanceof Error ? e.message : String(e);
      console.warn(`[xlsx] ${fileName}：快速读取失败（${reason}），改用 ExcelJS 读取`);
      opts.onFallback?.(reason);
    }
  }
  opts.onProgress?.('读取工作簿', 0, 1);
  const wb = await loadGuardedWorkbook(buf, fileName, guarded.xmlParts);
  opts.onProgress?.('读取工作簿', 1, 1);
  return workbookGrid(wb);
}

export function workbookGrid(wb: ExcelJS.Workbook): WorkbookGrid {
  return { sheets: wb.worksheets.map((ws) => ({ name: ws.name, hidden: ws.state !== 'visible', rows: sheetGrid(ws).rows })) };
}

/** The ExcelJS model of an untrusted file: guard, namespace normalisation, load. */
export async function loadWorkbook(buf: Buffer, fileName: string, opts: ReadOptions = {}): Promise<ExcelJS.Workbook> {
  const guarded = guardZip(buf, fileName, opts.limits ?? DEFAULT_ZIP_LIMITS);
  return loadGuardedWorkbook(buf, fileName, guarded.xmlParts);
}

async function loadGuardedWorkbook(buf: Buffer, fileName: string, xmlParts: ReadonlyMap<string, Buffer>): Promise<ExcelJS.Workbook> {
  const { normaliseNamespaces } = await import('./normalise-namespaces');
  const readable = await normaliseNamespaces(buf, xmlParts);
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(readable as unknown as ArrayBuffer);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new ApiError('bad_file', `文件 ${fileName}：工作簿内容已损坏，无法读取（${detail}）。`, [
      { file: fileName, message: `工作簿内容已损坏，无法读取（${detail}）。` },
    ]);
  }
  return wb;
}

function richText(parts: readonly { text: string }[]): string {
  return parts.map((p) => p.text).join('');
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The plain value behind any ExcelJS cell value. */
export function plainValue(v: ExcelJS.CellValue): number | string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return isoDate(v);
  if ('richText' in v) return richText(v.richText);
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) return null;
    if (typeof result === 'object' && 'error' in result) return result.error;
    return plainValue(result as ExcelJS.CellValue);
  }
  if ('hyperlink' in v) {
    const t: unknown = v.text;
    if (typeof t === 'string') return t;
    if (typeof t === 'object' && t !== null && 'richText' in t) return richText((t as ExcelJS.CellRichTextValue).richText);
    return null;
  }
  if ('error' in v) return v.error;
  return null;
}

function formulaOf(v: ExcelJS.CellValue): string | null {
  if (typeof v === 'object' && v !== null && !(v instanceof Date)) {
    if ('formula' in v && typeof v.formula === 'string') return v.formula;
    if ('sharedFormula' in v && typeof v.sharedFormula === 'string') return v.sharedFormula;
  }
  return null;
}

/** Rows of a worksheet as plain values; merged cells carry their master's value. */
export function sheetGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const rows: GridRow[] = [];
  let columnCount = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: GridCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const v = cell.isMerged ? cell.master.value : cell.value;
      cells[col - 1] = { value: plainValue(v), formula: formulaOf(v) };
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= { value: null, formula: null };
    columnCount = Math.max(columnCount, cells.length);
    rows.push({ rowNumber, cells });
  });
  return { name: ws.name, rows, columnCount };
}
