// The 进度月报 kind's parser: finds the header (建设阶段, 形象进度, 累计完成投资 and a way to
// name the row: 项目名称 or the hidden 项目ID) in our export or a file an officer made from it,
// reads the report month from the title (or the hidden 进度月报信息 sheet), and turns every
// row into a report, refusing bad cells (unknown stage, percent out of range, amounts that
// are not numbers) with file, sheet, row and column. Pure; runs in the parse worker. Rows are
// matched to projects and sites, and checked against the history, later in the diff.
import type { Issue } from '../../../domain/api/errors';
import { isProgressStage, PROGRESS_STAGES } from '../../../domain/facts/stages';
import { columnLetter } from '../../../domain/xlsx/column-letter';
import { matchHeaderRow, normaliseHeader } from '../../../domain/xlsx/header-match';
import { parseNumber, toHalfWidth } from '../../../domain/xlsx/parse-number';
import {
  monthInText,
  planTitleFromProgressTitle,
  PROGRESS_INFO_SHEET_NAME,
  PROGRESS_REPORT_COLUMNS,
  PROGRESS_SHEET_NAME,
  PROGRESS_TITLE_SUFFIX,
  type ProgressReportField,
} from '../../../domain/xlsx/progress-report-columns';
import { cellText, type GridCell, type GridRow, type GridSheet, type WorkbookGrid } from '../../xlsx/grid';
import type { ImportParser, ParsedWorkbook } from '../kind';
import { amountUnitName, formulaWithoutValue, headerNotFound, sheetsToSearch, startParse, type CellRead } from './sheet-reading';

export const PROGRESS_HEADER_SEARCH_ROWS = 15;

export interface ProgressFileRow {
  rowNumber: number;
  /** 序号 as written: "10" or "10-3" ('' when empty) */
  seqLabel: string;
  /** 项目名称 as written (site rows of our export leave it empty) */
  name: string;
  /** 点位 as written */
  site: string;
  /** the hidden ids of our export; null when the column is absent or the cell empty */
  projectId: number | null;
  siteId: number | null;
  /** false when the row reports nothing (only names and ids): it is not imported */
  filled: boolean;
  stage: string | null;
  percent: number | null;
  description: string;
  /** integer 元; null = empty */
  investPeriodYuan: number | null;
  investCumulativeYuan: number | null;
  problems: string;
  author: string;
}

export interface CellRef {
  row: number;
  column: string;
}

export interface ProgressMeta {
  /** 'YYYY-MM' from the title (or the hidden sheet); null when the file does not say */
  month: string | null;
  /** where the month was read, or the title cell: messages about the month name it */
  monthCell: CellRef;
  /** plan title from our title row, '' when the file has none */
  planTitle: string;
  /** plan id from the hidden 进度月报信息 sheet */
  planId: number | null;
  /** column letter of each field found */
  letters: Partial<Record<ProgressReportField, string>>;
}

const TOTAL_RE = /^(合计|总计|共计|小计)/;
const NOTE_RE = /^(注|备注|说明|附注|填报说明|资料来源)\s*[:：\d１-９、.]/;
const REPORT_FIELDS: readonly ProgressReportField[] = ['stage', 'percent', 'description', 'investPeriod', 'investCumulative', 'problems'];

interface HeaderFound {
  sheet: GridSheet;
  row: GridRow;
  columns: Map<ProgressReportField, number>;
  unitYuan: Map<ProgressReportField, number>;
  missing: string[];
}

function findHeader(sheet: GridSheet): HeaderFound | null {
  for (const row of sheet.rows) {
    if (row.rowNumber > PROGRESS_HEADER_SEARCH_ROWS) break;
    const m = matchHeaderRow(row.cells.map(cellText), PROGRESS_REPORT_COLUMNS);
    // ours: a stage column and something that names the row
    if (!m.columns.has('stage') || m.columns.size < 3) continue;
    return { sheet, row, columns: m.columns, unitYuan: m.unitYuan, missing: m.missing };
  }
  return null;
}

function chooseHeader(grid: WorkbookGrid): HeaderFound | null {
  for (const sheet of sheetsToSearch(grid, PROGRESS_SHEET_NAME)) {
    const h = findHeader(sheet);
    if (h) return h;
  }
  return null;
}

