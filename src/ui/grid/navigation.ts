// Moving the cursor the way spreadsheets do: arrows clamp at the edges, Tab / Shift+Tab
// run along the row and wrap to the next / previous row, Enter moves down.
import type { CellPos, GridSize } from './types';

export type NavKey =
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'tab'
  | 'shiftTab'
  | 'enter'
  | 'shiftEnter'
  | 'rowStart'
  | 'rowEnd'
  | 'gridStart'
  | 'gridEnd'
  | 'pageUp'
  | 'pageDown';

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** The movement a key asks for, or null when the key does not move the cursor. */
export function navKeyOf(e: KeyLike): NavKey | null {
  if (e.altKey) return null;
  const mod = e.ctrlKey || e.metaKey;
  switch (e.key) {
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    case 'Tab':
      return mod ? null : e.shiftKey ? 'shiftTab' : 'tab';
    case 'Enter':
      return mod ? null : e.shiftKey ? 'shiftEnter' : 'enter';
    case 'Home':
      return mod ? 'gridStart' : 'rowStart';
    case 'End':
      return mod ? 'gridEnd' : 'rowEnd';
    case 'PageUp':
      return 'pageUp';
    case 'PageDown':
      return 'pageDown';
    default:
      return null;
  }
}

const clamp = (n: number, max: number): number => Math.max(0, Math.min(max, n));

/**
 * The cell a key moves to. null means "leave the grid" (Tab past the last cell,
 * Shift+Tab before the first), so keyboard users are never trapped.
 */
export function moveCell(pos: CellPos, key: NavKey, size: GridSize, pageRows = 10): CellPos | null {
  const lastRow = size.rows - 1;
  const lastCol = size.cols - 1;
  if (lastRow < 0 || lastCol < 0) return null;
  const { row, col } = { row: clamp(pos.row, lastRow), col: clamp(pos.col, lastCol) };
  switch (key) {
    case 'up':
    case 'shiftEnter':
      return { row: clamp(row - 1, lastRow), col };
    case 'down':
    case 'enter':
      return { row: clamp(row + 1, lastRow), col };
    case 'left':
      return { row, col: clamp(col - 1, lastCol) };
    case 'right':
      return { row, col: clamp(col + 1, lastCol) };
    case 'tab':
      if (col < lastCol) return { row, col: col + 1 };
      return row < lastRow ? { row: row + 1, col: 0 } : null;
    case 'shiftTab':
      if (col > 0) return { row, col: col - 1 };
      return row > 0 ? { row: row - 1, col: lastCol } : null;
    case 'rowStart':
      return { row, col: 0 };
    case 'rowEnd':
      return { row, col: lastCol };
    case 'gridStart':
      return { row: 0, col: 0 };
    case 'gridEnd':
      return { row: lastRow, col: lastCol };
    case 'pageUp':
      return { row: clamp(row - pageRows, lastRow), col };
    case 'pageDown':
      return { row: clamp(row + pageRows, lastRow), col };
  }
}

/** A key that starts editing by replacing the cell's text with what is typed. */
export function isTypingKey(e: KeyLike): boolean {
  return e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey;
}
