// The screen Gantt. Only the rows in view are rendered (layout.visibleWindow), so
// 10,000 rows scroll like 15. Geometry comes from the pure layers; the DOM is only
// asked for the scroller's scrollTop / client size, never for a bar's position.
//
// One scroller holds a sticky time header and two columns: the grid (one sticky-left
// column holding every visible row's cells) and the chart. One sticky layer rather than
// a sticky cell per row keeps Chromium's compositor work flat while scrolling.
//
// Keyboard: rows are a roving tab stop (↑/↓/PageUp/PageDown/Home/End move, Enter opens
// the project or folds a group, →/← expand/collapse); the focused row shows its tooltip.
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { GanttData } from '../../domain/api/gantt';
import { toggled } from '../toggled';
import { GanttBars } from './GanttBars';
import { GridCells, GridHead } from './GanttGrid';
import { gridWidthOf, loadPrefs, savePrefs, setColumnWidth, shownColumns, type ColumnKey, type GridPrefs, type ShownColumn } from './grid-columns';
import { GanttHeader } from './GanttHeader';
import { GanttTooltip, type TooltipState } from './GanttTooltip';
import { chunkIndexAt, chunkedWindow, layoutBars } from './layout';
import { buildRows, dataRange, type GanttRow, type GroupBy } from './rows';
import { createScale, fitScale, headerRows, todayX, type HeaderCell, type Scale } from './scale';
import { maxDate } from './time-units';
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
/** rows per render chunk: React re-renders once per CHUNK rows scrolled */
const CHUNK = 16;
/** up to this many rows (the seed's 15 projects with all 137 sites, and more) render at once */
const RENDER_ALL_UP_TO = 300;

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

interface RowViewProps {
  row: GanttRow;
  index: number;
  rowHeight: number;
  onOpen: (projectId: number) => void;
  onTip: (tip: TooltipState | null) => void;
}

function rowHandlers({ row, index, onOpen, onTip }: RowViewProps) {
  if (row.kind === 'group') return {};
  return {
    onClick: () => onOpen(row.projectId),
    onMouseMove: (e: { clientX: number; clientY: number }) => onTip({ row, index, x: e.clientX, y: e.clientY }),
    onMouseLeave: () => onTip(null),
  };
}

function rowClass(row: GanttRow): string {
  return `gantt-row gantt-row-${row.kind}`;
}

/** memoised: rows that stay in view are not re-rendered while scrolling */
const GridRow = memo(function GridRow(
  props: RowViewProps & {
    columns: readonly ShownColumn[];
    focusable: boolean;
    onFocusRow: (index: number) => void;
    onToggle: (projectId: number) => void;
    onToggleGroup: (key: string) => void;
  },
) {
  const { row, index, rowHeight, columns, focusable, onFocusRow, onTip, onToggle, onToggleGroup } = props;
  const onFocus = (e: FocusEvent<HTMLDivElement>): void => {
    if (e.target !== e.currentTarget) return;
    onFocusRow(index);
    // keyboard users get the same key figures as the pointer: anchored below the row's name
    const r = e.currentTarget.getBoundingClientRect();
    if (row.kind !== 'group') onTip({ row, index, x: r.left + 40, y: r.bottom - 10 });
  };
  return (
    <div
      className={rowClass(row)}
      role="row"
      aria-rowindex={index + 1}
      data-row-index={index}
      tabIndex={focusable ? 0 : -1}
      aria-describedby={row.kind === 'group' ? undefined : 'gantt-tooltip'}
      data-project-id={row.kind === 'group' ? undefined : row.projectId}
      style={{ top: index * rowHeight, height: rowHeight, width: gridWidthOf(columns), lineHeight: `${rowHeight - 1}px` }}
      onFocus={onFocus}
      onBlur={() => onTip(null)}
      {...rowHandlers(props)}
    >
      <GridCells row={row} columns={columns} onToggle={onToggle} onToggleGroup={onToggleGroup} />
    </div>
  );
});

const BarRow = memo(function BarRow(props: RowViewProps & { scale: Scale; today: string }) {
  const { row, index, rowHeight, scale, today } = props;
  return (
    <div
      className={`${rowClass(row)} gantt-track`}
      data-project-id={row.kind === 'group' ? undefined : row.projectId}
      style={{ top: index * rowHeight, height: rowHeight, width: scale.width }}
      {...rowHandlers(props)}
    >
      {row.kind !== 'group' && <GanttBars bars={layoutBars(row, scale, today)} light={row.light} height={rowHeight} />}
    </div>
  );
});

