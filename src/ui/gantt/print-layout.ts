// Pagination of the printed Gantt: paper size in mm -> CSS px, every row's height from
// the number of lines its full name wraps to (names are never truncated), then rows
// packed onto pages so that none is ever cut. Title, time header, legend and page
// numbers repeat on every page, so their heights come off every page's body. Pure.
import type { GanttData } from '../../domain/api/gantt';
import { siteShares } from '../../domain/dashboard/town-share';
import type { TrafficLight } from '../../domain/facts/traffic-light';
import { PAPERS, type Paper } from '../../domain/paper';
import type { GanttRow, GroupBy } from './rows';
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
  columns: PrintColumns;
}

export interface PrintColumns {
  seq: number;
  name: number;
  status: number;
  invest: number;
  period: number;
  percent: number;
}

/** Marks that survive a black-and-white printer: the shape alone tells the status. */
export const STATUS_MARKS: Record<TrafficLight, { mark: string; word: string }> = {
  red: { mark: '✖', word: '滞后' },
  yellow: { mark: '▲', word: '预警' },
  green: { mark: '●', word: '正常' },
  done: { mark: '✔', word: '完成' },
  grey: { mark: '○', word: '未填报' },
};

export function statusText(light: TrafficLight): string {
  const s = STATUS_MARKS[light];
  return `${s.mark}${s.word}`;
}

/** printed column headers, one string per line (the money header is two lines so A4 never clips it) */
export function headLines(shareByTown: boolean): Record<keyof PrintColumns, string[]> {
  return {
    seq: ['序号'],
    name: ['名称'],
    status: ['状态'],
    invest: shareByTown ? ['本镇分摊', '（万元）'] : ['投资估算', '（万元）'],
    period: ['建设年限'],
    percent: ['进度'],
  };
}

/** horizontal padding of a grid cell, both sides together */
export const CELL_PAD_PX = 8;

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
    columns: { seq: 40, name: 320, status: 78, invest: 80, period: 104, percent: 48 },
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
    columns: { seq: 34, name: 200, status: 60, invest: 62, period: 84, percent: 38 },
  },
};

/** Widths as the printed font draws them: CJK and full-width forms are 1em; the rest is
 * counted at a generous 0.62em so an estimate never runs past the column. */
export function charWidth(ch: string, fontPx: number): number {
  const c = ch.codePointAt(0) ?? 0;
  // geometric shapes and dingbats (the status marks) are drawn full-width by the CJK fonts
  const wide =
    (c >= 0x2e80 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xff00 && c <= 0xffef) ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0x25a0 && c <= 0x27bf);
  return wide ? fontPx : fontPx * 0.62;
}

export function textWidth(text: string, fontPx: number): number {
  return [...text].reduce((s, ch) => s + charWidth(ch, fontPx), 0);
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
  /** the metrics after growing to fill a sparse page (see GROW_STEPS) */
  metrics: PrintMetrics;
  /** how much the base metrics were grown (1 = not at all) */
  grow: number;
  pageWidthPx: number;
  pageHeightPx: number;
  marginPx: number;
  gridWidth: number;
  chartWidth: number;
  /** height of the column-header band: the time header rows or two header lines, whichever is taller */
  headHeight: number;
  bodyHeight: number;
  scale: Scale;
  rows: PrintRow[];
  pages: PrintPage[];
  totals: PrintTotals;
  /** the 合计 row at the foot of the last page */
  totalRowPx: number;
}

/** Money shown on the print: per row, per group, and the plan's grand total (all in 元). */
export interface PrintTotals {
  /** true when grouped by town: figures are the town's own share, not whole projects */
  shareByTown: boolean;
  /** row key -> the figure its 投资 cell shows (null: unknown) */
  rowYuan: ReadonlyMap<string, number | null>;
  /** group row key -> its total */
  groupYuan: ReadonlyMap<string, number>;
  grandYuan: number;
  projectCount: number;
}

