// Window maths of the virtualised register (pure: no DOM, no React). An "item" is one project
// with the site rows shown under it; its height is the project row's plus its site rows'.
// The window is padded (overscan) and snapped to chunks, so scrolling re-renders only when the
// window crosses a chunk boundary, ahead of what is on screen.

/** Prefix sums of the items' heights: offsets[i] is item i's top, offsets[count] the total height. */
export function buildOffsets(count: number, heightOf: (i: number) => number): Float64Array {
  const offsets = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) offsets[i + 1] = (offsets[i] ?? 0) + heightOf(i);
  return offsets;
}

export function itemCount(offsets: Float64Array): number {
  return Math.max(0, offsets.length - 1);
}

/** The item that holds height y (clamped to the first and last item); 0 when there is none. */
export function indexAt(offsets: Float64Array, y: number): number {
  const n = itemCount(offsets);
  if (n === 0) return 0;
  // the last i with offsets[i] <= y
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((offsets[mid] ?? 0) <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface WindowRange {
  /** first item drawn */
  start: number;
  /** one past the last item drawn */
  end: number;
}

export interface WindowOptions {
  /** items drawn beyond each edge of the viewport, so a scroll shows rows already drawn */
  overscan: number;
  /** the window's edges snap to multiples of this, so small scrolls keep the same window */
  chunk: number;
}

export const DEFAULT_WINDOW: WindowOptions = { overscan: 4, chunk: 4 };

/** The items to draw for a viewport of `height` scrolled to `top` (both in item coordinates). */
export function visibleRange(offsets: Float64Array, top: number, height: number, opts: WindowOptions = DEFAULT_WINDOW): WindowRange {
  const n = itemCount(offsets);
  if (n === 0) return { start: 0, end: 0 };
  const total = offsets[n] ?? 0;
  const y = Math.min(Math.max(0, top), Math.max(0, total - height));
  const first = indexAt(offsets, y);
  const last = indexAt(offsets, y + Math.max(0, height - 1));
  const chunk = Math.max(1, opts.chunk);
  return {
    start: Math.max(0, Math.floor((first - opts.overscan) / chunk) * chunk),
    end: Math.min(n, Math.ceil((last + 1 + opts.overscan) / chunk) * chunk),
  };
}

/** a run of items to draw, or the empty space standing for the items from `at` on */
export type Segment = { kind: 'rows'; start: number; end: number } | { kind: 'gap'; height: number; at: number };

/**
 * What to draw, top to bottom: runs of items and the empty space between them. `pinned` items
 * are drawn even outside the window (the focused row, so it keeps the focus when scrolled away).
 */
export function segments(offsets: Float64Array, range: WindowRange, pinned: readonly number[] = []): Segment[] {
  const n = itemCount(offsets);
  const runs: { start: number; end: number }[] = [];
  const extra = pinned.filter((i) => Number.isInteger(i) && i >= 0 && i < n && (i < range.start || i >= range.end));
  const starts = [...new Set(extra)].map((i) => ({ start: i, end: i + 1 }));
  if (range.end > range.start) starts.push({ start: range.start, end: range.end });
  starts.sort((a, b) => a.start - b.start);
  for (const r of starts) {
    const prev = runs[runs.length - 1];
    if (prev && r.start <= prev.end) prev.end = Math.max(prev.end, r.end);
    else runs.push({ ...r });
  }
  const out: Segment[] = [];
  let y = 0;
  let at = 0;
  for (const r of runs) {
    const top = offsets[r.start] ?? 0;
    if (top > y) out.push({ kind: 'gap', height: top - y, at });
    out.push({ kind: 'rows', start: r.start, end: r.end });
    y = offsets[r.end] ?? y;
    at = r.end;
  }
  const total = offsets[n] ?? 0;
  if (total > y) out.push({ kind: 'gap', height: total - y, at });
  return out;
}

/**
 * The scroll position that shows item i whole between a sticky header `head` px tall (the item
 * coordinates start under it) and a sticky footer `foot` px tall; `top` when it already shows.
 */
export function revealTop(offsets: Float64Array, i: number, top: number, viewport: number, head: number, foot: number): number {
  const itemTop = offsets[i] ?? 0;
  const itemBottom = offsets[i + 1] ?? itemTop;
  if (itemTop < top) return itemTop;
  // the visible item band is [top, top + viewport - head - foot)
  const band = Math.max(0, viewport - head - foot);
  if (itemBottom > top + band) return Math.min(itemTop, itemBottom - band);
  return top;
}

/** The item a PageDown (+1) or PageUp (-1) lands on: about a page of `page` px away, at least one item. */
export function pageTarget(offsets: Float64Array, current: number, dir: 1 | -1, page: number): number {
  const n = itemCount(offsets);
  if (n === 0) return 0;
  const from = offsets[current] ?? 0;
  const to = indexAt(offsets, from + dir * Math.max(1, page));
  const moved = to === current ? current + dir : to;
  return Math.min(n - 1, Math.max(0, moved));
}

/** Where a key moves the focus among `count` rows, or null when the key does not move it. */
export function keyTarget(key: string, current: number, count: number, page: (dir: 1 | -1) => number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(count - 1, current + 1);
    case 'ArrowUp':
      return Math.max(0, current - 1);
    case 'PageDown':
      return page(1);
    case 'PageUp':
      return page(-1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/**
 * Row heights: measured ones where a row has been drawn, else an estimate (the mean of those
 * measured so far, which makes the scrollbar's length converge on the truth).
 */
export class RowHeights {
  private readonly rows = new Map<number, number>();
  private readonly sites = new Map<number, number>();
  private sum = 0;

  constructor(
    private readonly rowEstimate: number,
    private readonly siteEstimate: number,
  ) {}

  /** the estimate for a project row never drawn */
  get estimate(): number {
    return this.rows.size > 0 ? this.sum / this.rows.size : this.rowEstimate;
  }

  /** the height of project `id` with `siteRows` site rows under it (0 when closed) */
  item(id: number, siteRows: number): number {
    const row = this.rows.get(id) ?? this.estimate;
    return siteRows > 0 ? row + (this.sites.get(id) ?? siteRows * this.siteEstimate) : row;
  }

  /** records a drawn project's heights (sites: null when closed); true when anything changed */
  record(id: number, row: number, sites: number | null): boolean {
    let changed = false;
    const old = this.rows.get(id);
    if (old === undefined || Math.abs(old - row) > 0.5) {
      this.sum += row - (old ?? 0);
      this.rows.set(id, row);
      changed = true;
    }
    if (sites !== null) {
      const oldSites = this.sites.get(id);
      if (oldSites === undefined || Math.abs(oldSites - sites) > 0.5) {
        this.sites.set(id, sites);
        changed = true;
      }
    }
    return changed;
  }

  clear(): void {
    this.rows.clear();
    this.sites.clear();
    this.sum = 0;
  }
}