/** Month and plan title from the rows above the header. */
function readTitle(h: HeaderFound): { month: string | null; monthCell: CellRef | null; planTitle: string } {
  let planTitle = '';
  for (const r of h.sheet.rows) {
    if (r.rowNumber >= h.row.rowNumber) break;
    for (const [i, c] of r.cells.entries()) {
      const text = cellText(c);
      if (text === '') continue;
      if (!planTitle) planTitle = planTitleFromProgressTitle(text);
      // after our suffix when present: a plan title may itself contain years
      const at = text.replace(/\s+/g, '').indexOf(PROGRESS_TITLE_SUFFIX);
      const month = monthInText(at >= 0 ? text.replace(/\s+/g, '').slice(at) : text);
      if (month) return { month, monthCell: { row: r.rowNumber, column: columnLetter(i + 1) }, planTitle };
    }
  }
  return { month: null, monthCell: null, planTitle };
}

/** 规划编号 and 报告期 from the hidden sheet our export writes. */
function readInfo(grid: WorkbookGrid): { planId: number | null; month: string | null; planTitle: string } {
  const info = grid.sheets.find((s) => s.name === PROGRESS_INFO_SHEET_NAME);
  const out: { planId: number | null; month: string | null; planTitle: string } = { planId: null, month: null, planTitle: '' };
  for (const r of info?.rows ?? []) {
    const key = cellText(r.cells[0]);
    const value = cellText(r.cells[1]);
    if (key === '规划编号' && /^\d+$/.test(value)) out.planId = Number(value);
    else if (key === '报告期') out.month = monthInText(value);
    else if (key === '规划名称') out.planTitle = value;
  }
  return out;
}

function readStage(cell: GridCell | undefined): CellRead<string | null> {
  const raw = cellText(cell).replace(/[\s\u3000]/g, '');
  if (raw === '') return { ok: true, value: null };
  if (isProgressStage(raw)) return { ok: true, value: raw };
  return { ok: false, message: `建设阶段“${cellText(cell)}”不在列表中，应为 ${PROGRESS_STAGES.join('、')} 之一。` };
}

function readPercent(cell: GridCell | undefined): CellRead<number | null> {
  const noValue = formulaWithoutValue(cell);
  if (noValue) return { ok: false, message: noValue };
  const raw = typeof cell?.value === 'string' ? toHalfWidth(cell.value).replace(/[%％]\s*$/, '') : cell?.value;
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return { ok: true, value: null };
  const n = parseNumber(raw);
  if (!n.ok) return { ok: false, message: `形象进度应为 0 至 100 的数字，读到“${cellText(cell)}”。` };
  if (n.value < 0 || n.value > 100) return { ok: false, message: `形象进度应在 0 至 100 之间，读到 ${cellText(cell)}。` };
  return { ok: true, value: n.value };
}

function readAmount(cell: GridCell | undefined, unitYuan: number, label: string): CellRead<number | null> {
  const noValue = formulaWithoutValue(cell);
  if (noValue) return { ok: false, message: noValue };
  if (!cell || cell.value === null || (typeof cell.value === 'string' && cell.value.trim() === '')) return { ok: true, value: null };
  const n = parseNumber(cell.value);
  const unit = amountUnitName(unitYuan);
  if (!n.ok) return { ok: false, message: `${label}应为金额（${unit}），读到“${cellText(cell)}”。` };
  if (n.value < 0) return { ok: false, message: `${label}不能为负数，读到 ${cellText(cell)}。` };
  const yuan = Math.round(n.value * unitYuan);
  if (yuan > 1e13) return { ok: false, message: `${label}过大，读到 ${cellText(cell)}。` };
  return { ok: true, value: yuan };
}

function readId(cell: GridCell | undefined, label: string): CellRead<number | null> {
  const raw = toHalfWidth(cellText(cell)).replace(/\.0+$/, '');
  if (raw === '') return { ok: true, value: null };
  if (/^\d{1,12}$/.test(raw) && Number(raw) > 0) return { ok: true, value: Number(raw) };
  return { ok: false, message: `${label}应为系统生成的编号，读到“${cellText(cell)}”；请勿修改此列，或清空它按名称对应。` };
}

/** One line of text (a 填报人), spaces collapsed. */
const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