/**
 * The print's money. Grouped by town, a project built in several towns is split over its
 * sites (src/domain/dashboard/town-share.ts), so each town shows its own share and the
 * towns add up to the plan; otherwise each project counts once at its full investment.
 */
export function printTotals(data: GanttData, rows: readonly GanttRow[], groupBy: GroupBy): PrintTotals {
  const shareByTown = groupBy === 'town';
  const byId = new Map(data.projects.map((gp) => [gp.project.id, gp]));
  const rowYuan = new Map<string, number | null>();
  const groupYuan = new Map<string, number>();
  let group: string | null = null;
  let groupLabel = '';
  for (const row of rows) {
    if (row.kind === 'group') {
      group = row.key;
      groupLabel = row.label;
      groupYuan.set(row.key, 0);
      continue;
    }
    const gp = byId.get(row.projectId);
    let yuan: number | null = row.investmentYuan;
    if (shareByTown && gp) {
      const shares = siteShares({ id: gp.project.id, investmentYuan: gp.project.investmentYuan, sites: gp.sites });
      const towns = gp.sites.map((s) => s.town.trim());
      // the sites under this group: its town's, or (the no-town group) those without a town
      const inGroup = towns.includes(groupLabel) ? (t: string) => t === groupLabel : (t: string) => t === '';
      if (row.kind === 'site') {
        const i = gp.sites.findIndex((s) => s.id === row.siteId);
        yuan = shares[i] ?? null;
      } else {
        yuan = gp.sites.length === 0 ? gp.project.investmentYuan : shares.reduce((sum, x, i) => sum + (inGroup(towns[i] ?? '') ? x : 0), 0);
      }
    }
    rowYuan.set(row.key, yuan);
    if (row.kind === 'project' && group !== null) groupYuan.set(group, (groupYuan.get(group) ?? 0) + (yuan ?? 0));
  }
  // collapsed groups have no project rows: fall back to the group's own figure
  for (const row of rows) if (row.kind === 'group' && row.collapsed && !shareByTown) groupYuan.set(row.key, row.investmentYuan);
  const grandYuan = data.projects.reduce((sum, gp) => sum + gp.project.investmentYuan, 0);
  return { shareByTown, rowYuan, groupYuan, grandYuan, projectCount: data.projects.length };
}

