// The screen Gantt. Rows are drawn in blocks of 8 (GanttBlocks.tsx): the grid and the
// chart share one window of mounted blocks (use-block-window.ts), so 10,000 rows scroll
// like 15, and a scroll inside the mounted blocks costs React nothing. Geometry comes
// from the pure layers; the DOM is only asked for the scroller's scrollTop / client
// size, never for a bar's position.
//
// One scroller holds a sticky time header and two columns: the grid (one sticky-left
// column) and the chart. One sticky layer rather than a sticky cell per row keeps
// Chromium's compositor work flat while scrolling.
//
// Keyboard: rows are a roving tab stop (↑/↓/PageUp/PageDown/Home/End move, Enter opens
// the project or folds a group, →/← expand/collapse); the focused row shows its tooltip.
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import type { GanttData } from '../../domain/api/gantt';
import { toggled } from '../toggled';
import type { PaintIds } from './bar-svg';
import { gridLineXs } from './block-markup';
import { blockOfRow, firstRowInView, rangeBlocks, rowInView, tabStopRow } from './block-window';
import { ChartBlock, GridBlock, HoverBand, PaintDefs, TipLayer } from './GanttBlocks';
import { GridHead } from './GanttGrid';
import { gridWidthOf, loadPrefs, savePrefs, setColumnWidth, shownColumns, type ColumnKey, type GridPrefs } from './grid-columns';
import { GanttHeader } from './GanttHeader';
import { buildRowList, dataRange, type GanttRow, type GroupBy, type RowList } from './rows';
import { createScale, fitScale, headerRows, todayX, type Scale } from './scale';
import { createTipStore } from './tip-store';
import { maxDate } from './time-units';
import { useBlockWindow } from './use-block-window';
import { loadViewState, saveJson, type GanttViewState, type ZoomChoice } from './view-state';
import { zoomLevel } from './zoom-levels';
import './gantt.css';

export type { ZoomChoice } from './view-state';

export interface GanttChartProps {
  data: GanttData;
  groupBy: GroupBy;
  zoom: ZoomChoice;
  rowHeight?: number;
  /** default: location.hash = '#/project/' + id */
  onOpenProject?: (projectId: number) => void;
  /** size assumed until the scroller has been measured (jsdom never measures) */
  initialViewport?: { width: number; height: number };
  /** sessionStorage key: expanded rows, folded groups and scroll are kept under it */
  viewKey?: string;
}

const HEADER_ROW_PX = 26;

function openProject(id: number): void {
  window.location.hash = `#/project/${id}`;
}

function storage(kind: 'local' | 'session'): Storage | undefined {
  try {
    return kind === 'local' ? window.localStorage : window.sessionStorage;
  } catch {
    return undefined;
  }
}

/** The whole plan, any bar beyond it, and today, so overdue work is visible. */
function chartScale(data: GanttData, zoom: ZoomChoice, chartWidth: number): Scale {
  const r = dataRange(data);
  const range = { start: r.start, end: maxDate(r.end, data.today) };
  return zoom === 'fit' ? fitScale(range, Math.max(240, chartWidth), 'month') : createScale(range, zoomLevel(zoom));
}

/**
 * The row an event happened on: the element's data-row-index (grid rows, SVG bar rows),
 * else, on the chart's empty background, the row under the pointer's y.
 */
function rowIndexOf(e: MouseEvent, rowHeight: number, rowCount: number): number | null {
  const t = e.target;
  const v = t instanceof Element ? t.closest('[data-row-index]')?.getAttribute('data-row-index') : null;
  if (v !== null && v !== undefined) return Number(v);
  const i = Math.floor((e.clientY - e.currentTarget.getBoundingClientRect().top) / rowHeight);
  return i >= 0 && i < rowCount ? i : null;
}

function itemAt(rows: RowList, index: number | null): Exclude<GanttRow, { kind: 'group' }> | null {
  const row = index === null ? undefined : rows.at(index);
  return row && row.kind !== 'group' ? row : null;
}

