// The screen Gantt. Only the rows in view are rendered (layout.visibleWindow), so
// 10,000 rows scroll like 15. Geometry comes from the pure layers; the DOM is only
// asked for the scroller's scrollTop / client size, never for a bar's position.
//
// One scroller holds a sticky time header and two columns: the grid (one sticky-left
// column holding every visible row's cells) and the chart. One sticky layer rather than
// a sticky cell per row keeps Chromium's compositor work flat while scrolling.
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { GanttData } from '../../domain/api/gantt';
import { toggled } from '../toggled';
import { GanttBars } from './GanttBars';
import { GRID_WIDTH, GridCells, GridHead } from './GanttGrid';
import { GanttHeader } from './GanttHeader';
import { GanttTooltip, type TooltipState } from './GanttTooltip';
import { chunkIndexAt, chunkedWindow, layoutBars } from './layout';
import { buildRows, dataRange, type GanttRow, type GroupBy } from './rows';
import { createScale, fitScale, headerRows, todayX, type HeaderCell, type Scale } from './scale';
import { maxDate } from './time-units';
import { zoomLevel, type ZoomId } from './zoom-levels';
import './gantt.css';

export type ZoomChoice = ZoomId | 'fit';

export interface GanttChartProps {
  data: GanttData;
  groupBy: GroupBy;
  zoom: ZoomChoice;
  rowHeight?: number;
  /** default: location.hash = '#/project/' + id */
  onOpenProject?: (projectId: number) => void;
  /** size assumed until the scroller has been measured (jsdom never measures) */
  initialViewport?: { width: number; height: number };
}

const HEADER_ROW_PX = 26;
/** rows per render chunk: React re-renders once per CHUNK rows scrolled */
const CHUNK = 16;
/** up to this many rows (the seed's 15 projects with all 137 sites, and more) render at once */
const RENDER_ALL_UP_TO = 300;

function openProject(id: number): void {
  window.location.hash = `#/project/${id}`;
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
  props: RowViewProps & { onToggle: (projectId: number) => void; onToggleGroup: (key: string) => void },
) {
  const { row, index, rowHeight, onToggle, onToggleGroup } = props;
  return (
    <div
      className={rowClass(row)}
      role="row"
      aria-rowindex={index + 1}
      data-project-id={row.kind === 'group' ? undefined : row.projectId}
      style={{ top: index * rowHeight, height: rowHeight, width: GRID_WIDTH, lineHeight: `${rowHeight - 1}px` }}
      {...rowHandlers(props)}
    >
      <GridCells row={row} onToggle={onToggle} onToggleGroup={onToggleGroup} />
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
}: GanttChartProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());
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

  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const rows = useMemo(() => buildRows(data, groupBy, expanded, collapsed), [data, groupBy, expanded, collapsed]);
  // only fit-all depends on the width; other zooms keep their scale (and every memoised
  // row) when the window is resized
  const fitWidth = zoom === 'fit' ? viewport.width - GRID_WIDTH - 2 : 0;
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
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const toggleGroup = useCallback((key: string) => setCollapsed((prev) => toggled(prev, key)), []);
  const toggle = useCallback((id: number) => setExpanded((prev) => toggled(prev, id)), []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const el = e.currentTarget;
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

  const visible: GanttRow[] = rows.slice(win.first, win.last);
  const hoverTop = tip ? tip.index * rowHeight : null;
  return (
    <div className="gantt">
      <div
        ref={scroller}
        className="gantt-scroller"
        tabIndex={0}
        role="grid"
        aria-label="甘特图（方向键、PageUp/PageDown、Home/End 滚动）"
        aria-rowcount={rows.length}
        data-row-count={rows.length}
        onScroll={(e) => setChunk(chunkIndexAt(e.currentTarget.scrollTop, rowHeight, CHUNK))}
        onKeyDown={onKeyDown}
      >
        <div className="gantt-canvas" style={{ width: GRID_WIDTH + scale.width, height: headHeight + win.totalHeight }}>
          <div className="gantt-head" style={{ height: headHeight }}>
            <GridHead height={headHeight} />
            <GanttHeader rows={header} width={scale.width} rowPx={HEADER_ROW_PX} todayX={today} />
          </div>
          <div className="gantt-body" style={{ height: win.totalHeight }}>
            <div className="gantt-grid-col" style={{ width: GRID_WIDTH, height: win.totalHeight }}>
              {hoverTop !== null && <div className="gantt-hover" style={{ top: hoverTop, height: rowHeight }} />}
              {visible.map((row, i) => (
                <GridRow key={(win.first + i) % pool} row={row} index={win.first + i} rowHeight={rowHeight} onOpen={onOpenProject} onTip={setTip} onToggle={toggle} onToggleGroup={toggleGroup} />
              ))}
            </div>
            <div className="gantt-chart-col" style={{ width: scale.width, height: win.totalHeight }}>
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
