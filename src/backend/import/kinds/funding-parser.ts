// The 资金构成 kind's parser: finds the header (项目名称 and 年度, with the 计划安排 / 到位 /
// 支付 groups and a source name under each column) in our export or a file finance made
// from it, and reads one row per project and year. Pure; runs in the parse worker.
// Source names and projects are matched against the database later, in the diff.
import type { Issue } from '../../../domain/api/errors';
import type { FundingKind } from '../../../domain/model';
import {
  FUNDING_FIXED_COLUMNS,
  FUNDING_SHEET_NAME,
  FUNDING_SUBTOTAL_LABEL,
  FUNDING_TOTAL_LABEL,
  groupKindOf,
  planTitleFromFundingTitle,
  type FundingFixedField,
} from '../../../domain/xlsx/funding-columns';
import { headerUnitYuan, matchHeaderRow, normaliseHeader } from '../../../domain/xlsx/header-match';
import { parseNumber, toHalfWidth } from '../../../domain/xlsx/parse-number';
import { columnLetter } from '../../../domain/xlsx/column-letter';
import { cellText, type GridCell, type GridRow, type GridSheet, type WorkbookGrid } from '../../xlsx/grid';
import type { ImportParser, ParsedWorkbook } from '../kind';
import { amountUnitName, formulaWithoutValue, headerNotFound, sheetsToSearch, startParse, type CellRead } from './sheet-reading';

export const FUNDING_HEADER_SEARCH_ROWS = 15;

/** One amount column: a source under a kind's group. */
export interface FundingColumn {
  /** 0-based index in the row */
  index: number;
  /** "D" */
  letter: string;
  kind: FundingKind;
  /** as written in the file (spaces collapsed) */
  sourceName: string;
  /** 元 per unit of the group's header (万元 unless it says otherwise) */
  unitYuan: number;
}

export interface FundingFileRow {
  rowNumber: number;
  seq: number | null;
  name: string;
  year: number;
  /** one per amount column, in column order; null = the cell is empty (the amount is cleared) */
  amounts: { columnIndex: number; amountYuan: number | null }[];
}

export interface FundingMeta {
  /** plan title from our title row, '' when the file has none */
  planTitle: string;
  columns: FundingColumn[];
  /** the row the source names are in (for messages about a source) */
  sourceRowNumber: number;
  /** letter of the 项目名称 column (for messages about a project) */
  nameColumn: string;
}

const TOTAL_RE = /^(合计|总计|共计|小计|总合计)/;
const NOTE_RE = /^(注|备注|说明|附注|资料来源|填报说明)\s*[:：\d１-９、.]/;
const SUBTOTALS = new Set([FUNDING_SUBTOTAL_LABEL, FUNDING_TOTAL_LABEL, '小计', '合计'].map(normaliseHeader));

interface HeaderFound {
  sheet: GridSheet;
  groupRow: GridRow;
  sourceRow: GridRow | undefined;
  fixed: Map<FundingFixedField, number>;
  missing: string[];
}

function findHeader(sheet: GridSheet): HeaderFound | null {
  const rows = sheet.rows.filter((r) => r.rowNumber <= FUNDING_HEADER_SEARCH_ROWS);
  for (const [i, row] of rows.entries()) {
    const m = matchHeaderRow(row.cells.map(cellText), FUNDING_FIXED_COLUMNS);
    if (!m.columns.has('name') && !m.columns.has('year')) continue;
    if (m.columns.size < 2) continue;
    const next = rows[i + 1];
    return { sheet, groupRow: row, sourceRow: next?.rowNumber === row.rowNumber + 1 ? next : undefined, fixed: m.columns, missing: m.missing };
  }
  return null;
}

function chooseHeader(grid: WorkbookGrid): HeaderFound | null {
  for (const sheet of sheetsToSearch(grid, FUNDING_SHEET_NAME)) {
    const h = findHeader(sheet);
    if (h && readColumns(h, [], '').length > 0) return h;
  }
  return null;
}

function readColumns(h: HeaderFound, errors: Issue[], fileName: string): FundingColumn[] {
  const columns: FundingColumn[] = [];
  const seen = new Map<string, string>();
  h.groupRow.cells.forEach((cell, index) => {
    const groupText = cellText(cell);
    const kind = groupKindOf(normaliseHeader(groupText));
    if (!kind) return;
    const letter = columnLetter(index + 1);
    const sourceName = cellText(h.sourceRow?.cells[index]).replace(/\s+/g, '');
    if (sourceName === '' || SUBTOTALS.has(normaliseHeader(sourceName))) return;
    const key = `${kind}:${sourceName}`;
    const earlier = seen.get(key);
    if (earlier) {
      errors.push({
        file: fileName,
        sheet: h.sheet.name,
        row: h.sourceRow?.rowNumber ?? h.groupRow.rowNumber,
        column: letter,
        message: `“${groupText}”下的资金来源“${sourceName}”重复（已在 ${earlier} 列）。`,
      });
      return;
    }
    seen.set(key, letter);
    columns.push({ index, letter, kind, sourceName, unitYuan: headerUnitYuan(groupText) });
  });
  return columns;
}

function readTitle(h: HeaderFound): string {
  for (const r of h.sheet.rows) {
    if (r.rowNumber >= h.groupRow.rowNumber) break;
    const text = cellText(r.cells.find((c) => cellText(c) !== ''));
    if (text) return planTitleFromFundingTitle(text);
  }
  return '';
}

