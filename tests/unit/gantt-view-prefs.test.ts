import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../src/ui/router';
import { clampWidth, defaultPrefs, gridWidthOf, parsePrefs, setColumnWidth, shownColumns } from '../../src/ui/gantt/grid-columns';
import { placeTooltip } from '../../src/ui/gantt/tooltip-place';
import { ganttHash, parseViewState } from '../../src/ui/gantt/view-state';

describe('Gantt view in the URL (issue 10, item 6)', () => {
  it('parses ?group=&zoom= and ignores unknown values', () => {
    expect(parseRoute('#/gantt?plan=2&group=town&zoom=month')).toEqual({ page: 'gantt', planId: 2, group: 'town', zoom: 'month' });
    expect(parseRoute('#/gantt?group=x&zoom=y')).toEqual({ page: 'gantt' });
    expect(ganttHash(2, 'town', 'month')).toBe('#/gantt?plan=2&group=town&zoom=month');
  });

  it('reads a stored view defensively', () => {
    expect(parseViewState('{"expanded":[3,"x"],"collapsed":["g:town:a"],"scrollTop":120,"scrollLeft":-4}')).toEqual({
      expanded: [3],
      collapsed: ['g:town:a'],
      scrollTop: 120,
      scrollLeft: 0,
    });
    expect(parseViewState('not json').expanded).toEqual([]);
  });
});

describe('grid columns (issue 10, item 12)', () => {
  it('resizes within bounds and collapses to 序号 + 名称', () => {
    const p = setColumnWidth(defaultPrefs(), 'name', 9999);
    expect(p.widths.name).toBe(clampWidth('name', 9999));
    expect(setColumnWidth(p, 'seq', 1).widths.seq).toBe(32);
    const collapsed = shownColumns({ ...p, collapsed: true });
    expect(collapsed.map((c) => c.key)).toEqual(['seq', 'name']);
    // the default grid is narrower than before (580 px, 42% of a 1366 screen)
    expect(gridWidthOf(shownColumns(defaultPrefs()))).toBeLessThan(580);
  });

  it('restores stored widths, clamped, and survives junk', () => {
    const p = parsePrefs('{"widths":{"name":400,"seq":5},"collapsed":true}');
    expect(p.widths.name).toBe(400);
    expect(p.widths.seq).toBe(32);
    expect(p.collapsed).toBe(true);
    expect(parsePrefs('{oops')).toEqual(defaultPrefs());
  });
});

describe('tooltip placement (issue 10, item 12)', () => {
  const win = { width: 1366, height: 768 };
  const tip = { width: 300, height: 220 };
  it('sits beside the pointer when there is room', () => {
    expect(placeTooltip({ x: 100, y: 100 }, tip, win)).toEqual({ left: 114, top: 114 });
  });
  it('flips left at the right edge and up at the bottom, keeping its width', () => {
    const { left, top } = placeTooltip({ x: 1300, y: 700 }, tip, win);
    expect(left).toBe(1300 - 14 - 300);
    expect(top).toBe(700 - 14 - 220);
    expect(left + tip.width).toBeLessThanOrEqual(win.width);
    expect(top + tip.height).toBeLessThanOrEqual(win.height);
  });
  it('is pinned inside a small window', () => {
    const { left, top } = placeTooltip({ x: 50, y: 50 }, { width: 500, height: 500 }, { width: 400, height: 300 });
    expect(left).toBe(8);
    expect(top).toBe(8);
  });
});
