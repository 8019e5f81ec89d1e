// Which blocks of rows the screen Gantt keeps mounted. Rows are drawn in blocks of
// BLOCK_ROWS (one <svg> and one grid block each); the mounted blocks are one contiguous
// range. Scrolling inside that range costs React nothing; the range grows ahead of the
// scroll in idle time and only jumps (synchronously) when the view leaves it. Pure.

/** rows per block: small enough that adding one fits an idle period, large enough that a
 * 90 px/frame scroll crosses a block only every few frames */
export const BLOCK_ROWS = 8;

/** an inclusive range of block indexes; empty when last < first */
export interface BlockRange {
  first: number;
  last: number;
}

export const EMPTY_RANGE: BlockRange = { first: 0, last: -1 };

export function blockCount(rowCount: number): number {
  return Math.ceil(Math.max(0, rowCount) / BLOCK_ROWS);
}

/** rows [first, last) of block b */
export function blockRows(b: number, rowCount: number): { first: number; last: number } {
  const first = b * BLOCK_ROWS;
  return { first, last: Math.min(rowCount, first + BLOCK_ROWS) };
}

export function blockOfRow(row: number): number {
  return Math.floor(Math.max(0, row) / BLOCK_ROWS);
}

/** The blocks that intersect the body's view [scrollTop, scrollTop + viewHeight). */
export function visibleBlocks(scrollTop: number, viewHeight: number, rowHeight: number, rowCount: number): BlockRange {
  const n = blockCount(rowCount);
  if (n === 0 || rowHeight <= 0) return EMPTY_RANGE;
  const blockPx = BLOCK_ROWS * rowHeight;
  const maxTop = Math.max(0, rowCount * rowHeight - viewHeight);
  const top = Math.min(Math.max(0, scrollTop), maxTop);
  const first = Math.min(n - 1, Math.floor(top / blockPx));
  const last = Math.min(n - 1, Math.max(first, Math.ceil((top + Math.max(0, viewHeight)) / blockPx) - 1));
  return { first, last };
}

export function covers(outer: BlockRange, inner: BlockRange): boolean {
  return inner.last < inner.first || (outer.first <= inner.first && outer.last >= inner.last);
}

export function sameRange(a: BlockRange, b: BlockRange): boolean {
  return a.first === b.first && a.last === b.last;
}

function clampRange(r: BlockRange, n: number): BlockRange {
  return n === 0 ? EMPTY_RANGE : { first: Math.max(0, r.first), last: Math.min(n - 1, r.last) };
}

/** Overscan: how many blocks ahead of the scroll (and behind it) are wanted, and how far
 * behind mounted blocks may stay before they are dropped. */
export interface Overscan {
  ahead: number;
  behind: number;
  keep: number;
}

export const OVERSCAN: Overscan = { ahead: 3, behind: 1, keep: 4 };

/** up to this many rows (the real plan's 137 sites and more), idle time draws them all
 * and keeps them: scrolling a short list then never renders again, while the first
 * render still draws only the view */
export const KEEP_ALL_ROWS = 300;

/** the overscan for a list of rowCount rows */
export function overscanFor(rowCount: number): Overscan {
  const n = blockCount(rowCount);
  return rowCount <= KEEP_ALL_ROWS ? { ahead: n, behind: n, keep: n } : OVERSCAN;
}

/**
 * Where the mounted range should be, given the visible blocks and the scroll direction
 * (+1 down, -1 up, 0 unknown): `ahead` blocks in the direction of travel, `behind` the
 * other way.
 */
export function targetRange(visible: BlockRange, direction: number, n: number, o: Overscan = OVERSCAN): BlockRange {
  if (visible.last < visible.first) return EMPTY_RANGE;
  const down = direction >= 0 ? o.ahead : o.behind;
  const up = direction < 0 ? o.ahead : o.behind;
  return clampRange({ first: visible.first - up, last: visible.last + down }, n);
}

/**
 * What to mount right now, synchronously: the current range when it already covers the
 * view (no React work at all), else the view with one block either side (a jump: the old
 * range is dropped when it no longer touches the view).
 */
export function mountNow(current: BlockRange, visible: BlockRange, n: number): BlockRange {
  if (covers(current, visible)) return current;
  const cover = clampRange({ first: visible.first - 1, last: visible.last + 1 }, n);
  const touching = current.last >= current.first && current.last >= cover.first - 1 && current.first <= cover.last + 1;
  if (!touching) return cover;
  return { first: Math.min(current.first, cover.first), last: Math.max(current.last, cover.last) };
}

/**
 * One idle step from `current` toward `target`: add one block (the side nearer the
 * direction of travel first) and drop blocks beyond `keep` of the view. Returns the
 * current range unchanged when there is nothing to do.
 */
export function idleStep(current: BlockRange, target: BlockRange, visible: BlockRange, direction: number, n: number, o: Overscan = OVERSCAN): BlockRange {
  if (target.last < target.first) return current;
  let { first, last } = current.last < current.first ? target : current;
  const needDown = last < target.last;
  const needUp = first > target.first;
  if (direction >= 0 ? needDown : !needUp && needDown) last += 1;
  else if (needUp) first -= 1;
  // far behind the view: no longer worth keeping mounted
  first = Math.max(first, visible.first - o.keep);
  last = Math.min(last, visible.last + o.keep);
  const next = clampRange({ first, last }, n);
  return sameRange(next, current) ? current : next;
}

/** Block indexes of a range, in order. */
export function rangeBlocks(r: BlockRange): number[] {
  const out: number[] = [];
  for (let b = r.first; b <= r.last; b++) out.push(b);
  return out;
}

/**
 * The row that is the grid's tab stop (tabindex 0): the row last focused while its block is
 * mounted; else the first row in view. After a long scroll the last focused row's block is
 * gone, and without a mounted tab stop Tab would step over every row.
 */
export function tabStopRow(focused: number, mounted: BlockRange, scrollTop: number, rowHeight: number, rowCount: number): number {
  if (rowCount <= 0) return -1;
  const focus = Math.min(Math.max(0, focused), rowCount - 1);
  const b = blockOfRow(focus);
  if (mounted.last < mounted.first) return focus;
  if (b >= mounted.first && b <= mounted.last) return focus;
  // kept inside the mounted rows: the scrollTop may be one scroll event behind the blocks
  const lo = blockRows(mounted.first, rowCount).first;
  const hi = blockRows(mounted.last, rowCount).last - 1;
  return Math.min(hi, Math.max(lo, firstRowInView(scrollTop, rowHeight, rowCount)));
}

/** the first row whose top is at or below scrollTop (a row cut at the top edge is not it) */
export function firstRowInView(scrollTop: number, rowHeight: number, rowCount: number): number {
  if (rowCount <= 0 || rowHeight <= 0) return 0;
  return Math.min(rowCount - 1, Math.max(0, Math.ceil(scrollTop / rowHeight - 1e-6)));
}

/** whether the row is wholly inside the body's view [scrollTop, scrollTop + viewHeight) */
export function rowInView(row: number, scrollTop: number, viewHeight: number, rowHeight: number): boolean {
  const top = row * rowHeight;
  return top >= scrollTop && top + rowHeight <= scrollTop + viewHeight;
}
