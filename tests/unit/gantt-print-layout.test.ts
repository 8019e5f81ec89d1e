import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TRAFFIC_LIGHTS } from '../../src/domain/facts/traffic-light';
import {
  buildPrintLayout,
  CELL_PAD_PX,
  charWidth,
  headLines,
  isLastPage,
  mmToPx,
  pageLabel,
  paginate,
  PRINT_METRICS,
  printTotals,
  STATUS_MARKS,
  statusText,
  textWidth,
  wrapText,
} from '../../src/ui/gantt/print-layout';
import { buildRows } from '../../src/ui/gantt/rows';
import { expandedParam, printOptions } from '../../src/ui/gantt/print-range';
import { syntheticGanttData } from '../../src/ui/gantt/synthetic-data';

describe('print pagination', () => {
  it('converts paper sizes', () => {
    expect(mmToPx(420)).toBeCloseTo(1587.4, 1);
    expect(mmToPx(297)).toBeCloseTo(1122.5, 1);
  });

  it('wraps names in full, never starting a line with closing punctuation', () => {
    const name = '奉节县乡镇（街道）敬老院提档升级改造工程';
    const lines = wrapText(name, 12 * 9, 12);
    expect(lines.join('')).toBe(name);
    expect(lines.length).toBe(3);
    for (const l of lines) expect([...l].reduce((s, c) => s + charWidth(c, 12), 0)).toBeLessThanOrEqual(12 * 9 + 12);
    expect(lines.every((l) => !/^[）)，。]/.test(l))).toBe(true);
    expect(wrapText('', 100, 12)).toEqual(['']);
  });

  it('never splits a row and never exceeds the page body', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 10, max: 90 }), { maxLength: 200 }), fc.integer({ min: 100, max: 600 }), (hs, body) => {
        const pages = paginate(hs, body);
        let next = 0;
        for (const p of pages) {
          expect(p.first).toBe(next);
          const used = hs.slice(p.first, p.last).reduce((a, b) => a + b, 0);
          if (p.last - p.first > 1) expect(used).toBeLessThanOrEqual(body);
          next = p.last;
        }
        expect(next).toBe(hs.length);
        expect(pages.map((p) => p.number)).toEqual(pages.map((_, i) => i + 1));
      }),
    );
  });

  it('keeps a group header with its first row', () => {
    const pages = paginate([40, 40, 20, 40], 100, [false, false, true, false]);
    expect(pages.map((p) => [p.first, p.last])).toEqual([
      [0, 2],
      [2, 4],
    ]);
  });

  it('lays out A3 pages where the range fits the chart width and rows fit the body', () => {
    const data = syntheticGanttData(137);
    const rows = buildRows(data, 'category', new Set());
    const layout = buildPrintLayout('A3', rows, { start: '2021-01-01', end: '2025-12-31' });
    expect(layout.scale.width).toBeCloseTo(layout.chartWidth, 6);
    expect(layout.gridWidth + layout.chartWidth + 2 * layout.marginPx).toBeLessThanOrEqual(layout.pageWidthPx);
    expect(layout.pages.length).toBeGreaterThan(1);
    for (const p of layout.pages) {
      const h = layout.rows.slice(p.first, p.last).reduce((s, r) => s + r.height, 0);
      expect(h).toBeLessThanOrEqual(layout.bodyHeight);
    }
    const long = layout.rows.find((r) => r.row.kind === 'project' && r.row.name.includes('附属设施'));
    expect(long?.lines.length).toBeGreaterThan(1);
    expect(long?.height).toBe((long?.lines.length ?? 0) * layout.metrics.lineHeightPx + 2 * layout.metrics.rowPaddingPx);
    const a4 = buildPrintLayout('A4', rows, { start: '2024-01-01', end: '2024-12-31' });
    expect(a4.bodyHeight).toBeLessThan(layout.bodyHeight);
    expect(a4.pages.length).toBeGreaterThan(1);
    expect(a4.scale.zoom.id).toBe('month');
    expect(pageLabel(2, 5)).toBe('第 2 页 / 共 5 页');
  });
});

