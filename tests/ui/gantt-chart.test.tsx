// @vitest-environment jsdom
import { Profiler } from 'react';
import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TOWN_SHARE_NOTE } from '../../src/domain/dashboard/town-share';
import GanttChart from '../../src/ui/gantt/GanttChart';
import { syntheticGanttData } from '../../src/ui/gantt/synthetic-data';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  window.sessionStorage.clear();
});

const data10k = syntheticGanttData(10_000);

describe('GanttChart', () => {
  it('renders only the rows in view for 10,000 projects', () => {
    const t0 = performance.now();
    const { container } = render(<GanttChart data={data10k} groupBy="category" zoom="year" initialViewport={{ width: 1400, height: 700 }} />);
    const ms = performance.now() - t0;
    const scroller = container.querySelector('.gantt-scroller');
    expect(scroller?.getAttribute('data-row-count')).toBe(String(10_000 + 6)); // 6 category headers
    const rendered = container.querySelectorAll('.gantt-grid-col .gantt-row');
    expect(rendered.length).toBeGreaterThan(10);
    expect(rendered.length).toBeLessThan(60);
    // the canvas is as tall as every row, so the scrollbar is honest
    const canvas = container.querySelector<HTMLElement>('.gantt-canvas');
    expect(canvas?.style.height).toBe(`${(10_006) * 32 + 26}px`);
    expect(ms).toBeLessThan(3000);
  });

  it('moves the rendered window when scrolled, by wheel/scrollbar or keyboard', () => {
    const { container } = render(<GanttChart data={data10k} groupBy="category" zoom="quarter" initialViewport={{ width: 1400, height: 700 }} />);
    const scroller = container.querySelector<HTMLElement>('.gantt-scroller');
    if (!scroller) throw new Error('no scroller');
    act(() => {
      scroller.scrollTop = 160_000;
      fireEvent.scroll(scroller);
    });
    const indexes = [...container.querySelectorAll('.gantt-grid-col .gantt-row')].map((r) => Number(r.getAttribute('aria-rowindex')));
    expect(Math.min(...indexes)).toBeGreaterThan(4960); // row 5000 is at the top of the view
    expect(Math.max(...indexes)).toBeLessThan(5080);
    expect(indexes.length).toBeLessThan(80); // the view (~21 rows) plus one 16-row chunk above and two below
    act(() => {
      fireEvent.keyDown(scroller, { key: 'Home' });
    });
    expect(scroller.scrollTop).toBe(0);
    expect(container.querySelector('[aria-rowindex="1"]')).not.toBeNull();
    act(() => {
      fireEvent.keyDown(scroller, { key: 'ArrowDown' });
    });
    expect(scroller.scrollTop).toBe(32);
  });

  it('shows Chinese header labels that follow the zoom, and opens a project on click', () => {
    const data = syntheticGanttData(15);
    const open = vi.fn();
    const { container, rerender } = render(<GanttChart data={data} groupBy="category" zoom="quarter" onOpenProject={open} />);
    const labels = (): string[] => [...container.querySelectorAll('.gantt-timehead-cell')].map((c) => c.textContent ?? '');
    expect(labels()).toContain('2023年');
    expect(labels()).toContain('一季度');
    rerender(<GanttChart data={data} groupBy="category" zoom="month" onOpenProject={open} />);
    expect(labels()).toContain('3月');
    expect(labels()).not.toContain('一季度');
    expect(container.querySelectorAll('.gantt-grid-col .gantt-row-project')).toHaveLength(15);
    expect(container.querySelectorAll('.gantt-bar-planned')).toHaveLength(15);
    const row = container.querySelector('.gantt-chart-col .gantt-row-project[data-project-id="7"]');
    if (!row) throw new Error('row 7 missing');
    fireEvent.click(row);
    expect(open).toHaveBeenCalledWith(7);
    // the today line (2026-11-29) is drawn: today is inside the widened range
    expect(container.querySelector('.gantt-today')).not.toBeNull();
    fireEvent.mouseMove(row, { clientX: 10, clientY: 10 });
    expect(container.querySelector('.gantt-tooltip')?.textContent).toContain('投资估算');
  });

  it('expands a project to its sites', () => {
    const data = syntheticGanttData(3, '2026-11-29', 4);
    const { container } = render(<GanttChart data={data} groupBy="category" zoom="year" />);
    expect(container.querySelectorAll('.gantt-grid-col .gantt-row-site')).toHaveLength(0);
    const btn = container.querySelector<HTMLButtonElement>('.gantt-row-project .gantt-toggle');
    if (!btn) throw new Error('no toggle');
    fireEvent.click(btn);
    expect(container.querySelectorAll('.gantt-grid-col .gantt-row-site')).toHaveLength(4);
  });

  it('folds a group to its header and unfolds it again', () => {
    const data = syntheticGanttData(12);
    const { container } = render(<GanttChart data={data} groupBy="category" zoom="year" />);
    const projects = () => container.querySelectorAll('.gantt-grid-col .gantt-row-project').length;
    const before = projects();
    const fold = container.querySelector<HTMLButtonElement>('.gantt-row-group .gantt-toggle');
    if (!fold) throw new Error('no group toggle');
    fireEvent.click(fold);
    expect(fold.getAttribute('aria-expanded')).toBe('false');
    expect(projects()).toBeLessThan(before);
    fireEvent.click(fold);
    expect(projects()).toBe(before);
  });

  it('labels a town header as 本镇分摊 and explains the split on hover (issue 10, item 1)', () => {
    const data = syntheticGanttData(6, '2026-11-29', 2);
    const { container } = render(<GanttChart data={data} groupBy="town" zoom="year" />);
    const share = container.querySelector('.gantt-row-group .gantt-town-share');
    expect(share?.textContent).toContain('本镇分摊');
    expect(share?.getAttribute('title')).toBe(TOWN_SHARE_NOTE);
  });

  it('rows are a roving tab stop: arrows move focus, Enter opens, focus shows the tooltip (issue 10, item 15)', () => {
    const data = syntheticGanttData(15);
    const open = vi.fn();
    const { container } = render(<GanttChart data={data} groupBy="category" zoom="year" onOpenProject={open} />);
    const rows = () => [...container.querySelectorAll<HTMLElement>('.gantt-grid-col .gantt-row')];
    expect(rows().filter((r) => r.tabIndex === 0)).toHaveLength(1);
    expect(rows().every((r) => r.getAttribute('role') === 'row')).toBe(true);
    // every row owns cells, so axe's aria-required-children holds
    expect(rows().every((r) => r.querySelector('[role="gridcell"]') !== null)).toBe(true);
    const first = rows()[0];
    if (!first) throw new Error('no rows');
    act(() => first.focus());
    act(() => {
      fireEvent.keyDown(first, { key: 'ArrowDown' });
    });
    const second = document.activeElement;
    expect(second).toBe(rows()[1]);
    expect(rows()[1]?.tabIndex).toBe(0);
    expect(rows()[0]?.tabIndex).toBe(-1);
    expect(second?.classList.contains('gantt-row-project')).toBe(true);
    expect(container.querySelector('.gantt-tooltip')?.textContent).toContain('投资估算');
    if (!(second instanceof HTMLElement)) throw new Error('no focus');
    act(() => {
      fireEvent.keyDown(second, { key: 'Enter' });
    });
    expect(open).toHaveBeenCalledWith(Number(second.getAttribute('data-project-id')));
  });

  it('after a long scroll the rows keep a tab stop, and Tab from the chart enters them at the first row in view', () => {
    const { container } = render(<GanttChart data={data10k} groupBy="category" zoom="year" initialViewport={{ width: 1400, height: 700 }} />);
    const scroller = container.querySelector<HTMLElement>('.gantt-scroller');
    if (!scroller) throw new Error('no scroller');
    const stops = () => [...container.querySelectorAll<HTMLElement>('.gantt-grid-col .gantt-row')].filter((r) => r.tabIndex === 0);
    expect(stops().map((r) => r.dataset.rowIndex)).toEqual(['0']);
    act(() => {
      scroller.scrollTop = 5000 * 32;
      fireEvent.scroll(scroller);
    });
    // row 0 is no longer drawn: without a stop among the rows drawn, Tab would step over the grid
    expect(container.querySelector('[data-row-index="0"]')).toBeNull();
    expect(stops()).toHaveLength(1);
    act(() => scroller.focus());
    act(() => {
      fireEvent.keyDown(scroller, { key: 'Tab' });
    });
    expect(document.activeElement).toBe(container.querySelector('.gantt-grid-col [data-row-index="5000"]'));
    expect(stops().map((r) => r.dataset.rowIndex)).toEqual(['5000']);
    // back to the chart and Tab again: the row last focused, still in view
    act(() => {
      fireEvent.keyDown(document.activeElement ?? scroller, { key: 'ArrowDown' });
    });
    act(() => scroller.focus());
    act(() => {
      fireEvent.keyDown(scroller, { key: 'Tab' });
    });
    expect(document.activeElement).toBe(container.querySelector('.gantt-grid-col [data-row-index="5001"]'));
  });

  it('keeps expanded rows and scroll for the session (issue 10, item 6)', () => {
    const data = syntheticGanttData(3, '2026-11-29', 4);
    const first = render(<GanttChart data={data} groupBy="category" zoom="year" viewKey="gantt.view:test" />);
    const btn = first.container.querySelector<HTMLButtonElement>('.gantt-row-project .gantt-toggle');
    if (!btn) throw new Error('no toggle');
    fireEvent.click(btn);
    const scroller = first.container.querySelector<HTMLElement>('.gantt-scroller');
    if (!scroller) throw new Error('no scroller');
    act(() => {
      scroller.scrollTop = 64;
      fireEvent.scroll(scroller);
    });
    first.unmount();
    const again = render(<GanttChart data={data} groupBy="category" zoom="year" viewKey="gantt.view:test" />);
    expect(again.container.querySelectorAll('.gantt-grid-col .gantt-row-site')).toHaveLength(4);
    expect(again.container.querySelector<HTMLElement>('.gantt-scroller')?.scrollTop).toBe(64);
  });

  it('resizes columns by keyboard, collapses them, remembers both, and scrolls to today (issue 10, item 12)', () => {
    const data = syntheticGanttData(15);
    const first = render(<GanttChart data={data} groupBy="category" zoom="month" />);
    const nameHandle = first.getByRole('separator', { name: /名称/ });
    const before = Number(nameHandle.getAttribute('aria-valuenow'));
    fireEvent.keyDown(nameHandle, { key: 'ArrowRight' });
    expect(Number(nameHandle.getAttribute('aria-valuenow'))).toBe(before + 16);
    const cell = first.container.querySelector<HTMLElement>('.gantt-row-project .gantt-col-name');
    expect(cell?.style.width).toBe(`${before + 16}px`);
    fireEvent.click(first.getByRole('button', { name: '收起表格列' }));
    expect(first.container.querySelector('.gantt-row-project .gantt-col-invest')).toBeNull();
    const scroller = first.container.querySelector<HTMLElement>('.gantt-scroller');
    if (!scroller) throw new Error('no scroller');
    expect(scroller.scrollLeft).toBe(0);
    fireEvent.click(first.getByRole('button', { name: '今天' }));
    // the plan starts 2021: today (2026-11-29) at month zoom is far to the right
    expect(scroller.scrollLeft).toBeGreaterThan(2000);
    first.unmount();
    const again = render(<GanttChart data={data} groupBy="category" zoom="month" />);
    expect(again.container.querySelector('.gantt-row-project .gantt-col-invest')).toBeNull();
    expect(again.getByRole('separator', { name: /名称/ }).getAttribute('aria-valuenow')).toBe(String(before + 16));
  });

  it('scrolling inside the drawn blocks renders nothing; blocks ahead are added in idle time (issue 9)', async () => {
    const commits: string[] = [];
    const { container } = render(
      <Profiler id="gantt" onRender={(_id, phase) => commits.push(phase)}>
        <GanttChart data={data10k} groupBy="category" zoom="quarter" initialViewport={{ width: 1400, height: 700 }} />
      </Profiler>,
    );
    const scroller = container.querySelector<HTMLElement>('.gantt-scroller');
    if (!scroller) throw new Error('no scroller');
    const idle = () => act(async () => new Promise<void>((resolve) => setTimeout(resolve, 300)));
    const blocks = () => [...container.querySelectorAll('.gantt-block')];
    const mounted = blocks().length;
    // first render: the view's blocks and no more (648 px of rows = 3 blocks of 8)
    expect(container.querySelectorAll('.gantt-grid-col .gantt-row')).toHaveLength(3 * 8);
    await idle();
    // idle time added the blocks ahead (the jsdom fallback is a timeout)
    expect(blocks().length).toBeGreaterThan(mounted);
    const settled = commits.length;
    const nodes = blocks();
    const rows = [...container.querySelectorAll('.gantt-grid-col .gantt-row')];

    // 50 px and then 100 px down: the same blocks in view, inside the drawn ones
    for (const top of [50, 100]) {
      act(() => {
        scroller.scrollTop = top;
        fireEvent.scroll(scroller);
      });
      await idle();
    }
    expect(commits.length).toBe(settled);
    expect(blocks()).toEqual(nodes);
    const again = [...container.querySelectorAll('.gantt-grid-col .gantt-row')];
    expect(again).toHaveLength(rows.length);
    expect(again.every((r, i) => r === rows[i])).toBe(true);

    // three blocks further: React renders again, and the blocks already drawn are kept as they were
    act(() => {
      scroller.scrollTop = 900;
      fireEvent.scroll(scroller);
    });
    await idle();
    expect(commits.length).toBeGreaterThan(settled);
    const kept = nodes.filter((n) => blocks().includes(n));
    expect(kept.length).toBeGreaterThan(0);
    // the grid keeps its row count for screen readers, rows carry their place in it
    expect(scroller.getAttribute('aria-rowcount')).toBe(String(10_006 + 1));
    const first = container.querySelector('.gantt-grid-col .gantt-row');
    expect(first?.getAttribute('aria-rowindex')).toBe(String(Number(first?.getAttribute('data-row-index')) + 2));
  });
});
