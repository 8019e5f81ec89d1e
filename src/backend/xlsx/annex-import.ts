// Reads an annex-1 workbook as real offices send it: title and unit rows above the header,
// the header found among the first rows, blank rows, 合计 rows (checked against the sum),
// 注 rows and category headings skipped. Every problem is collected with its file, sheet,
// row and column; nothing is decided here about the database.
import type { Issue } from '../../domain/api/errors';
import { isNature, type Nature } from '../../domain/model';
import { formatWan } from '../../domain/money';
import {
  EXTRA_COLUMNS,
  EXTRA_COLUMNS_REQUIRED,
  EXTRA_SHEET_NAME,
  IMPORT_COLUMNS,
  type AnnexField,
} from '../../domain/xlsx/annex-columns';
import { CATEGORIES } from '../../domain/model';
import { findHeaderRow, type HeaderMatch } from '../../domain/xlsx/header-match';
import { parseNumber } from '../../domain/xlsx/parse-number';
import { parseWindow } from '../../domain/xlsx/parse-window';
import { columnLetter } from '../../domain/xlsx/column-letter';
import { cellCleaner, titleFromRow, type CellCleaner } from './annex-text';
import type { ProjectTextField } from '../../domain/project-rules';
import { addIdentity, identityClash, identityIndex, shortName } from '../../domain/project-identity';
import { cellText, type GridCell, type GridRow, type GridSheet, type WorkbookGrid } from './grid';

export const HEADER_SEARCH_ROWS = 15;
/** rows per batch sent ahead to onRows */
const ROWS_AHEAD = 500;

/** Fields the hidden sheet of our own exports carries. */
export interface ImportedExtras {
  seqPrinted: string | null;
  category: string;
  startDate: string | null;
  endDate: string | null;
  responsibleUnit: string;
  leader: string;
  note: string;
  /** 备注, in exports made since it joined the hidden sheet (the 建设年限 bracket may not hold it) */
  remark?: string;
}

/** One project row; a field is undefined when the file has no column for it (keep what the DB has). */
export interface ImportedProject {
  rowNumber: number;
  seq: number;
  name: string;
  nature?: Nature;
  owner?: string;
  locationText?: string;
  scaleText?: string;
  investmentYuan: number;
  startYear: number;
  endYear: number;
  remark: string;
  /** from a category heading row above it ("一、养老服务"), if any */
  headingCategory: string | null;
  extras: ImportedExtras | null;
}

export interface AnnexParse {
  fileName: string;
  sheet: string;
  /** plan title taken from the title row, '' when there is none */
  planTitle: string;
  projects: ImportedProject[];
  warnings: Issue[];
  errors: Issue[];
}

const TOTAL_RE = /^(合计|总计|共计|小计|总合计)/;
const NOTE_RE = /^(注|备注|说明|附注|资料来源)\s*[:：\d１-９、.]/;
const HEADING_RE = /^[一二三四五六七八九十]+[、.．]|^[（(][一二三四五六七八九十]+[)）]/;

function firstText(row: GridRow): string {
  for (const c of row.cells) {
    const t = cellText(c);
    if (t) return t.replace(/\s+/g, '');
  }
  return '';
}

/** No header is longer; a longer cell (a title, or a hostile 1 MB cell) is not compared with every synonym. */
const HEADER_CELL_MAX = 100;

function headRows(rows: readonly GridRow[]): { texts: string[][]; numbers: number[] } {
  const head = rows.filter((r) => r.rowNumber <= HEADER_SEARCH_ROWS);
  const headerText = (c: GridCell | undefined): string => {
    const t = cellText(c);
    return t.length > HEADER_CELL_MAX ? '' : t;
  };
  return { texts: head.map((r) => r.cells.map(headerText)), numbers: head.map((r) => r.rowNumber) };
}

interface Candidate {
  sheet: GridSheet;
  match: HeaderMatch;
  headerRowNumber: number;
}

function chooseSheet(wb: WorkbookGrid): { candidate: Candidate | null; best: Candidate | null; empty: boolean } {
  let complete: Candidate | null = null;
  let best: Candidate | null = null;
  let empty = true;
  for (const sheet of wb.sheets) {
    if (sheet.name === EXTRA_SHEET_NAME) continue;
    if (sheet.rows.length > 0) empty = false;
    const head = headRows(sheet.rows);
    const match = findHeaderRow(head.texts, IMPORT_COLUMNS, HEADER_SEARCH_ROWS);
    if (!match) continue;
    const c = { sheet, match, headerRowNumber: head.numbers[match.rowIndex] ?? match.rowIndex + 1 };
    if (match.missing.length === 0 && (!complete || match.columns.size > complete.match.columns.size)) complete = c;
    if (!best || match.columns.size > best.match.columns.size) best = c;
  }
  return { candidate: complete, best, empty };
}