function readYear(cell: GridCell | undefined): CellRead<number> {
  const raw = cellText(cell);
  const m = /^(\d{4})(年|年度)?$/.exec(toHalfWidth(raw).replace(/\s+/g, '').replace(/\.0+$/, ''));
  const year = m?.[1] ? Number(m[1]) : NaN;
  if (!Number.isInteger(year) || year < 1990 || year > 2100) {
    return { ok: false, message: raw === '' ? '缺少年度。' : `年度应为 1990 至 2100 之间的四位年份，读到“${raw}”。` };
  }
  return { ok: true, value: year };
}

function readAmount(cell: GridCell | undefined, unitYuan: number): CellRead<number | null> & { rounded?: boolean } {
  const noValue = formulaWithoutValue(cell);
  if (noValue) return { ok: false, message: noValue };
  if (!cell || cell.value === null || cell.value === '') return { ok: true, value: null };
  if (typeof cell.value === 'string' && cell.value.trim() === '') return { ok: true, value: null };
  const n = parseNumber(cell.value);
  if (!n.ok) return { ok: false, message: `应为金额（${amountUnitName(unitYuan)}），读到“${cellText(cell)}”。` };
  if (n.value < 0) return { ok: false, message: `金额不能为负数，读到 ${cellText(cell)}。` };
  const exact = n.value * unitYuan;
  const yuan = Math.round(exact);
  if (yuan > 1e13) return { ok: false, message: '金额过大。' };
  return { ok: true, value: yuan, rounded: Math.abs(exact - yuan) > 1e-6 };
}

function firstText(row: GridRow): string {
  for (const c of row.cells) {
    const t = cellText(c);
    if (t) return t.replace(/\s+/g, '');
  }
  return '';
}

export function parseFundingWorkbook(
  grid: WorkbookGrid,
  fileName: string,
  progress?: (phase: string, done: number, total: number) => void,
): ParsedWorkbook<FundingFileRow, FundingMeta> {
  const out = startParse<FundingFileRow, FundingMeta>('funding', grid, fileName, { planTitle: '', columns: [], sourceRowNumber: 0, nameColumn: 'B' });
  if (out.errors.length > 0) return out;
  const h = chooseHeader(grid);
  if (!h) {
    out.errors.push(
      headerNotFound(fileName, FUNDING_HEADER_SEARCH_ROWS, '资金构成表', '应有 项目名称、年度 两列，以及“计划安排”“到位”“支付”分组，分组下为各资金来源'),
    );
    return out;
  }
  out.sheet = h.sheet.name;
  for (const missing of h.missing) {
    out.errors.push({ file: fileName, sheet: h.sheet.name, row: h.groupRow.rowNumber, message: `缺少必需的列“${missing}”。` });
  }
  const columns = readColumns(h, out.errors, fileName);
  out.meta = {
    planTitle: readTitle(h),
    columns,
    sourceRowNumber: h.sourceRow?.rowNumber ?? h.groupRow.rowNumber,
    nameColumn: columnLetter((h.fixed.get('name') ?? 1) + 1),
  };
  if (out.errors.length > 0) return out;

  const at = (field: FundingFixedField): number => h.fixed.get(field) ?? -1;
  const where = (row: GridRow, index: number) => ({ file: fileName, sheet: h.sheet.name, row: row.rowNumber, column: columnLetter(index + 1) });
  const firstDataRow = (h.sourceRow ?? h.groupRow).rowNumber + 1;
  const seenRows = new Map<string, number>();
  const body = h.sheet.rows.filter((r) => r.rowNumber >= firstDataRow);
  let rounded = 0;
  body.forEach((row, i) => {
    if (i % 500 === 0) progress?.('检查数据', i, body.length);
    const first = firstText(row);
    if (first === '' || TOTAL_RE.test(first) || NOTE_RE.test(first)) return;
    const name = cellText(row.cells[at('name')]).replace(/\s+/g, ' ');
    const yearCell = row.cells[at('year')];
    const amountsEmpty = columns.every((c) => cellText(row.cells[c.index]) === '');
    if (name === '' && cellText(yearCell) === '' && amountsEmpty) return;
    if (name === '') {
      out.errors.push({ ...where(row, at('name')), message: '缺少项目名称。' });
      return;
    }
    const year = readYear(yearCell);
    if (!year.ok) {
      out.errors.push({ ...where(row, at('year')), message: year.message });
      return;
    }
    const key = `${name.replace(/\s+/g, '')}:${year.value}`;
    const earlier = seenRows.get(key);
    if (earlier !== undefined) {
      out.errors.push({ ...where(row, at('year')), message: `“${name}”${year.value} 年已在第 ${earlier} 行出现过，同一项目同一年度只能有一行。` });
      return;
    }
    seenRows.set(key, row.rowNumber);
    const seqText = at('seq') >= 0 ? toHalfWidth(cellText(row.cells[at('seq')])) : '';
    const seq = /^\d+$/.test(seqText) ? Number(seqText) : null;
    const amounts: FundingFileRow['amounts'] = [];
    for (const c of columns) {
      const a = readAmount(row.cells[c.index], c.unitYuan);
      if (!a.ok) {
        out.errors.push({ ...where(row, c.index), message: a.message });
        continue;
      }
      if (a.rounded) rounded++;
      amounts.push({ columnIndex: c.index, amountYuan: a.value });
    }
    out.rows.push({ rowNumber: row.rowNumber, seq, name, year: year.value, amounts });
  });
  if (rounded > 0) {
    out.warnings.push({ file: fileName, sheet: h.sheet.name, message: `有 ${rounded} 个金额不足 1 元的部分已四舍五入到元。` });
  }
  progress?.('检查数据', body.length, body.length);
  return out;
}

export const fundingParser: ImportParser<FundingFileRow, FundingMeta> = {
  kind: 'funding',
  columns: FUNDING_FIXED_COLUMNS,
  parse: (grid, fileName, progress) => parseFundingWorkbook(grid, fileName, progress),
};