export default function GanttChart({
  data,
  groupBy,
  zoom,
  rowHeight = 32,
  onOpenProject = openProject,
  initialViewport = { width: 1200, height: 600 },
  viewKey,
}: GanttChartProps) {
  const scroller = useRef<HTMLDivElement>(null);
  // what the session remembers, read once when the chart opens
  const [saved] = useState<GanttViewState | null>(() => (viewKey ? loadViewState(storage('session'), viewKey) : null));
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set(saved?.expanded ?? []));
  const [viewport, setViewport] = useState(initialViewport);
  // the pointer's row lives outside the chart's state: hovering re-renders only the tooltip
  const [tips] = useState(createTipStore);
  const [prefs, setPrefs] = useState<GridPrefs>(() => loadPrefs(storage('local')));
  // grouped by town, a project row's figure is the whole project's, while its town header shows the town's share
  const columns = useMemo(
    () => shownColumns(prefs).map((c) => (c.key === 'invest' && groupBy === 'town' ? { ...c, title: '项目总投资（万元）' } : c)),
    [prefs, groupBy],
  );
  const gridWidth = gridWidthOf(columns);
  const [focusIndex, setFocusIndex] = useState(0);
  const pendingFocus = useRef<number | null>(null);

  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set(saved?.collapsed ?? []));
  // built on demand: only the rows drawn are made into row objects
  const rows = useMemo(() => buildRowList(data, groupBy, expanded, collapsed), [data, groupBy, expanded, collapsed]);
  // only fit-all depends on the width; other zooms keep their scale (and every memoised
  // block) when the window is resized
  const fitWidth = zoom === 'fit' ? viewport.width - gridWidth - 2 : 0;
  const scale = useMemo(() => chartScale(data, zoom, fitWidth), [data, zoom, fitWidth]);
  // the time header and the grid lines: once per zoom (and range), not per row or scroll
  const header = useMemo(() => headerRows(scale), [scale]);
  const lineXs = useMemo(() => gridLineXs((header.at(-1) ?? []).map((c) => c.x)), [header]);
  const today = todayX(scale, data.today);
  const headHeight = header.length * HEADER_ROW_PX;
  const bodyHeight = Math.max(0, viewport.height - headHeight);
  const totalHeight = rows.length * rowHeight;
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const ids = useMemo<PaintIds>(() => ({ hatch: `gantt-hatch-${uid}`, fade: `gantt-fade-${uid}` }), [uid]);

  // the latest view, written to sessionStorage as it changes and when the chart closes
  const view = useRef<GanttViewState>(saved ?? { expanded: [], collapsed: [], scrollTop: 0, scrollLeft: 0 });
  const onScrolled = useCallback((el: HTMLElement) => {
    view.current = { ...view.current, scrollTop: el.scrollTop, scrollLeft: el.scrollLeft };
  }, []);
  const win = useBlockWindow({ scroller, rowCount: rows.length, rowHeight, viewHeight: bodyHeight, onScroll: onScrolled });

  useEffect(() => {
    view.current = { ...view.current, expanded: [...expanded], collapsed: [...collapsed] };
    if (viewKey) saveJson(storage('session'), viewKey, view.current);
  }, [expanded, collapsed, viewKey]);
  useEffect(() => {
    if (!viewKey) return;
    return () => saveJson(storage('session'), viewKey, view.current);
  }, [viewKey]);
  useEffect(() => savePrefs(storage('local'), prefs), [prefs]);

  // measure the scroller (size only) before the first paint, and follow resizes
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = (): void => {
      if (el.clientWidth > 0 && el.clientHeight > 0) {
        setViewport((v) => (v.width === el.clientWidth && v.height === el.clientHeight ? v : { width: el.clientWidth, height: el.clientHeight }));
      }
    };
    measure();
    if (saved && (saved.scrollTop > 0 || saved.scrollLeft > 0)) {
      el.scrollTop = saved.scrollTop;
      el.scrollLeft = saved.scrollLeft;
      win.sync(false);
    }
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
    // once, on mount: later scrolls belong to the user
  }, []);

  // a row moved to by keyboard is focused once it has been rendered
  useEffect(() => {
    const i = pendingFocus.current;
    if (i === null) return;
    const el = scroller.current?.querySelector<HTMLElement>(`.gantt-grid-col [data-row-index="${i}"]`);
    if (el) {
      pendingFocus.current = null;
      el.focus({ preventScroll: true });
    }
  });

  const toggleGroup = useCallback((key: string) => setCollapsed((prev) => toggled(prev, key)), []);
  const toggle = useCallback((id: number) => setExpanded((prev) => toggled(prev, id)), []);
  const resize = useCallback((key: ColumnKey, width: number) => setPrefs((p) => setColumnWidth(p, key, width)), []);

  /** the height the rows have in the scroller, below its sticky time header */
  const rowsRoom = (el: HTMLElement): number => Math.max(rowHeight, (el.clientHeight || viewport.height) - headHeight);

  const focusRow = (target: number): void => {
    const el = scroller.current;
    if (!el || rows.length === 0) return;
    const i = Math.max(0, Math.min(rows.length - 1, target));
    const room = rowsRoom(el);
    const top = i * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + room) el.scrollTop = top + rowHeight - room;
    win.sync(true);
    // mounted already (sync renders at once): focus it now, as a render may not follow (the same
    // row again); else once it has been rendered
    const row = el.querySelector<HTMLElement>(`.gantt-grid-col [data-row-index="${i}"]`);
    if (row) row.focus({ preventScroll: true });
    else pendingFocus.current = i;
    setFocusIndex(i);
  };

  const rowKeys = (e: KeyboardEvent<HTMLDivElement>, i: number): boolean => {
    const row = rows.at(i);
    if (!row) return false;
    const page = Math.max(1, Math.floor((viewport.height - headHeight) / rowHeight) - 1);
    const moves: Record<string, () => void> = {
      ArrowDown: () => focusRow(i + 1),
      ArrowUp: () => focusRow(i - 1),
      PageDown: () => focusRow(i + page),
      PageUp: () => focusRow(i - page),
      Home: () => focusRow(0),
      End: () => focusRow(rows.length - 1),
      Enter: () => (row.kind === 'group' ? toggleGroup(row.key) : onOpenProject(row.projectId)),
      ArrowRight: () => {
        if (row.kind === 'group' && row.collapsed) toggleGroup(row.key);
        else if (row.kind === 'project' && row.siteCount > 0 && !row.expanded) toggle(row.projectId);
      },
      ArrowLeft: () => {
        if (row.kind === 'group' && !row.collapsed) toggleGroup(row.key);
        else if (row.kind === 'project' && row.expanded) toggle(row.projectId);
      },
    };
    const move = moves[e.key];
    if (!move) return false;
    move();
    return true;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const el = e.currentTarget;
    // a focused row: move between rows; anything else (the scroller itself): scroll
    const target = e.target instanceof HTMLElement ? e.target.dataset.rowIndex : undefined;
    if (target !== undefined) {
      if (rowKeys(e, Number(target))) e.preventDefault();
      return;
    }
    if (e.target !== el) return;
    if (e.key === 'Tab' && !e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey && rows.length > 0) {
      // Tab from the chart itself enters the rows at the row last focused if it is in view, else
      // at the first row in view: never at a row scrolled far away (or not mounted at all)
      e.preventDefault();
      const last = Math.min(focusIndex, rows.length - 1);
      focusRow(rowInView(last, el.scrollTop, rowsRoom(el), rowHeight) ? last : firstRowInView(el.scrollTop, rowHeight, rows.length));
      return;
    }
    const page = Math.max(rowHeight, el.clientHeight - headHeight - rowHeight);
    const step = scale.zoom.unitWidth;
    const moves: Record<string, () => void> = {
      ArrowDown: () => (el.scrollTop += rowHeight),
      ArrowUp: () => (el.scrollTop -= rowHeight),
      PageDown: () => (el.scrollTop += page),
      PageUp: () => (el.scrollTop -= page),
      Home: () => (el.scrollTop = 0),
      End: () => (el.scrollTop = el.scrollHeight),
      ArrowRight: () => (el.scrollLeft += step),
      ArrowLeft: () => (el.scrollLeft -= step),
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      move();
      win.sync(true);
    }
  };

  const scrollToToday = (): void => {
    const el = scroller.current;
    if (!el || today === null) return;
    const chartView = Math.max(0, (el.clientWidth || viewport.width) - gridWidth);
    el.scrollLeft = Math.max(0, Math.round(today - chartView / 2));
  };

  // pointer and focus, delegated: one handler per column instead of one per row
  const onRowClick = (e: MouseEvent): void => {
    const row = itemAt(rows, rowIndexOf(e, rowHeight, rows.length));
    if (row) onOpenProject(row.projectId);
  };
  const onRowMove = (e: MouseEvent): void => {
    const index = rowIndexOf(e, rowHeight, rows.length);
    const row = itemAt(rows, index);
    tips.set(row && index !== null ? { row, index, x: e.clientX, y: e.clientY } : null);
  };
  const onRowLeave = (): void => tips.set(null);
  const onRowFocus = (e: FocusEvent<HTMLDivElement>): void => {
    const t = e.target;
    if (!(t instanceof HTMLElement) || t.getAttribute('role') !== 'row') return;
    const index = Number(t.dataset.rowIndex);
    setFocusIndex(index);
    // keyboard users get the same key figures as the pointer: anchored below the row's name
    const row = itemAt(rows, index);
    const r = t.getBoundingClientRect();
    tips.set(row ? { row, index, x: r.left + 40, y: r.bottom - 10 } : null);
  };

  // the scroll position as last seen (no layout read in render): a long scroll may have unmounted the row last focused
  const focusAt = tabStopRow(focusIndex, win.range, view.current.scrollTop, rowHeight, rows.length);
  const focusBlock = blockOfRow(focusAt);
  const blocks = rangeBlocks(win.range);
  return (
    <div className="gantt">
      <div className="gantt-tools">
        <button type="button" className="gantt-seg" onClick={scrollToToday} disabled={today === null} title={`滚动到今天（${data.today}）`}>
          今天
        </button>
        <button type="button" className="gantt-seg" aria-pressed={prefs.collapsed} onClick={() => setPrefs((p) => ({ ...p, collapsed: !p.collapsed }))}>
          {prefs.collapsed ? '展开表格列' : '收起表格列'}
        </button>
      </div>
      <div
        ref={scroller}
        className="gantt-scroller"
        tabIndex={0}
        role="grid"
        aria-label="甘特图（Tab 进入行，↑/↓ 选行，Enter 打开项目，→/← 展开收起）"
        // the header row counts: it is row 1, the first data row is row 2
        aria-rowcount={rows.length + 1}
        data-row-count={rows.length}
        onKeyDown={onKeyDown}
      >
        <div className="gantt-canvas" style={{ width: gridWidth + scale.width, height: headHeight + totalHeight }}>
          <div className="gantt-head" role="rowgroup" style={{ height: headHeight }}>
            <GridHead height={headHeight} columns={columns} onResize={resize} />
            <GanttHeader rows={header} width={scale.width} rowPx={HEADER_ROW_PX} todayX={today} stickyLeft={gridWidth} />
          </div>
          <div className="gantt-body" style={{ height: totalHeight }}>
            <div
              className="gantt-grid-col"
              role="rowgroup"
              style={{ width: gridWidth, height: totalHeight }}
              onClick={onRowClick}
              onMouseMove={onRowMove}
              onMouseLeave={onRowLeave}
              onFocus={onRowFocus}
              onBlur={onRowLeave}
            >
              <HoverBand store={tips} rowHeight={rowHeight} />
              {blocks.map((b) => (
                <GridBlock
                  key={b}
                  rows={rows}
                  block={b}
                  rowHeight={rowHeight}
                  columns={columns}
                  focusIndex={b === focusBlock ? focusAt : -1}
                  onToggle={toggle}
                  onToggleGroup={toggleGroup}
                />
              ))}
            </div>
            <div
              className="gantt-chart-col"
              aria-hidden="true"
              style={{ width: scale.width, height: totalHeight }}
              onClick={onRowClick}
              onMouseMove={onRowMove}
              onMouseLeave={onRowLeave}
            >
              <PaintDefs ids={ids} />
              <HoverBand store={tips} rowHeight={rowHeight} />
              {blocks.map((b) => (
                <ChartBlock key={b} rows={rows} block={b} rowHeight={rowHeight} scale={scale} today={data.today} lineXs={lineXs} ids={ids} />
              ))}
              {today !== null && <div className="gantt-today" style={{ left: today }} />}
            </div>
          </div>
        </div>
      </div>
      <TipLayer store={tips} />
    </div>
  );
}

