import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPrintLayout, mmToPx, pageLabel, paginate, wrapText, charWidth } from '../../src/ui/gantt/print-layout';
import { buildRows } from '../../src/ui/gantt/rows';
import { printOptions } from '../../src/ui/gantt/print-range';
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