describe('print options', () => {
  const plan = { startYear: 2021, endYear: 2025 };
  const opts = (q: string) => printOptions(new URLSearchParams(q), plan);
  it('reads paper and range from the query', () => {
    expect(opts('paper=A3')).toMatchObject({ paper: 'A3', range: { start: '2021-01-01', end: '2025-12-31' }, rangeLabel: '2021—2025年', warning: null });
    expect(opts('paper=A4&range=year:2024')).toMatchObject({ paper: 'A4', range: { start: '2024-01-01', end: '2024-12-31' }, rangeLabel: '2024年' });
    expect(opts('range=custom&from=2024-02-15&to=2024-04-10')).toMatchObject({
      range: { start: '2024-02-15', end: '2024-04-10' },
      rangeLabel: '2024年2月15日—2024年4月10日',
    });
    expect(opts('from=2024-02-29&to=2024-03-01').range).toEqual({ start: '2024-02-29', end: '2024-03-01' });
  });
  it('falls back to the plan with a message on bad input', () => {
    expect(opts('range=custom&from=2023-02-29&to=2024-01-01')).toMatchObject({ range: { start: '2021-01-01' } });
    expect(opts('range=custom&from=2023-02-29&to=2024-01-01').warning).toMatch(/自定义范围/);
    expect(opts('paper=B5').paper).toBe('A3');
    expect(opts('paper=B5').warning).toMatch(/纸张/);
  });
});

describe('group continuation', () => {
  it('repeats the group header on a page that starts inside a group, and keeps room for it', () => {
    const data = syntheticGanttData(137);
    const rows = buildRows(data, 'category', new Set());
    const layout = buildPrintLayout('A4', rows, { start: '2024-01-01', end: '2024-12-31' });
    const continued = layout.pages.filter((p) => p.continuedGroup !== undefined);
    expect(continued.length).toBeGreaterThan(0);
    for (const p of layout.pages) {
      const g = p.continuedGroup;
      const lead = g === undefined ? 0 : (layout.rows[g]?.height ?? 0);
      if (g !== undefined) {
        expect(layout.rows[g]?.row.kind).toBe('group');
        expect(g).toBeLessThan(p.first);
        expect(rows.slice(g + 1, p.first).every((r) => r.kind !== 'group')).toBe(true);
      }
      const h = layout.rows.slice(p.first, p.last).reduce((s, r) => s + r.height, lead);
      expect(h).toBeLessThanOrEqual(layout.bodyHeight);
    }
  });
  it('paginate keeps the lead room', () => {
    // rows of 40 in a body of 100: page 2 starts at row 2 and must keep 20 for the header
    const pages = paginate([40, 40, 40, 40], 100, [], [0, 20, 20, 20]);
    expect(pages.map((p) => [p.first, p.last])).toEqual([
      [0, 2],
      [2, 4],
    ]);
    const tight = paginate([40, 40, 40], 100, [], [0, 30, 30]);
    expect(tight.map((p) => [p.first, p.last])).toEqual([
      [0, 2],
      [2, 3],
    ]);
  });
});

