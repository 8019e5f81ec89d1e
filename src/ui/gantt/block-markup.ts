// The chart side of one block of rows as SVG markup: every grid line of the block as ONE
// path, then one <g> per row (class gantt-row gantt-row-project|site|group, with the
// row's index and project id for the delegated pointer handlers, which find a row on
// the empty background from the pointer's y, so a row needs no hit area of its own). Pure.
import { itemRowBars, type PaintIds } from './bar-svg';
import type { GanttRow } from './rows';
import type { Scale } from './scale';
import type { IsoDate } from './time-units';

/** x of each vertical grid line, snapped to the pixel grid once per zoom */
export function gridLineXs(cellXs: readonly number[]): number[] {
  return cellXs.map((x) => Math.round(x) + 0.5);
}

/** the vertical lines and each row's bottom line, one path for the whole block */
export function gridPath(lineXs: readonly number[], rowCount: number, rowHeight: number, width: number): string {
  const h = rowCount * rowHeight;
  let d = '';
  for (const x of lineXs) d += `M${x} 0V${h}`;
  for (let r = 1; r <= rowCount; r++) d += `M0 ${r * rowHeight - 0.5}H${width}`;
  return d;
}

export interface BlockInput {
  rows: readonly GanttRow[];
  /** index of rows[0] in the whole list */
  firstIndex: number;
  rowHeight: number;
  scale: Scale;
  today: IsoDate;
  lineXs: readonly number[];
  ids: PaintIds;
}

export function blockMarkup({ rows, firstIndex, rowHeight, scale, today, lineXs, ids }: BlockInput): string {
  const w = scale.width;
  let out = `<path class="gantt-lines" d="${gridPath(lineXs, rows.length, rowHeight, w)}"/>`;
  rows.forEach((row, i) => {
    const y = i * rowHeight;
    const index = firstIndex + i;
    if (row.kind === 'group') {
      out += `<g class="gantt-row gantt-row-group" data-row-index="${index}"><rect class="gantt-group-bg" y="${y}" width="${w}" height="${rowHeight - 1}"/></g>`;
      return;
    }
    out += `<g class="gantt-row gantt-row-${row.kind} gantt-track" data-row-index="${index}" data-project-id="${row.projectId}">`;
    out += itemRowBars(row, scale, today, y, rowHeight, ids);
    out += '</g>';
  });
  return out;
}
