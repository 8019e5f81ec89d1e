// The selected block: from an anchor cell to the cursor (Shift+arrows or Shift+click).
import type { CellRange } from './paste';
import type { CellPos } from './types';

export function rangeOf(anchor: CellPos, cursor: CellPos): CellRange {
  return {
    top: Math.min(anchor.row, cursor.row),
    bottom: Math.max(anchor.row, cursor.row),
    left: Math.min(anchor.col, cursor.col),
    right: Math.max(anchor.col, cursor.col),
  };
}

export function inRange(r: CellRange, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

export function isSingleCell(r: CellRange): boolean {
  return r.top === r.bottom && r.left === r.right;
}

export function cellsOf(r: CellRange): CellPos[] {
  const out: CellPos[] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push({ row, col });
  return out;
}
