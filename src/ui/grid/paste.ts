// Where a pasted block lands: from the cursor rightwards and downwards, cut at the grid's
// edges, skipping read-only cells. A single value pasted over a selection fills it, as
// in Excel; otherwise the block is written once.
import type { CellPos, GridSize } from './types';

export interface CellWrite {
  row: number;
  col: number;
  text: string;
}

export interface PastePlan {
  writes: CellWrite[];
  /** cells of the block that fell outside the grid */
  clipped: number;
  /** cells of the block that landed on read-only cells */
  readOnly: number;
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function planPaste(
  block: readonly (readonly string[])[],
  anchor: CellPos,
  size: GridSize,
  isEditable: (row: number, col: number) => boolean,
  selection?: CellRange,
): PastePlan {
  const plan: PastePlan = { writes: [], clipped: 0, readOnly: 0 };
  const single = block.length === 1 && block[0]?.length === 1;
  if (single && selection) {
    const text = block[0]?.[0] ?? '';
    for (let r = selection.top; r <= Math.min(selection.bottom, size.rows - 1); r++) {
      for (let c = selection.left; c <= Math.min(selection.right, size.cols - 1); c++) {
        if (isEditable(r, c)) plan.writes.push({ row: r, col: c, text });
        else plan.readOnly++;
      }
    }
    return plan;
  }
  block.forEach((cells, dr) => {
    cells.forEach((text, dc) => {
      const row = anchor.row + dr;
      const col = anchor.col + dc;
      if (row < 0 || col < 0 || row >= size.rows || col >= size.cols) plan.clipped++;
      else if (!isEditable(row, col)) plan.readOnly++;
      else plan.writes.push({ row, col, text });
    });
  });
  return plan;
}

/** A short Chinese note about what a paste left out, or null when everything landed. */
export function pasteNote(plan: PastePlan): string | null {
  const parts: string[] = [];
  if (plan.clipped > 0) parts.push(`${plan.clipped} 个单元格超出表格范围，未粘贴`);
  if (plan.readOnly > 0) parts.push(`${plan.readOnly} 个单元格为只读（合计或比率），未粘贴`);
  return parts.length > 0 ? `已粘贴 ${plan.writes.length} 个单元格；${parts.join('；')}。` : null;
}