/** totals from the rows alone (no data at hand): each project counted once */
function rowTotals(rows: readonly GanttRow[]): PrintTotals {
  const rowYuan = new Map<string, number | null>();
  const groupYuan = new Map<string, number>();
  const projects = new Map<number, number>();
  for (const row of rows) {
    if (row.kind === 'group') groupYuan.set(row.key, row.investmentYuan);
    else {
      rowYuan.set(row.key, row.investmentYuan);
      if (row.kind === 'project') projects.set(row.projectId, row.investmentYuan ?? 0);
    }
  }
  const grandYuan = [...projects.values()].reduce((a, b) => a + b, 0);
  return { shareByTown: false, rowYuan, groupYuan, grandYuan, projectCount: projects.size };
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

/** Growth factors tried, largest first, when the rows leave a page mostly empty. */
export const GROW_STEPS = [1.6, 1.5, 1.4, 1.3, 1.2, 1.1] as const;

export function grownMetrics(base: PrintMetrics, f: number): PrintMetrics {
  const r = (x: number) => Math.round(x * f);
  const c = base.columns;
  return {
    ...base,
    fontPx: r(base.fontPx),
    lineHeightPx: r(base.lineHeightPx),
    rowPaddingPx: r(base.rowPaddingPx),
    minRowPx: r(base.minRowPx),
    // the name column grows less (names may wrap) so the chart keeps its room
    columns: { seq: r(c.seq), name: Math.round(c.name * Math.sqrt(f)), status: r(c.status), invest: r(c.invest), period: r(c.period), percent: r(c.percent) },
  };
}

function layoutWith(paper: Paper, metrics: PrintMetrics, grow: number, rows: readonly GanttRow[], range: DateRange, totals: PrintTotals): PrintLayout {
  const { widthMm, heightMm } = PAPERS[paper];
  const pageWidthPx = mmToPx(widthMm);
  const pageHeightPx = mmToPx(heightMm);
  const marginPx = mmToPx(metrics.marginMm);
  const c = metrics.columns;
  const gridWidth = c.seq + c.name + c.status + c.invest + c.period + c.percent;
  // 2 px spare so rounding in the browser can never push the chart past the sheet
  const chartWidth = Math.floor(pageWidthPx - 2 * marginPx - gridWidth - 2);
  const scale = fitScale(range, chartWidth);
  const headLineCount = Math.max(...Object.values(headLines(totals.shareByTown)).map((l) => l.length));
  const headHeight = Math.max(scale.zoom.headers.length * metrics.headerRowPx, Math.ceil(headLineCount * metrics.fontPx * 1.2) + 6);
  const bodyHeight = Math.floor(pageHeightPx - 2 * marginPx - metrics.titlePx - headHeight - metrics.footerPx - 4);
  const nameWidth = c.name - CELL_PAD_PX;
  const groupWidth = c.seq + c.name - 12;
  const printRows: PrintRow[] = rows.map((row) => {
    const indent = row.kind === 'site' ? metrics.fontPx : 0;
    const lines = wrapText(rowLabel(row), (row.kind === 'group' ? groupWidth : nameWidth) - indent, metrics.fontPx);
    const height = Math.max(metrics.minRowPx, lines.length * metrics.lineHeightPx + 2 * metrics.rowPaddingPx);
    return { row, lines, height };
  });
  const totalRowPx = metrics.minRowPx;
  // a page that starts inside a group repeats its header as "养老（续）"
  const groups = groupOf(rows);
  const lead = rows.map((r, i) => {
    const g = groups[i];
    return r.kind === 'group' || g === null || g === undefined ? 0 : (printRows[g]?.height ?? 0);
  });
  // the 合计 row is paginated as one more row, so the last page always has room for it
  const heights = [...printRows.map((r) => r.height), totalRowPx];
  const keep = [...printRows.map((r) => r.row.kind === 'group'), false];
  const pages = paginate(heights, bodyHeight, keep, [...lead, 0]).map((p) => {
    const last = Math.min(p.last, rows.length);
    const g = groups[p.first];
    const page = { ...p, last };
    return p.first >= rows.length || rows[p.first]?.kind === 'group' || g === null || g === undefined ? page : { ...page, continuedGroup: g };
  });
  return { paper, metrics, grow, pageWidthPx, pageHeightPx, marginPx, gridWidth, chartWidth, headHeight, bodyHeight, scale, rows: printRows, pages, totals, totalRowPx };
}

/**
 * Lays the rows out on pages. When they leave the sheet mostly empty (15 projects on A3),
 * fonts and rows grow by the largest step that still needs no more pages.
 */
export function buildPrintLayout(paper: Paper, rows: readonly GanttRow[], range: DateRange, totals: PrintTotals = rowTotals(rows)): PrintLayout {
  const base = PRINT_METRICS[paper];
  const plain = layoutWith(paper, base, 1, rows, range, totals);
  for (const f of GROW_STEPS) {
    const grown = layoutWith(paper, grownMetrics(base, f), f, rows, range, totals);
    // only when no page is added and the chart keeps at least 40% of the sheet's width
    if (grown.pages.length <= plain.pages.length && grown.chartWidth >= grown.pageWidthPx * 0.4) return grown;
  }
  return plain;
}

/** the page that carries the 合计 row */
export function isLastPage(layout: PrintLayout, page: PrintPage): boolean {
  return page.number === layout.pages.length;
}

export function pageLabel(page: number, total: number): string {
  return `第 ${page} 页 / 共 ${total} 页`;
}