describe('black-and-white print: totals, status column, headers, sparse pages', () => {
  const range = { start: '2021-01-01', end: '2025-12-31' };

  it('puts each group total on its header and the grand total on the last page', () => {
    const data = syntheticGanttData(40, '2026-11-29', 3);
    const grand = data.projects.reduce((s, p) => s + p.project.investmentYuan, 0);
    for (const groupBy of ['category', 'stage', 'town'] as const) {
      const rows = buildRows(data, groupBy, new Set([1, 2]));
      const totals = printTotals(data, rows, groupBy);
      expect(totals.grandYuan).toBe(grand);
      expect(totals.projectCount).toBe(40);
      // the groups add up to the plan, also by town (each town's own share, no double count)
      const groupSum = [...totals.groupYuan.values()].reduce((a, b) => a + b, 0);
      expect(groupSum, groupBy).toBe(grand);
      const layout = buildPrintLayout('A3', rows, range, totals);
      const last = layout.pages.at(-1);
      expect(last && isLastPage(layout, last)).toBe(true);
      // the 合计 row has room on the last page
      const used = layout.rows.slice(last?.first ?? 0, last?.last ?? 0).reduce((s, r) => s + r.height, 0);
      const lead = last?.continuedGroup === undefined ? 0 : (layout.rows[last.continuedGroup]?.height ?? 0);
      expect(used + lead + layout.totalRowPx).toBeLessThanOrEqual(layout.bodyHeight);
    }
    // a multi-town project shows only the town's share under each town
    const rows = buildRows(data, 'town', new Set());
    const totals = printTotals(data, rows, 'town');
    expect(totals.shareByTown).toBe(true);
    const p1 = rows.filter((r) => r.kind === 'project' && r.projectId === 1);
    expect(p1.length).toBeGreaterThan(1);
    expect(p1.reduce((s, r) => s + (totals.rowYuan.get(r.key) ?? 0), 0)).toBe(data.projects[0]?.project.investmentYuan);
  });

  it('gives the status column room for every mark and word, and marks every status distinctly', () => {
    const marks = TRAFFIC_LIGHTS.map((l) => STATUS_MARKS[l].mark);
    expect(new Set(marks).size).toBe(TRAFFIC_LIGHTS.length);
    expect(statusText('red')).toBe('✖滞后');
    expect(statusText('grey')).toBe('○未填报');
    const rows = buildRows(syntheticGanttData(15), 'category', new Set());
    for (const paper of ['A3', 'A4'] as const) {
      const layout = buildPrintLayout(paper, rows, range);
      const widest = Math.max(...TRAFFIC_LIGHTS.map((l) => textWidth(statusText(l), layout.metrics.fontPx)));
      expect(layout.metrics.columns.status - CELL_PAD_PX, paper).toBeGreaterThanOrEqual(widest);
    }
  });

  it('never clips a column header, on A4 either (投资估算 / （万元） on two lines)', () => {
    const rows = buildRows(syntheticGanttData(15), 'category', new Set());
    for (const paper of ['A3', 'A4'] as const) {
      for (const share of [false, true]) {
        const layout = buildPrintLayout(paper, rows, range);
        const heads = headLines(share);
        const fontPx = layout.metrics.fontPx;
        for (const k of Object.keys(heads) as (keyof typeof heads)[]) {
          for (const line of heads[k]) expect(textWidth(line, fontPx), `${paper} ${line}`).toBeLessThanOrEqual(layout.metrics.columns[k] - CELL_PAD_PX);
          // bold header glyphs at line-height 1.15 fit the header band
          expect(heads[k].length * fontPx * 1.15, `${paper} ${k}`).toBeLessThanOrEqual(layout.headHeight);
        }
      }
      // the old one-line header did not fit A4
      const a4 = PRINT_METRICS.A4;
      expect(textWidth('投资估算（万元）', a4.fontPx)).toBeGreaterThan(a4.columns.invest - CELL_PAD_PX);
    }
  });

  it('grows rows and fonts when a page would be mostly empty, never adding a page', () => {
    const rows = buildRows(syntheticGanttData(15), 'category', new Set());
    const a3 = buildPrintLayout('A3', rows, range);
    expect(a3.pages).toHaveLength(1);
    expect(a3.grow).toBeGreaterThan(1);
    expect(a3.metrics.fontPx).toBeGreaterThan(PRINT_METRICS.A3.fontPx);
    const used = a3.rows.reduce((s, r) => s + r.height, 0) + a3.totalRowPx;
    expect(used).toBeLessThanOrEqual(a3.bodyHeight);
    expect(used / a3.bodyHeight).toBeGreaterThan(0.6);
    expect(a3.gridWidth + a3.chartWidth + 2 * a3.marginPx).toBeLessThanOrEqual(a3.pageWidthPx);
    // A4 with the same rows: grown too, still one page
    const a4 = buildPrintLayout('A4', rows, range);
    expect(a4.pages).toHaveLength(1);
  });

  it('reads the expanded projects from the query', () => {
    expect(expandedParam(new URLSearchParams('expanded=1,3,10'))).toEqual([1, 3, 10]);
    expect(expandedParam(new URLSearchParams('expanded=1,x,,-2, 4'))).toEqual([1, 4]);
    expect(expandedParam(new URLSearchParams(''))).toEqual([]);
  });
});