const GridLines = memo(function GridLines({ cells }: { cells: readonly HeaderCell[] }) {
  return (
    <>
      {cells.map((c) => (
        <div key={c.unitStart} className="gantt-vline" style={{ left: c.x }} />
      ))}
    </>
  );
});

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
  const [chunk, setChunkState] = useState(0);
  // most scroll events stay inside the current chunk: skip React for those entirely
  const chunkRef = useRef(0);
  const setChunk = useCallback((next: number) => {
    if (next === chunkRef.current) return;
    chunkRef.current = next;
    setChunkState(next);
  }, []);
  const [viewport, setViewport] = useState(initialViewport);
  const [tip, setTip] = useState<TooltipState | null>(null);
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
  const rows = useMemo(() => buildRows(data, groupBy, expanded, collapsed), [data, groupBy, expanded, collapsed]);
  // only fit-all depends on the width; other zooms keep their scale (and every memoised
  // row) when the window is resized
  const fitWidth = zoom === 'fit' ? viewport.width - gridWidth - 2 : 0;
  const scale = useMemo(() => chartScale(data, zoom, fitWidth), [data, zoom, fitWidth]);
  const header = useMemo(() => headerRows(scale), [scale]);
  const today = todayX(scale, data.today);
  const headHeight = header.length * HEADER_ROW_PX;
  const bodyHeight = Math.max(0, viewport.height - headHeight);
  const win = chunkedWindow(chunk, bodyHeight, rowHeight, rows.length, CHUNK, RENDER_ALL_UP_TO);
  // Rows are keyed by slot (index modulo the largest window), not by identity: when the
  // window moves, the DOM of rows that left is reused for rows that came in (React
  // updates text and styles) instead of being removed and rebuilt.
  const pool = Math.max(win.last - win.first, Math.ceil(Math.max(0, bodyHeight) / rowHeight) + 1 + 3 * CHUNK);
  const gridLines = useMemo(() => header.at(-1) ?? [], [header]);

  // the latest view, written to sessionStorage as it changes and when the chart closes
  const view = useRef<GanttViewState>(saved ?? { expanded: [], collapsed: [], scrollTop: 0, scrollLeft: 0 });
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
      setChunk(chunkIndexAt(el.scrollTop, rowHeight, CHUNK));
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

  const focusRow = (target: number): void => {
    const el = scroller.current;
    if (!el || rows.length === 0) return;
    const i = Math.max(0, Math.min(rows.length - 1, target));
    const room = Math.max(rowHeight, (el.clientHeight || viewport.height) - headHeight);
    const top = i * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + room) el.scrollTop = top + rowHeight - room;
    setChunk(chunkIndexAt(el.scrollTop, rowHeight, CHUNK));
    pendingFocus.current = i;
    setFocusIndex(i);
  };

  const rowKeys = (e: KeyboardEvent<HTMLDivElement>, i: number): boolean => {
    const row = rows[i];
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
      setChunk(chunkIndexAt(el.scrollTop, rowHeight, CHUNK));
    }
  };

  const scrollToToday = (): void => {
    const el = scroller.current;
    if (!el || today === null) return;
    const chartView = Math.max(0, (el.clientWidth || viewport.width) - gridWidth);
    el.scrollLeft = Math.max(0, Math.round(today - chartView / 2));
  };

  const onScroll = (e: { currentTarget: HTMLDivElement }): void => {
    const el = e.currentTarget;
    view.current = { ...view.current, scrollTop: el.scrollTop, scrollLeft: el.scrollLeft };
    setChunk(chunkIndexAt(el.scrollTop, rowHeight, CHUNK));
  };

  const visible: GanttRow[] = rows.slice(win.first, win.last);
  const focusAt = Math.min(focusIndex, rows.length - 1);
  const hoverTop = tip ? tip.index * rowHeight : null;
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
        aria-rowcount={rows.length}
        data-row-count={rows.length}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
      >
        <div className="gantt-canvas" style={{ width: gridWidth + scale.width, height: headHeight + win.totalHeight }}>
          <div className="gantt-head" role="rowgroup" style={{ height: headHeight }}>
            <GridHead height={headHeight} columns={columns} onResize={resize} />
            <GanttHeader rows={header} width={scale.width} rowPx={HEADER_ROW_PX} todayX={today} stickyLeft={gridWidth} />
          </div>
          <div className="gantt-body" style={{ height: win.totalHeight }}>
            <div className="gantt-grid-col" role="rowgroup" style={{ width: gridWidth, height: win.totalHeight }}>
              {hoverTop !== null && <div className="gantt-hover" style={{ top: hoverTop, height: rowHeight }} />}
              {visible.map((row, i) => (
                <GridRow
                  key={(win.first + i) % pool}
                  row={row}
                  index={win.first + i}
                  rowHeight={rowHeight}
                  columns={columns}
                  focusable={win.first + i === focusAt}
                  onFocusRow={setFocusIndex}
                  onOpen={onOpenProject}
                  onTip={setTip}
                  onToggle={toggle}
                  onToggleGroup={toggleGroup}
                />
              ))}
            </div>
            <div className="gantt-chart-col" aria-hidden="true" style={{ width: scale.width, height: win.totalHeight }}>
              <GridLines cells={gridLines} />
              {hoverTop !== null && <div className="gantt-hover" style={{ top: hoverTop, height: rowHeight }} />}
              {visible.map((row, i) => (
                <BarRow
                  key={(win.first + i) % pool}
                  row={row}
                  index={win.first + i}
                  rowHeight={rowHeight}
                  scale={scale}
                  today={data.today}
                  onOpen={onOpenProject}
                  onTip={setTip}
                />
              ))}
              {today !== null && <div className="gantt-today" style={{ left: today }} />}
            </div>
          </div>
        </div>
      </div>
      {tip && <GanttTooltip tip={tip} />}
    </div>
  );
}