export function parseProgressWorkbook(
  grid: WorkbookGrid,
  fileName: string,
  progress?: (phase: string, done: number, total: number) => void,
): ParsedWorkbook<ProgressFileRow, ProgressMeta> {
  const out = startParse<ProgressFileRow, ProgressMeta>('progress', grid, fileName, {
    month: null,
    monthCell: { row: 1, column: 'A' },
    planTitle: '',
    planId: null,
    letters: {},
  });
  if (out.errors.length > 0) return out;
  const h = chooseHeader(grid);
  if (!h) {
    out.errors.push(headerNotFound(fileName, PROGRESS_HEADER_SEARCH_ROWS, '进度月报', '应有 项目名称、建设阶段、形象进度（%）、累计完成投资（万元）等列'));
    return out;
  }
  const sheet = h.sheet.name;
  out.sheet = sheet;
  for (const missing of h.missing) out.errors.push({ file: fileName, sheet, row: h.row.rowNumber, message: `缺少必需的列“${missing}”。` });
  if (!h.columns.has('name') && !h.columns.has('projectId') && !h.columns.has('seq')) {
    out.errors.push({ file: fileName, sheet, row: h.row.rowNumber, message: '缺少“项目名称”列：无法确定每一行是哪个项目。' });
  }
  const letters: Partial<Record<ProgressReportField, string>> = {};
  for (const [field, index] of h.columns) letters[field] = columnLetter(index + 1);
  const title = readTitle(h);
  const info = readInfo(grid);
  out.meta = {
    month: title.month ?? info.month,
    monthCell: title.monthCell ?? { row: Math.max(1, h.row.rowNumber - 1), column: 'A' },
    planTitle: title.planTitle || info.planTitle,
    planId: info.planId,
    letters,
  };
  if (out.errors.length > 0) return out;

  const at = (field: ProgressReportField): number => h.columns.get(field) ?? -1;
  const cell = (row: GridRow, field: ProgressReportField): GridCell | undefined => (at(field) >= 0 ? row.cells[at(field)] : undefined);
  const text = (row: GridRow, field: ProgressReportField): string => cellText(cell(row, field));
  const where = (row: GridRow, field: ProgressReportField): Issue => ({ file: fileName, sheet, row: row.rowNumber, column: letters[field] ?? '', message: '' });
  const body = h.sheet.rows.filter((r) => r.rowNumber > h.row.rowNumber);
  for (const [i, row] of body.entries()) {
    if (i % 500 === 0) progress?.('检查数据', i, body.length);
    const first = row.cells.map(cellText).find((t) => t !== '') ?? '';
    if (first === '') continue;
    if (NOTE_RE.test(first.replace(/\s+/g, ''))) break; // notes under the table end it
    if (TOTAL_RE.test(first.replace(/\s+/g, ''))) continue;
    if (normaliseHeader(first) === normaliseHeader(PROGRESS_REPORT_COLUMNS[0]?.header ?? '')) continue; // a header repeated by a copy

    const problems: Issue[] = [];
    const take = <T>(field: ProgressReportField, r: CellRead<T>, empty: T): T => {
      if (r.ok) return r.value;
      problems.push({ ...where(row, field), message: r.message });
      return empty;
    };
    const unit = (field: ProgressReportField): number => h.unitYuan.get(field) ?? 10_000;
    const stage = take('stage', readStage(cell(row, 'stage')), null);
    const percent = take('percent', readPercent(cell(row, 'percent')), null);
    const investPeriodYuan = take('investPeriod', readAmount(cell(row, 'investPeriod'), unit('investPeriod'), '本月完成投资'), null);
    const investCumulativeYuan = take('investCumulative', readAmount(cell(row, 'investCumulative'), unit('investCumulative'), '累计完成投资'), null);
    const projectId = take('projectId', readId(cell(row, 'projectId'), '项目ID'), null);
    const siteId = take('siteId', readId(cell(row, 'siteId'), '点位ID'), null);
    const filled = REPORT_FIELDS.some((f) => text(row, f) !== '');
    if (filled && problems.length === 0) {
      if (stage === null) problems.push({ ...where(row, 'stage'), message: '缺少建设阶段（请从下拉列表选择）。' });
      if (percent === null) problems.push({ ...where(row, 'percent'), message: '缺少形象进度（0 至 100 的数字）。' });
    }
    out.errors.push(...problems);
    out.rows.push({
      rowNumber: row.rowNumber,
      seqLabel: toHalfWidth(text(row, 'seq')).replace(/\s+/g, ''),
      name: oneLine(text(row, 'name')),
      site: oneLine(text(row, 'site')),
      projectId,
      siteId,
      filled,
      stage,
      percent,
      description: text(row, 'description'),
      investPeriodYuan,
      investCumulativeYuan,
      problems: text(row, 'problems'),
      author: oneLine(text(row, 'author')),
    });
  }
  progress?.('检查数据', body.length, body.length);
  return out;
}

export const progressParser: ImportParser<ProgressFileRow, ProgressMeta> = {
  kind: 'progress',
  columns: PROGRESS_REPORT_COLUMNS,
  parse: (grid, fileName, progress) => parseProgressWorkbook(grid, fileName, progress),
};
