// Pagination of the printed Gantt: paper size in mm -> CSS px, every row's height from
// the number of lines its full name wraps to (names are never truncated), then rows
// packed onto pages so that none is ever cut. Title, time header, legend and page
// numbers repeat on every page, so their heights come off every page's body. Pure.
import { PAPERS, type Paper } from '../../domain/paper';
import type { GanttRow } from './rows';
import { fitScale, type DateRange, type Scale } from './scale';

export { isPaper, PAPERS, type Paper } from '../../domain/paper';

/** CSS px are 1/96 inch */
export function mmToPx(mm: number): number {
  return (mm * 96) / 25.4;
}

export interface PrintMetrics {
  marginMm: number;
  fontPx: number;
  lineHeightPx: number;
  rowPaddingPx: number;
  minRowPx: number;
  titlePx: number;
  headerRowPx: number;
  footerPx: number;
  columns: { seq: number; name: number; invest: number; period: number; percent: number };
}

export const PRINT_METRICS: Record<Paper, PrintMetrics> = {
  A3: {
    marginMm: 10,
    fontPx: 13,
    lineHeightPx: 18,
    rowPaddingPx: 5,
    minRowPx: 30,
    titlePx: 52,
    headerRowPx: 22,
    footerPx: 28,
    columns: { seq: 40, name: 320, invest: 80, period: 104, percent: 48 },
  },
  A4: {
    marginMm: 8,
    fontPx: 10,
    lineHeightPx: 13,
    rowPaddingPx: 3,
    minRowPx: 20,
    titlePx: 40,
    headerRowPx: 17,
    footerPx: 22,
    columns: { seq: 34, name: 210, invest: 62, period: 84, percent: 38 },
  },
};

/** Widths as the printed font draws them: CJK and full-width forms are 1em; the rest is
 * counted at a generous 0.62em so an estimate never runs past the column. */
export function charWidth(ch: string, fontPx: number): number {
  const c = ch.codePointAt(0) ?? 0;
  const wide = (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x3000 && c <= 0x303f);
  return wide ? fontPx : fontPx * 0.62;
}

/** punctuation that must not begin a line (Chinese line-breaking rules) */
const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕”’,.;:?!)]%']);

/** Greedy wrap into lines no wider than widthPx; every character is kept. */
export function wrapText(text: string, widthPx: number, fontPx: number): string[] {
  const chars = [...text];
  if (chars.length === 0) return [''];
  const lines: string[][] = [[]];
  let used = 0;
  for (const ch of chars) {
    const w = charWidth(ch, fontPx);
    const line = lines[lines.length - 1] ?? [];
    if (used + w > widthPx && line.length > 0) {
      const next: string[] = [];
      // carry the previous character along rather than start a line with "）" or "，"
      if (NO_LINE_START.has(ch) && line.length > 1) next.push(line.pop() ?? '');
      lines.push(next);
      next.push(ch);
      used = next.reduce((s, c) => s + charWidth(c, fontPx), 0);
    } else {
      line.push(ch);
      used += w;
    }
  }
  return lines.map((l) => l.join(''));
}

export interface PrintRow {
  row: GanttRow;
  lines: string[];
  height: number;
}

export interface PrintPage {
  /** 1-based page number */
  number: number;
  /** index into rows, first..last exclusive */
  first: number;
  last: number;
  /** the group header (row index) to repeat as "（续）" when the page starts inside a group */
  continuedGroup?: number;
}

export interface PrintLayout {
  paper: Paper;
  metrics: PrintMetrics;
  pageWidthPx: number;
  pageHeightPx: number;
  marginPx: number;
  gridWidth: number;
  chartWidth: number;
  bodyHeight: number;
  scale: Scale;
  rows: PrintRow[];
  pages: PrintPage[];
}

export function rowLabel(row: GanttRow): string {
  if (row.kind === 'group') return `${row.label}（${row.projectCount}项）`;
  return row.name;
}

/**
 * Packs rows onto pages in order. A row never splits; a group header is not left
 * alone at the foot of a page but moves to the next page with its first project.
 * `leadHeight[i]` is room kept at the top of a page that starts at row i (the repeated
 * "（续）" group header). A row taller than a whole page (not reachable with real names)
 * gets a page of its own.
 */
export function paginate(
  heights: readonly number[],
  bodyHeight: number,
  keepWithNext: readonly boolean[] = [],
  leadHeight: readonly number[] = [],
): PrintPage[] {
  const pages: PrintPage[] = [];
  let first = 0;
  let used = leadHeight[0] ?? 0;
  for (let i = 0; i < heights.length; i++) {
    const h = heights[i] ?? 0;
    if (used + h > bodyHeight && i > first) {
      let cut = i;
      while (cut - 1 > first && keepWithNext[cut - 1]) cut--;
      pages.push({ number: pages.length + 1, first, last: cut });
      first = cut;
      used = leadHeight[cut] ?? 0;
      for (let j = cut; j < i; j++) used += heights[j] ?? 0;
    }
    used += h;
  }
  if (heights.length > 0 || pages.length === 0) pages.push({ number: pages.length + 1, first, last: heights.length });
  return pages;
}

/** for each row, the index of the group header it falls under (null before any) */
export function groupOf(rows: readonly GanttRow[]): (number | null)[] {
  let current: number | null = null;
  return rows.map((r, i) => {
    if (r.kind === 'group') current = i;
    return current;
  });
}

export function buildPrintLayout(paper: Paper, rows: readonly GanttRow[], range: DateRange): PrintLayout {
  const metrics = PRINT_METRICS[paper];
  const { widthMm, heightMm } = PAPERS[paper];
  const pageWidthPx = mmToPx(widthMm);
  const pageHeightPx = mmToPx(heightMm);
  const marginPx = mmToPx(metrics.marginMm);
  const c = metrics.columns;
  const gridWidth = c.seq + c.name + c.invest + c.period + c.percent;
  // 2 px spare so rounding in the browser can never push the chart past the sheet
  const chartWidth = Math.floor(pageWidthPx - 2 * marginPx - gridWidth - 2);
  const scale = fitScale(range, chartWidth);
  const headerHeight = scale.zoom.headers.length * metrics.headerRowPx;
  const bodyHeight = Math.floor(pageHeightPx - 2 * marginPx - metrics.titlePx - headerHeight - metrics.footerPx - 4);
  const nameWidth = c.name - 2 * 4;
  const printRows: PrintRow[] = rows.map((row) => {
    const indent = row.kind === 'site' ? metrics.fontPx : 0;
    const lines = wrapText(rowLabel(row), nameWidth - indent, metrics.fontPx);
    const height = Math.max(metrics.minRowPx, lines.length * metrics.lineHeightPx + 2 * metrics.rowPaddingPx);
    return { row, lines, height };
  });
  // a page that starts inside a group repeats its header as "养老（续）"
  const groups = groupOf(rows);
  const lead = rows.map((r, i) => {
    const g = groups[i];
    return r.kind === 'group' || g === null || g === undefined ? 0 : (printRows[g]?.height ?? 0);
  });
  const pages = paginate(
    printRows.map((r) => r.height),
    bodyHeight,
    printRows.map((r) => r.row.kind === 'group'),
    lead,
  ).map((p) => {
    const g = groups[p.first];
    return rows[p.first]?.kind === 'group' || g === null || g === undefined ? p : { ...p, continuedGroup: g };
  });
  return { paper, metrics, pageWidthPx, pageHeightPx, marginPx, gridWidth, chartWidth, bodyHeight, scale, rows: printRows, pages };
}

export function pageLabel(page: number, total: number): string {
  return `第 ${page} 页 / 共 ${total} 页`;
}