/**
 * The hidden sheet's rows by 序号 text, then by the name as it will be saved: two lookups of
 * strings the reader already holds, instead of a "序号|名称" key string built for every row.
 */
type ExtrasIndex = Map<string, Map<string, ImportedExtras>>;

function readExtras(wb: WorkbookGrid, out: Pick<AnnexParse, 'fileName' | 'errors'>, cleanCell: CellCleaner): ExtrasIndex {
  const extras: ExtrasIndex = new Map();
  const sheet = wb.sheets.find((s) => s.name === EXTRA_SHEET_NAME);
  if (!sheet) return extras;
  const head = sheet.rows[0]?.cells.map(cellText) ?? [];
  if (EXTRA_COLUMNS.slice(0, EXTRA_COLUMNS_REQUIRED).some((h, i) => head[i] !== h)) return extras;
  const hasRemark = head[EXTRA_COLUMNS.indexOf('备注')] === '备注';
  let row: GridRow | undefined;
  const t = (i: number): string => cellText(row?.cells[i]);
  // the form's text rule, with the problem placed at this sheet's cell
  const clean = (i: number, field: ProjectTextField): string => {
    const r = cleanCell(t(i), field);
    if (r.ok) return r.value;
    out.errors.push({ file: out.fileName, sheet: sheet.name, row: row?.rowNumber ?? 0, column: columnLetter(i + 1), message: r.message });
    return '';
  };
  for (let i = 1; i < sheet.rows.length; i++) {
    row = sheet.rows[i];
    const seq = t(0);
    const name = t(1);
    if (!seq || !name) continue;
    const value: ImportedExtras = {
      seqPrinted: clean(2, 'seqPrinted') || null,
      category: t(3) === '' ? '' : clean(3, 'category'),
      startDate: t(4) || null,
      endDate: t(5) || null,
      responsibleUnit: clean(6, 'responsibleUnit'),
      leader: clean(7, 'leader'),
      note: clean(8, 'note'),
    };
    if (hasRemark) value.remark = clean(9, 'remark');
    // keyed as extrasKey (annex-text.ts) keys it: the name as it will be saved
    const cleanName = cleanCell(name, 'name');
    let bySeq = extras.get(seq);
    if (!bySeq) {
      bySeq = new Map();
      extras.set(seq, bySeq);
    }
    bySeq.set(cleanName.ok ? cleanName.value : name, value);
  }
  return extras;
}

function headingCategory(text: string): string | null {
  const bare = text.replace(HEADING_RE, '');
  return CATEGORIES.find((c) => bare.includes(c)) ?? null;
}

/** Parses the annex sheet of a loaded workbook. Never throws for bad data: problems are returned. */
export function parseAnnexWorkbook(
  wb: WorkbookGrid,
  fileName: string,
  progress?: (phase: string, done: number, total: number) => void,
  onRows?: (rows: ImportedProject[]) => void,
): AnnexParse {
  const result: AnnexParse = { fileName, sheet: '', planTitle: '', projects: [], warnings: [], errors: [] };
  const { candidate, best, empty } = chooseSheet(wb);
  if (!candidate) {
    if (empty) {
      result.errors.push({ file: fileName, message: '工作簿是空的，没有任何数据。' });
    } else if (!best) {
      result.errors.push({
        file: fileName,
        message: `在各工作表的前 ${HEADER_SEARCH_ROWS} 行中找不到表头（应包含 序号、项目名称、投资估算（万元）、建设年限 等列）。`,
      });
    } else {
      for (const missing of best.match.missing) {
        result.errors.push({
          file: fileName,
          sheet: best.sheet.name,
          row: best.headerRowNumber,
          message: `缺少必需的列“${missing}”。`,
        });
      }
    }
    return result;
  }
  const { sheet, match, headerRowNumber } = candidate;
  result.sheet = sheet.name;
  const grid = sheet;
  // the title: the first row above the header that still names something once "附件1" and "…清单明细" are taken off
  for (const r of grid.rows) {
    if (r.rowNumber >= headerRowNumber) break;
    const text = cellText(r.cells.find((c) => cellText(c) !== ''));
    const title = titleFromRow(text);
    if (!title.ok) result.errors.push({ file: fileName, sheet: sheet.name, row: r.rowNumber, message: title.message });
    if (!title.ok || title.value) {
      result.planTitle = title.ok ? title.value : '';
      break;
    }
  }
  const cleanCell = cellCleaner();
  parseRows(grid, match, headerRowNumber, readExtras(wb, result, cleanCell), result, cleanCell, progress, onRows);
  return result;
}

