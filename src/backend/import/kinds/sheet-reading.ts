// Parse-time pieces the sheet kinds (资金构成, 进度月报) share: the sheets to search for a
// header, the empty-workbook check, and cell messages. Pure; runs in the parse worker.
import type { Issue } from '../../../domain/api/errors';
import type { ImportKind } from '../../../domain/api/xlsx';
import type { GridCell, GridSheet, WorkbookGrid } from '../../xlsx/grid';
import type { ParsedWorkbook } from '../kind';

/** A cell's value, or why it cannot be read. */
export type CellRead<T> = { ok: true; value: T } | { ok: false; message: string };

/** A parse with no rows yet, `meta` as when the file says nothing; already refused when the workbook has no data at all. */
export function startParse<Row, Meta>(kind: ImportKind, grid: WorkbookGrid, fileName: string, meta: Meta): ParsedWorkbook<Row, Meta> {
  const empty = grid.sheets.every((s) => s.rows.length === 0);
  return { kind, fileName, sheet: '', meta, rows: [], warnings: [], errors: empty ? [{ file: fileName, message: '工作簿是空的，没有任何数据。' }] : [] };
}

/** The issue for a file in which no sheet has the kind's header: `table` names it, `expected` its columns. */
export function headerNotFound(fileName: string, searchRows: number, table: string, expected: string): Issue {
  return { file: fileName, message: `在各工作表的前 ${searchRows} 行中找不到${table}的表头（${expected}）。` };
}

/** The visible sheets, the one our export names first: where to look for a header. */
export function sheetsToSearch(grid: WorkbookGrid, preferred: string): GridSheet[] {
  const visible = grid.sheets.filter((s) => !s.hidden);
  return [...visible.filter((s) => s.name === preferred), ...visible.filter((s) => s.name !== preferred)];
}

/** The message for a formula cell saved without its result (written by a program that does not calculate), else null. */
export function formulaWithoutValue(cell: GridCell | undefined): string | null {
  return cell?.formula && (cell.value === null || cell.value === '')
    ? `公式“=${cell.formula}”没有计算结果，请在 Excel 或 WPS 中打开并保存后再导入。`
    : null;
}

/** The unit a header's 元-per-unit stands for, as the messages name it. */
export function amountUnitName(unitYuan: number): string {
  return unitYuan === 10_000 ? '万元' : unitYuan === 1 ? '元' : '亿元';
}
