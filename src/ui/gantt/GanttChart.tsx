// The screen Gantt. Only the rows in view are rendered (layout.visibleWindow), so
// 10,000 rows scroll like 15. Geometry comes from the pure layers; the DOM is only
// asked for the scroller's scrollTop / client size, never for a bar's position.
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { GanttData } from '../../domain/api/gantt';
import { GanttBars } from './GanttBars';
import { GRID_WIDTH, GridCells, GridHead } from './GanttGrid';
import { GanttHeader } from './GanttHeader';
import { GanttTooltip, type TooltipState } from './GanttTooltip';
import { layoutBars, visibleWindow } from './layout';
import { buildRows, dataRange, type GanttRow, type GroupBy, type ItemRow } from './rows';
import { createScale, fitScale, headerRows, todayX, type Scale } from './scale';
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

interface RowViewProps {
  row: GanttRow;
  index: number;
  rowHeight: number;
  scale: Scale;
  today: string;
  onToggle: (projectId: number) => void;
  onOpen: (projectId: number) => void;
  onTip: (tip: TooltipState | null) => void;
}

/** memoised: rows that stay in view are not re-rendered while scrolling */
const RowView = memo(function RowView({ row, index, rowHeight, scale, today, onToggle, onOpen, onTip }: RowViewProps) {
  const style = { top: index * rowHeight, height: rowHeight, width: GRID_WIDTH + scale.width };
  if (row.kind === 'group') {
    return (
      <div className="gantt-row gantt-row-group" role="row" aria-rowindex={index + 1} style={style}>
        <GridCells row={row} onToggle={onToggle} />
      </div>
    );
  }
  const item: ItemRow = row;
  return (
    <div
      className={`gantt-row gantt-row-${row.kind}`}
      role="row"
      aria-rowindex={index + 1}
      data-project-id={row.projectId}
      style={style}
      onClick={() => onOpen(row.projectId)}
      onMouseMove={(e) => onTip({ row: item, x: e.clientX, y: e.clientY })}
      onMouseLeave={() => onTip(null)}
    >
      <GridCells row={row} onToggle={onToggle} />
      <div className="gantt-track" style={{ width: scale.width, height: rowHeight }}>
        <GanttBars bars={layoutBars(row, scale, today)} light={row.light} height={rowHeight} />
      </div>
    </div>
  );
});

function openProject(id: number): void {
  window.location.hash = `#/project/${id}`;
}

/** The whole plan, any bar beyond it, and today, so overdue work is visible. */
function chartScale(data: GanttData, zoom: ZoomChoice, chartWidth: number): Scale {
  const r = dataRange(data);
  const range = { start: r.start, end: maxDate(r.end, data.today) };
  return zoom === 'fit' ? fitScale(range, Math.max(240, chartWidth), 'month') : createScale(range, zoomLevel(zoom));
}

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
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(initialViewport);
  const [tip, setTip] = useState<TooltipState | null>(null);

  const rows = useMemo(() => buildRows(data, groupBy, expanded), [data, groupBy, expanded]);
  const scale = useMemo(() => chartScale(data, zoom, viewport.width - GRID_WIDTH - 2), [data, zoom, viewport.width]);
  const header = useMemo(() => headerRows(scale), [scale]);
  const today = todayX(scale, data.today);
  const headHeight = header.length * HEADER_ROW_PX;
  const bodyHeight = Math.max(0, viewport.height - headHeight);
  const win = visibleWindow(scrollTop, bodyHeight, rowHeight, rows.length);
  const gridLines = header.at(-1) ?? [];

  // measure the scroller (size only) and follow resizes
  useEffect(() => {
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

  const toggle = useCallback((id: number) => {
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

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
      setScrollTop(el.scrollTop);
    }
  };

  const visible: GanttRow[] = rows.slice(win.first, win.last);
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
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        onKeyDown={onKeyDown}
      >
        <div className="gantt-canvas" style={{ width: GRID_WIDTH + scale.width, height: headHeight + win.totalHeight }}>
          <div className="gantt-head" style={{ height: headHeight }}>
            <GridHead height={headHeight} />
            <GanttHeader rows={header} width={scale.width} rowPx={HEADER_ROW_PX} todayX={today} />
          </div>
          <div className="gantt-body" style={{ height: win.totalHeight }}>
            <div className="gantt-lines" style={{ left: GRID_WIDTH, width: scale.width }}>
              {gridLines.map((c) => (
                <div key={c.unitStart} className="gantt-vline" style={{ left: c.x }} />
              ))}
              {today !== null && <div className="gantt-today" style={{ left: today }} />}
            </div>
            {visible.map((row, i) => (
              <RowView
                key={row.key}
                row={row}
                index={win.first + i}
                rowHeight={rowHeight}
                scale={scale}
                today={data.today}
                onToggle={toggle}
                onOpen={onOpenProject}
                onTip={setTip}
              />
            ))}
          </div>
        </div>
      </div>
      {tip && <GanttTooltip tip={tip} />}
    </div>
  );
}
