// The rows of the screen Gantt, drawn in blocks of BLOCK_ROWS: the grid side as a small
// React block of rows (role="row", roving focus), the chart side as ONE <svg> per block
// whose content is markup from block-markup.ts. Both are memoised by their props, so a
// block, once drawn, is not rendered again while the chart scrolls; pointer and focus
// handlers live on the columns (delegated), not on each row.
import { memo } from 'react';
import type { PaintIds } from './bar-svg';
import { blockMarkup } from './block-markup';
import { BLOCK_ROWS, blockRows } from './block-window';
import { GridCells } from './GanttGrid';
import { GanttTooltip } from './GanttTooltip';
import { gridWidthOf, type ShownColumn } from './grid-columns';
import type { GanttRow, RowList } from './rows';
import type { Scale } from './scale';
import { useTip, type TipStore } from './tip-store';
import type { IsoDate } from './time-units';

function blockSlice(rows: RowList, block: number): { first: number; items: GanttRow[] } {
  const { first, last } = blockRows(block, rows.length);
  const items: GanttRow[] = [];
  for (let i = first; i < last; i++) {
    const row = rows.at(i);
    if (row) items.push(row);
  }
  return { first, items };
}

export interface GridBlockProps {
  rows: RowList;
  block: number;
  rowHeight: number;
  columns: readonly ShownColumn[];
  /** the row index that is the tab stop, when it is in this block; else -1 */
  focusIndex: number;
  onToggle: (projectId: number) => void;
  onToggleGroup: (key: string) => void;
}

export const GridBlock = memo(function GridBlock({ rows, block, rowHeight, columns, focusIndex, onToggle, onToggleGroup }: GridBlockProps) {
  const { first, items } = blockSlice(rows, block);
  const width = gridWidthOf(columns);
  return (
    <div
      className="gantt-block gantt-grid-block"
      role="presentation"
      style={{ top: block * BLOCK_ROWS * rowHeight, width, height: items.length * rowHeight, lineHeight: `${rowHeight - 1}px` }}
    >
      {items.map((row, i) => {
        const index = first + i;
        return (
          <div
            key={row.key}
            className={`gantt-row gantt-row-${row.kind}`}
            role="row"
            // the header row is row 1
            aria-rowindex={index + 2}
            data-row-index={index}
            tabIndex={index === focusIndex ? 0 : -1}
            aria-describedby={row.kind === 'group' ? undefined : 'gantt-tooltip'}
            data-project-id={row.kind === 'group' ? undefined : row.projectId}
            style={{ height: rowHeight }}
          >
            <GridCells row={row} columns={columns} onToggle={onToggle} onToggleGroup={onToggleGroup} />
          </div>
        );
      })}
    </div>
  );
});

export interface ChartBlockProps {
  rows: RowList;
  block: number;
  rowHeight: number;
  scale: Scale;
  today: IsoDate;
  lineXs: readonly number[];
  ids: PaintIds;
}

export const ChartBlock = memo(function ChartBlock({ rows, block, rowHeight, scale, today, lineXs, ids }: ChartBlockProps) {
  const { first, items } = blockSlice(rows, block);
  const html = blockMarkup({ rows: items, firstIndex: first, rowHeight, scale, today, lineXs, ids });
  return (
    <svg
      className="gantt-block gantt-block-svg"
      width={scale.width}
      height={items.length * rowHeight}
      style={{ top: block * BLOCK_ROWS * rowHeight }}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
});

/** the paint servers the blocks' bars refer to by id: the overdue hatch and the fade of a running bar */
export function PaintDefs({ ids }: { ids: PaintIds }) {
  return (
    <svg className="gantt-defs" width="0" height="0" aria-hidden="true" focusable="false">
      <defs>
        <pattern id={ids.hatch} width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="7" height="7" fill="#f6caca" />
          <rect width="3" height="7" fill="#d32f2f" />
        </pattern>
        <linearGradient id={ids.fade} x1="0" x2="1" y1="0" y2="0">
          <stop offset="0.85" stopColor="#37474f" />
          <stop offset="1" stopColor="#c3c8cb" />
        </linearGradient>
      </defs>
    </svg>
  );
}

/** the highlight behind the row under the pointer (one per column) */
export function HoverBand({ store, rowHeight }: { store: TipStore; rowHeight: number }) {
  const tip = useTip(store);
  return tip ? <div className="gantt-hover" style={{ top: tip.index * rowHeight, height: rowHeight }} /> : null;
}

export function TipLayer({ store }: { store: TipStore }) {
  const tip = useTip(store);
  return tip ? <GanttTooltip tip={tip} /> : null;
}
