// @vitest-environment jsdom
// The chart's SVG markup (bar-svg.ts, block-markup.ts) parsed back by a real DOM parser:
// the classes the page and its tests look for, the geometry from layout.ts, escaping.
import { describe, expect, it } from 'vitest';
import { xmlEscape } from '../../src/domain/xml-escape';
import { barsMarkup, plannedEdges } from '../../src/ui/gantt/bar-svg';
import { blockMarkup, gridLineXs, gridPath } from '../../src/ui/gantt/block-markup';
import { layoutBars } from '../../src/ui/gantt/layout';
import { buildRows, type ItemRow } from '../../src/ui/gantt/rows';
import { createScale, headerRows } from '../../src/ui/gantt/scale';
import { syntheticGanttData } from '../../src/ui/gantt/synthetic-data';
import { mayOverflow, textWidthBound } from '../../src/ui/gantt/text-fit';
import { zoomLevel } from '../../src/ui/gantt/zoom-levels';

const TODAY = '2026-11-29';
const IDS = { hatch: 'h1', fade: 'f1' };
const scale = createScale({ start: '2021-01-01', end: '2026-12-31' }, zoomLevel('month'));

function svg(markup: string): SVGSVGElement {
  const el = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  el.innerHTML = markup;
  return el;
}

describe('bar markup', () => {
  it('draws one planned bar with its light, the fill, the overdue tail and the actual bar', () => {
    const row = {
      window: { startYear: 2022, endYear: 2023, startDate: '2022-03-01', endDate: null },
      percent: 40,
      actualStart: '2022-04-15',
      actualEnd: null,
      milestones: [{ id: 1, projectId: 1, siteId: null, kind: '开工' as const, plannedDate: null, actualDate: '2022-04-15' }],
    };
    const bars = layoutBars(row, scale, TODAY);
    const el = svg(barsMarkup(bars, 'red', 64, 32, IDS));
    const planned = el.querySelectorAll('.gantt-bar-planned');
    expect(planned).toHaveLength(1);
    expect(planned[0]?.getAttribute('class')).toBe('gantt-bar-planned light-red year-end');
    const bg = el.querySelector('.gb-bg');
    expect(Number(bg?.getAttribute('x'))).toBeCloseTo(bars.planned?.x ?? NaN, 1);
    expect(Number(bg?.getAttribute('width'))).toBeCloseTo(bars.planned?.width ?? NaN, 1);
    expect(Number(bg?.getAttribute('y'))).toBeCloseTo(64 + 32 * 0.22, 1);
    expect(Number(el.querySelector('.gantt-bar-fill')?.getAttribute('width'))).toBeCloseTo(bars.progressWidth, 1);
    // a refined start draws solid, the years-only end dashed
    expect(el.querySelector('.gb-edge:not(.gb-dash)')).not.toBeNull();
    expect(el.querySelector('.gb-dash')?.getAttribute('d')).toMatch(/^M[\d.]+ [\d.]+V[\d.]+$/);
    expect(el.querySelector('.gantt-bar-overdue')?.getAttribute('fill')).toBe('url(#h1)');
    const actual = el.querySelector('.gantt-bar-actual');
    expect(actual?.getAttribute('class')).toBe('gantt-bar-actual running');
    expect(actual?.getAttribute('fill')).toBe('url(#f1)');
    const m = el.querySelector('.gantt-milestone.done');
    expect(m?.getAttribute('title')).toBe('开工 2022-04-15（实际）');
    expect(m?.querySelector('title')?.textContent).toBe('开工 2022-04-15（实际）');
  });

  it('leaves out the outline on a side cut by the range, and dashes all round for years only', () => {
    const cut = plannedEdges({ x: 0, width: 100, clippedLeft: true, clippedRight: false, startYearOnly: false, endYearOnly: false }, 0, 10);
    expect(cut.solid).not.toContain('M0 0.75V');
    expect(cut.dashed).toBe('');
    const years = plannedEdges({ x: 10, width: 100, clippedLeft: false, clippedRight: false, startYearOnly: true, endYearOnly: true }, 0, 10);
    expect(years.solid).toBe('');
    expect(years.dashed.match(/M/g)).toHaveLength(4);
  });

  it('escapes text that goes into the markup', () => {
    expect(xmlEscape('a<b>&"c\'')).toBe('a&lt;b&gt;&amp;&quot;c\'');
  });
});

describe('block markup', () => {
  it('draws a block: one path for every grid line, one <g> per row with its index and project', () => {
    const rows = buildRows(syntheticGanttData(20, TODAY), 'category', new Set()).slice(8, 16);
    const lineXs = gridLineXs((headerRows(scale).at(-1) ?? []).map((c) => c.x));
    const el = svg(blockMarkup({ rows, firstIndex: 8, rowHeight: 32, scale, today: TODAY, lineXs, ids: IDS }));
    expect(el.querySelectorAll('path.gantt-lines')).toHaveLength(1);
    const g = [...el.querySelectorAll('g.gantt-row')];
    expect(g.map((x) => Number(x.getAttribute('data-row-index')))).toEqual([8, 9, 10, 11, 12, 13, 14, 15]);
    const items = rows.filter((r): r is ItemRow => r.kind !== 'group');
    expect(el.querySelectorAll('.gantt-row-project .gantt-bar-planned')).toHaveLength(items.length);
    expect(el.querySelectorAll('.gantt-row-project')[0]?.getAttribute('data-project-id')).toBe(String(items[0]?.projectId));
    // each row's bars sit inside its own 32 px band
    const bg = [...el.querySelectorAll('.gb-bg')].map((r) => Number(r.getAttribute('y')));
    const itemIdx = rows.flatMap((r, i) => (r.kind === 'group' ? [] : [i]));
    expect(bg).toEqual(itemIdx.map((i) => Math.round((i * 32 + 32 * 0.22) * 100) / 100));
  });

  it('grid path: a vertical line per month, a bottom line per row', () => {
    const d = gridPath([10.5, 40.5], 3, 32, 500);
    expect(d).toBe('M10.5 0V96M40.5 0V96M0 31.5H500M0 63.5H500M0 95.5H500');
  });
});

describe('text fit', () => {
  it('counts CJK a full em and narrow ASCII less, as an upper bound', () => {
    expect(textWidthBound('养老院', 13)).toBe(39);
    expect(textWidthBound('2021—2023年', 12)).toBeCloseTo((8 * 0.62 + 2) * 12, 6); // 8 digits, the dash and 年
    expect(textWidthBound('MW', 10)).toBe(20);
  });

  it('clips only text that may not fit', () => {
    expect(mayOverflow('奉节县第12号民政设施建设项目', 200, 13)).toBe(false); // 13 CJK + 2 digits ≈ 185 px
    expect(mayOverflow('奉节县第14号民政设施建设项目（含配套道路）', 200, 13)).toBe(true);
    expect(mayOverflow('奉节县第1号项目', 200, 13)).toBe(false);
    expect(mayOverflow('1,234.56', 108, 13)).toBe(false);
    expect(mayOverflow('1,234,567.89', 40, 13)).toBe(true);
  });
});