function parseRows(
  grid: GridSheet,
  match: HeaderMatch,
  headerRowNumber: number,
  extras: ExtrasIndex,
  out: AnnexParse,
  cleanCell: CellCleaner,
  progress?: (phase: string, done: number, total: number) => void,
  onRows?: (rows: ImportedProject[]) => void,
): void {
  const col = (f: AnnexField): number | undefined => match.columns.get(f);
  const at = (row: GridRow, f: AnnexField): GridCell | undefined => {
    const i = col(f);
    return i === undefined ? undefined : row.cells[i];
  };
  const issue = (row: GridRow, f: AnnexField | null, message: string): Issue => {
    const i = f ? col(f) : undefined;
    return {
      file: out.fileName,
      sheet: grid.name,
      row: row.rowNumber,
      ...(i !== undefined ? { column: columnLetter(i + 1) } : {}),
      message,
    };
  };
  const mapped = [...match.columns.values()];
  const unit = match.investmentUnitYuan;
  // rows already read, by 序号 and by name key (project-identity.ts: the rule project.update uses)
  const seen = identityIndex<{ seq: number; name: string; rowNumber: number }>();
  const textAmountRows: number[] = [];
  const totals: { row: GridRow; yuan: number }[] = [];
  let sumYuan = 0;
  let currentHeading: string | null = null;

  if (!col('nature')) out.warnings.push({ file: out.fileName, sheet: grid.name, message: '文件没有“建设性质”列：新增项目按“新建”处理，已有项目保持不变。' });

  // the row being read and its problems: one set of helpers for all rows, not new closures per row
  let row: GridRow = { rowNumber: 0, cells: [] };
  let problems: Issue[] = [];
  // every text cell through the form's rule (trim, NFC, bounds, no control characters)
  const text = (f: AnnexField, field: ProjectTextField): string | undefined => {
    if (col(f) === undefined) return undefined;
    const r = cleanCell(cellText(at(row, f)), field);
    if (!r.ok) problems.push(issue(row, f, r.message));
    return r.ok ? r.value : '';
  };
  const blank = (i: number): boolean => cellText(row.cells[i]) === '';

  const rowCount = grid.rows.length;
  let sent = 0;
  progress?.('检查数据', 0, rowCount);
  for (let index = 0; index < rowCount; index++) {
    row = grid.rows[index] ?? row;
    if (index % 1000 === 999) progress?.('检查数据', index + 1, rowCount);
    if (row.rowNumber <= headerRowNumber) continue;
    if (mapped.every(blank)) continue;
    const first = firstText(row);
    if (TOTAL_RE.test(first)) {
      const amount = parseNumber(at(row, 'investment')?.value ?? null);
      if (amount.ok) totals.push({ row, yuan: Math.round(amount.value * unit) });
      continue;
    }
    if (NOTE_RE.test(first)) continue;

    const seqText = cellText(at(row, 'seq'));
    const rawName = cellText(at(row, 'name')).replace(/\s*\n\s*/g, '');
    const amountCell = at(row, 'investment');
    const windowCell = at(row, 'window');
    const looksLikeHeading = !rawName || rawName === seqText || HEADING_RE.test(first);
    if (looksLikeHeading && !/^\d+$/.test(seqText) && cellText(amountCell) === '' && cellText(windowCell) === '') {
      // a heading such as "一、养老服务" spanning the row: remember its category
      currentHeading = headingCategory(first) ?? currentHeading;
      continue;
    }

    problems = [];
    const seqParsed = parseNumber(seqText);
    let seq = 0;
    if (seqText === '') problems.push(issue(row, 'seq', '序号为空。'));
    else if (!seqParsed.ok || !Number.isInteger(seqParsed.value) || seqParsed.value <= 0)
      problems.push(issue(row, 'seq', `序号应为正整数，读到“${seqText}”。`));
    else seq = seqParsed.value;
    if (!rawName) problems.push(issue(row, 'name', '项目名称为空。'));
    const name = rawName ? (text('name', 'name') ?? '') : '';
    const owner = text('owner', 'owner');
    const locationText = text('location', 'locationText');
    const scaleText = text('scale', 'scaleText');
    const extra = extras.get(seqText)?.get(name) ?? null;

    let nature: Nature | undefined;
    if (col('nature') !== undefined) {
      const text = cellText(at(row, 'nature')).replace(/\s+/g, '');
      if (isNature(text)) nature = text;
      else problems.push(issue(row, 'nature', text ? `建设性质应为 新建、扩建 或 改扩建，读到“${text}”。` : '建设性质为空。'));
    }

    let investmentYuan = 0;
    const amountRaw = amountCell?.value ?? null;
    const amount = parseNumber(amountRaw);
    if (amountRaw === null || cellText(amountCell) === '') problems.push(issue(row, 'investment', '投资估算为空。'));
    else if (!amount.ok) problems.push(issue(row, 'investment', `投资估算应为数字，读到“${cellText(amountCell)}”。`));
    else if (amount.value < 0) problems.push(issue(row, 'investment', `投资估算不能为负数，读到 ${amount.value}。`));
    else {
      investmentYuan = Math.round(amount.value * unit);
      if (amount.fromText) textAmountRows.push(row.rowNumber);
    }

    const win = parseWindow(windowCell?.value ?? null);
    if (!win.ok) problems.push(issue(row, 'window', win.reason.startsWith('“') || win.reason.startsWith('建设') ? win.reason : `建设年限有误：${win.reason}。`));

    const clash = identityClash(seen, { seq, name });
    if (clash.seq) problems.push(issue(row, 'seq', `序号 ${seq} 与第 ${clash.seq.rowNumber} 行重复。`));
    if (clash.name) {
      const other = clash.name;
      const how = other.name === name ? '' : `的“${shortName(other.name)}”只差空格，视为`;
      problems.push(issue(row, 'name', `项目名称“${shortName(name)}”与第 ${other.rowNumber} 行${how}重复。`));
    }
    addIdentity(seen, { seq, name, rowNumber: row.rowNumber });
    // 备注: a 备注 column, else the 建设年限 bracket, else the hidden sheet's (which our export
    // fills even when the bracket could not carry the remark unchanged)
    let remark = text('remark', 'remark') ?? '';
    if (!remark && win.ok && win.remark) {
      const r = cleanCell(win.remark, 'remark');
      if (r.ok) remark = r.value;
      else problems.push(issue(row, 'window', r.message));
    }
    if (!remark) remark = extra?.remark ?? '';
    if (problems.length > 0 || !win.ok) {
      out.errors.push(...problems);
      continue;
    }

    sumYuan += investmentYuan;
    const project: ImportedProject = {
      rowNumber: row.rowNumber,
      seq,
      name,
      investmentYuan,
      startYear: win.startYear,
      endYear: win.endYear,
      remark,
      headingCategory: currentHeading,
      extras: extra,
    };
    // absent, not undefined, when the file has no such column (10,000 spreads were a cost)
    if (nature !== undefined) project.nature = nature;
    if (owner !== undefined) project.owner = owner;
    if (locationText !== undefined) project.locationText = locationText;
    if (scaleText !== undefined) project.scaleText = scaleText;
    out.projects.push(project);
    // rows sent ahead while the file is sound so far (a bad file's rows are never used)
    if (onRows && out.errors.length === 0 && out.projects.length - sent >= ROWS_AHEAD) {
      onRows(out.projects.slice(sent));
      sent = out.projects.length;
    }
  }

  progress?.('检查数据', rowCount, rowCount);
  if (out.projects.length === 0 && out.errors.length === 0) {
    out.errors.push({ file: out.fileName, sheet: grid.name, row: headerRowNumber, message: '表头下面没有任何项目数据。' });
  }
  for (const t of totals) {
    if (t.yuan !== sumYuan && out.errors.length === 0) {
      const textNote = textAmountRows.length > 0 ? `第 ${textAmountRows.join('、')} 行的金额是以文本录入的，表格的 SUM 公式可能漏算了它们；` : '';
      out.warnings.push(
        issue(
          t.row,
          'investment',
          `合计行为 ${formatWan(t.yuan)} 万元，而各行相加为 ${formatWan(sumYuan)} 万元（相差 ${formatWan(Math.abs(sumYuan - t.yuan))} 万元）。${textNote}导入按各行金额计算。`,
        ),
      );
    }
  }
}
