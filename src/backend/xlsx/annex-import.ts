// Reads an annex-1 workbook as real offices send it: title and unit rows above the header,
// the header found among the first rows, blank rows, 合计 rows (checked against the sum),
// 注 rows and category headings skipped. Every problem is collected with its file, sheet,
// row and column; nothing is decided here about the database.
import type { Issue } from '../../domain/api/errors';
import { isNature, type Nature } from '../../domain/model';
import { formatWan } from '../../domain/money';
import {
  EXTRA_COLUMNS,
  EXTRA_SHEET_NAME,
  IMPORT_COLUMNS,
  planTitleFromSheetTitle,
  type AnnexField,
} from '../../domain/xlsx/annex-columns';
import { CATEGORIES } from '../../domain/model';
import { findHeaderRow, type HeaderMatch } from '../../domain/xlsx/header-match';
import { parseNumber } from '../../domain/xlsx/parse-number';
import { parseWindow } from '../../domain/xlsx/parse-window';
import { columnLetter } from './annex-export';
import { cellText, type GridCell, type GridRow } from './read-workbook';
import type { GridSheet, WorkbookGrid } from './sheet-xml-reader';

export const HEADER_SEARCH_ROWS = 15;

/** Fields the hidden sheet of our own exports carries. */
export interface ImportedExtras {
  seqPrinted: string | null;
  category: string;
  startDate: string | null;
  endDate: string | null;
  responsibleUnit: string;
  leader: string;
  note: string;
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

function headRows(rows: readonly GridRow[]): { texts: string[][]; numbers: number[] } {
  const head = rows.filter((r) => r.rowNumber <= HEADER_SEARCH_ROWS);
  return { texts: head.map((r) => r.cells.map(cellText)), numbers: head.map((r) => r.rowNumber) };
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

function readExtras(wb: WorkbookGrid): Map<string, ImportedExtras> {
  const out = new Map<string, ImportedExtras>();
  const sheet = wb.sheets.find((s) => s.name === EXTRA_SHEET_NAME);
  if (!sheet) return out;
  const head = sheet.rows[0]?.cells.map(cellText) ?? [];
  if (EXTRA_COLUMNS.some((h, i) => head[i] !== h)) return out;
  for (const row of sheet.rows.slice(1)) {
    const t = (i: number): string => cellText(row.cells[i]);
    const [seq, name] = [t(0), t(1)];
    if (!seq || !name) continue;
    out.set(`${seq}|${name}`, {
      seqPrinted: t(2) || null,
      category: t(3),
      startDate: t(4) || null,
      endDate: t(5) || null,
      responsibleUnit: t(6),
      leader: t(7),
      note: t(8),
    });
  }
  return out;
}

function headingCategory(text: string): string | null {
  const bare = text.replace(HEADING_RE, '');
  return CATEGORIES.find((c) => bare.includes(c)) ?? null;
}

/** Parses the annex sheet of a loaded workbook. Never throws for bad data: problems are returned. */
export function parseAnnexWorkbook(wb: WorkbookGrid, fileName: string): AnnexParse {
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
    const title = /^单位/.test(text) ? '' : planTitleFromSheetTitle(text);
    if (title) {
      result.planTitle = title;
      break;
    }
  }
  parseRows(grid, match, headerRowNumber, readExtras(wb), result);
  return result;
}

function parseRows(grid: GridSheet, match: HeaderMatch, headerRowNumber: number, extras: Map<string, ImportedExtras>, out: AnnexParse): void {
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
  const seenSeq = new Map<number, number>();
  const seenName = new Map<string, number>();
  const textAmountRows: number[] = [];
  const totals: { row: GridRow; yuan: number }[] = [];
  let sumYuan = 0;
  let currentHeading: string | null = null;

  if (!col('nature')) out.warnings.push({ file: out.fileName, sheet: grid.name, message: '文件没有“建设性质”列：新增项目按“新建”处理，已有项目保持不变。' });

  for (const row of grid.rows) {
    if (row.rowNumber <= headerRowNumber) continue;
    if (mapped.every((i) => cellText(row.cells[i]) === '')) continue;
    const first = firstText(row);
    if (TOTAL_RE.test(first)) {
      const amount = parseNumber(at(row, 'investment')?.value ?? null);
      if (amount.ok) totals.push({ row, yuan: Math.round(amount.value * unit) });
      continue;
    }
    if (NOTE_RE.test(first)) continue;

    const seqText = cellText(at(row, 'seq'));
    const name = cellText(at(row, 'name')).replace(/\s*\n\s*/g, '');
    const amountCell = at(row, 'investment');
    const windowCell = at(row, 'window');
    const looksLikeHeading = !name || name === seqText || HEADING_RE.test(first);
    if (looksLikeHeading && !/^\d+$/.test(seqText) && cellText(amountCell) === '' && cellText(windowCell) === '') {
      // a heading such as "一、养老服务" spanning the row: remember its category
      currentHeading = headingCategory(first) ?? currentHeading;
      continue;
    }

    const problems: Issue[] = [];
    const seqParsed = parseNumber(seqText);
    let seq = 0;
    if (seqText === '') problems.push(issue(row, 'seq', '序号为空。'));
    else if (!seqParsed.ok || !Number.isInteger(seqParsed.value) || seqParsed.value <= 0)
      problems.push(issue(row, 'seq', `序号应为正整数，读到“${seqText}”。`));
    else seq = seqParsed.value;
    if (!name) problems.push(issue(row, 'name', '项目名称为空。'));

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

    if (seq > 0) {
      const prev = seenSeq.get(seq);
      if (prev !== undefined) problems.push(issue(row, 'seq', `序号 ${seq} 与第 ${prev} 行重复。`));
      else seenSeq.set(seq, row.rowNumber);
    }
    if (name) {
      const prev = seenName.get(name);
      if (prev !== undefined) problems.push(issue(row, 'name', `项目名称“${name}”与第 ${prev} 行重复。`));
      else seenName.set(name, row.rowNumber);
    }
    if (problems.length > 0 || !win.ok) {
      out.errors.push(...problems);
      continue;
    }

    const remarkCol = cellText(at(row, 'remark')).replace(/\s+/g, '');
    sumYuan += investmentYuan;
    out.projects.push({
      rowNumber: row.rowNumber,
      seq,
      name,
      ...(nature !== undefined ? { nature } : {}),
      ...(col('owner') !== undefined ? { owner: cellText(at(row, 'owner')) } : {}),
      ...(col('location') !== undefined ? { locationText: cellText(at(row, 'location')) } : {}),
      ...(col('scale') !== undefined ? { scaleText: cellText(at(row, 'scale')) } : {}),
      investmentYuan,
      startYear: win.startYear,
      endYear: win.endYear,
      remark: remarkCol || win.remark,
      headingCategory: currentHeading,
      extras: extras.get(`${seqText}|${name}`) ?? null,
    });
  }

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
