// The left grid of the screen Gantt: 序号, 名称, 投资估算（万元）, 建设年限, 进度. The
// columns come from grid-columns.ts (resizable, collapsible); the head carries one
// resize handle per column (drag, or focus it and use ←/→).
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { TOWN_SHARE_NOTE } from '../../domain/dashboard/town-share';
import { formatWan } from '../../domain/money';
import { windowLabel } from '../../domain/schedule';
import { GRID_COLUMNS, RESIZE_STEP, gridWidthOf, type ColumnKey, type ShownColumn } from './grid-columns';
import type { GanttRow } from './rows';
import { mayOverflow } from './text-fit';
import { percentLabel } from '../percent-label';

/** the default grid width (all columns at their default widths) */
export const GRID_WIDTH = GRID_COLUMNS.reduce((w, c) => w + c.width, 0);

function ResizeHandle({ column, onResize }: { column: ShownColumn; onResize: (key: ColumnKey, width: number) => void }) {
  const drag = useRef<{ x: number; width: number } | null>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const steps: Record<string, number> = { ArrowLeft: -RESIZE_STEP, ArrowRight: RESIZE_STEP };
    const step = steps[e.key];
    if (step === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    onResize(column.key, column.width + step);
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>): void => {
    e.preventDefault();
    drag.current = { x: e.clientX, width: column.width };
    e.currentTarget.setPointerCapture?.(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>): void => {
    if (drag.current) onResize(column.key, drag.current.width + e.clientX - drag.current.x);
  };
  const end = (): void => {
    drag.current = null;
  };
  return (
    <div
      className="gantt-col-resize"
      role="separator"
      aria-orientation="vertical"
      aria-label={`调整“${column.title}”列宽（←/→）`}
      aria-valuenow={column.width}
      aria-valuemin={column.min}
      aria-valuemax={column.max}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={end}
      onPointerCancel={end}
      onClick={(e) => e.stopPropagation()}
    />
  );
}

export function GridHead({
  height,
  columns,
  onResize,
}: {
  height: number;
  columns: readonly ShownColumn[];
  onResize: (key: ColumnKey, width: number) => void;
}) {
  return (
    <div className="gantt-grid gantt-grid-head" style={{ width: gridWidthOf(columns), height }} role="row" aria-rowindex={1}>
      {columns.map((c) => (
        <div key={c.key} className={`gantt-cell gantt-col-${c.key}`} style={{ width: c.width }} role="columnheader">
          {c.title}
          <ResizeHandle column={c} onResize={onResize} />
        </div>
      ))}
    </div>
  );
}

/** px of a cell's width its text may use: the padding, and in 名称 the toggle and the site indent */
function textRoom(key: ColumnKey, width: number, site: boolean): number {
  const pad = 12;
  if (key !== 'name') return width - pad;
  return width - pad - 20 - (site ? 16 : 0);
}

function cellClass(key: ColumnKey, text: string, width: number, site: boolean): string {
  const font = key === 'period' || site ? 12 : 13;
  return mayOverflow(text, textRoom(key, width, site), font) ? `gantt-cell gantt-col-${key} clip` : `gantt-cell gantt-col-${key}`;
}

/**
 * A row's cells, directly inside its role="row" element. Only a cell whose text may not
 * fit (text-fit.ts) clips with an ellipsis.
 */
export function GridCells({
  row,
  columns,
  onToggle,
  onToggleGroup,
}: {
  row: GanttRow;
  columns: readonly ShownColumn[];
  onToggle: (projectId: number) => void;
  onToggleGroup?: (key: string) => void;
}) {
  if (row.kind === 'group') {
    const width = gridWidthOf(columns);
    // a share is an apportioned figure: to the 元 hundred (0.01万元), not to the 元
    const total = formatWan(row.isShare ? Math.round(row.investmentYuan / 100) * 100 : row.investmentYuan);
    const count = row.isShare ? `（${row.projectCount}项，本镇分摊 ${total}万元）` : `（${row.projectCount}项，${total}万元）`;
    const clip = mayOverflow(row.label, width - 12 - 24 - count.length * 13, 13, true);
    return (
      <div className={`gantt-cell gantt-group-label${clip ? ' clip' : ''}`} role="gridcell" style={{ width }}>
        {onToggleGroup && (
          <button
            type="button"
            className="gantt-toggle"
            tabIndex={-1}
            aria-expanded={!row.collapsed}
            aria-label={row.collapsed ? `展开${row.label}` : `收起${row.label}`}
            onClick={(e) => {
              e.stopPropagation();
              onToggleGroup(row.key);
            }}
          >
            {row.collapsed ? '▸' : '▾'}
          </button>
        )}
        {row.label}
        {row.isShare ? (
          <span className="gantt-group-count gantt-town-share" title={TOWN_SHARE_NOTE}>
            {count}
          </span>
        ) : (
          <span className="gantt-group-count">{count}</span>
        )}
      </div>
    );
  }
  const site = row.kind === 'site';
  const texts: Record<Exclude<ColumnKey, 'name'>, string> = {
    seq: row.seqLabel,
    invest: row.investmentYuan === null ? '—' : formatWan(row.investmentYuan),
    period: windowLabel(row.window),
    percent: percentLabel(row.percent),
  };
  return (
    <>
      {columns.map((c) =>
        c.key === 'name' ? (
          <div key={c.key} className={cellClass('name', row.name, c.width, site)} role="gridcell" style={{ width: c.width }} title={row.name}>
            {row.kind === 'project' && row.siteCount > 0 ? (
              <button
                type="button"
                className="gantt-toggle"
                tabIndex={-1}
                aria-expanded={row.expanded}
                aria-label={row.expanded ? '收起建设点' : `展开 ${row.siteCount} 个建设点`}
                onClick={(e) => {
                  e.stopPropagation();
                  onToggle(row.projectId);
                }}
              >
                {row.expanded ? '▾' : '▸'}
              </button>
            ) : (
              <span className="gantt-toggle-space" />
            )}
            {row.name}
          </div>
        ) : (
          <div key={c.key} className={cellClass(c.key, texts[c.key], c.width, site)} role="gridcell" style={{ width: c.width }}>
            {texts[c.key]}
          </div>
        ),
      )}
    </>
  );
}
