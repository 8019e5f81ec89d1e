// Window maths of the virtualised register: offsets, the window for a scroll position, gaps,
// pinned rows, revealing a row under sticky header/footer, and keyboard targets.
import { describe, expect, it } from 'vitest';
import {
  buildOffsets,
  indexAt,
  keyTarget,
  pageTarget,
  revealTop,
  RowHeights,
  segments,
  visibleRange,
} from '../../src/ui/register/virtual-window';

// 1,000 rows of 50 px, row 10 open with 4 site rows of 25 px (150 px in all)
const offsets = buildOffsets(1000, (i) => (i === 10 ? 150 : 50));

describe('register virtual window', () => {
  it('sums heights, site rows included', () => {
    expect(offsets[0]).toBe(0);
    expect(offsets[10]).toBe(500);
    expect(offsets[11]).toBe(650);
    expect(offsets[1000]).toBe(50_100);
  });

  it('finds the row at a height, clamped to the rows', () => {
    expect(indexAt(offsets, 0)).toBe(0);
    expect(indexAt(offsets, 49.9)).toBe(0);
    expect(indexAt(offsets, 500)).toBe(10);
    expect(indexAt(offsets, 649)).toBe(10);
    expect(indexAt(offsets, 650)).toBe(11);
    expect(indexAt(offsets, -5)).toBe(0);
    expect(indexAt(offsets, 1e9)).toBe(999);
    expect(indexAt(buildOffsets(0, () => 50), 100)).toBe(0);
  });

  it('draws the rows on screen plus overscan, snapped to chunks', () => {
    const opts = { overscan: 3, chunk: 8 };
    expect(visibleRange(offsets, 0, 500, opts)).toEqual({ start: 0, end: 16 });
    // rows 20..29 on screen (y 1,100 to 1,599): 17..32 with overscan, snapped to 16..40
    expect(visibleRange(offsets, 1100, 500, opts)).toEqual({ start: 16, end: 40 });
    // a small scroll keeps the same window (no re-render)
    expect(visibleRange(offsets, 1130, 500, opts)).toEqual({ start: 16, end: 40 });
    // past the end: the last screenful
    expect(visibleRange(offsets, 1e9, 500, opts)).toEqual({ start: 984, end: 1000 });
    expect(visibleRange(buildOffsets(0, () => 50), 0, 500, opts)).toEqual({ start: 0, end: 0 });
    // a window never holds more than the screen and its margins, whatever the row count
    const big = buildOffsets(100_000, () => 50);
    const r = visibleRange(big, 2_500_000, 800, opts);
    expect(r.end - r.start).toBeLessThanOrEqual(16 + 2 * 3 + 2 * 8);
  });

  it('keeps the whole height with gaps around the window and a pinned row', () => {
    const segs = segments(offsets, { start: 16, end: 40 }, [500]);
    expect(segs).toEqual([
      { kind: 'gap', height: 900, at: 0 },
      { kind: 'rows', start: 16, end: 40 },
      { kind: 'gap', height: offsets[500]! - offsets[40]!, at: 40 },
      { kind: 'rows', start: 500, end: 501 },
      { kind: 'gap', height: offsets[1000]! - offsets[501]!, at: 501 },
    ]);
    const total = segs.reduce((h, s) => h + (s.kind === 'gap' ? s.height : offsets[s.end]! - offsets[s.start]!), 0);
    expect(total).toBe(offsets[1000]);
    // a pinned row inside or next to the window adds nothing
    expect(segments(offsets, { start: 0, end: 16 }, [5, 16, -1, 5000])).toEqual([
      { kind: 'rows', start: 0, end: 17 },
      { kind: 'gap', height: offsets[1000]! - offsets[17]!, at: 17 },
    ]);
  });

  it('scrolls a row fully into view under a sticky header and above the totals row', () => {
    // viewport 500, header 40, footer 40: 420 px of rows visible from scrollTop
    expect(revealTop(offsets, 20, 1100, 500, 40, 40)).toBe(1100); // already visible
    expect(revealTop(offsets, 5, 1100, 500, 40, 40)).toBe(250); // above: its top at the top
    expect(revealTop(offsets, 40, 1100, 500, 40, 40)).toBe(offsets[41]! - 420); // below: its bottom at the bottom
    expect(revealTop(offsets, 10, 0, 500, 40, 40)).toBe(650 - 420);
  });

  it('maps keys to the row the focus moves to', () => {
    const page = (dir: 1 | -1) => pageTarget(offsets, 20, dir, 420);
    expect(keyTarget('ArrowDown', 20, 1000, page)).toBe(21);
    expect(keyTarget('ArrowUp', 20, 1000, page)).toBe(19);
    expect(keyTarget('ArrowUp', 0, 1000, page)).toBe(0);
    expect(keyTarget('ArrowDown', 999, 1000, page)).toBe(999);
    expect(keyTarget('Home', 20, 1000, page)).toBe(0);
    expect(keyTarget('End', 20, 1000, page)).toBe(999);
    expect(keyTarget('PageDown', 20, 1000, page)).toBe(28); // 420 px of 50 px rows
    expect(keyTarget('PageUp', 20, 1000, page)).toBe(11); // the open row 10 is 150 px tall
    expect(keyTarget('a', 20, 1000, page)).toBeNull();
    expect(keyTarget('ArrowDown', 0, 0, page)).toBeNull();
    // at least one row, even when one row is taller than a page
    expect(pageTarget(buildOffsets(3, () => 2000), 0, 1, 420)).toBe(1);
    expect(pageTarget(offsets, 999, 1, 420)).toBe(999);
  });

  it('uses measured heights where rows were drawn, and their mean elsewhere', () => {
    const h = new RowHeights(56, 29);
    expect(h.item(1, 0)).toBe(56);
    expect(h.item(1, 3)).toBe(56 + 3 * 29);
    expect(h.record(1, 40, null)).toBe(true);
    expect(h.record(2, 60, 90)).toBe(true);
    expect(h.record(2, 60.2, 90)).toBe(false); // sub-pixel noise is no change
    expect(h.item(1, 0)).toBe(40);
    expect(h.item(2, 3)).toBe(150);
    expect(h.item(3, 0)).toBe(50); // never drawn: the mean of 40 and 60
    h.clear();
    expect(h.item(1, 0)).toBe(56);
  });
});
