import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BLOCK_ROWS,
  OVERSCAN,
  blockCount,
  blockOfRow,
  blockRows,
  overscanFor,
  firstRowInView,
  rowInView,
  tabStopRow,
  covers,
  idleStep,
  mountNow,
  rangeBlocks,
  targetRange,
  visibleBlocks,
  type BlockRange,
} from '../../src/ui/gantt/block-window';

const RH = 32;
const BLOCK_PX = BLOCK_ROWS * RH; // 256

describe('block maths', () => {
  it('cuts rows into blocks of 8, the last one short', () => {
    expect(blockCount(0)).toBe(0);
    expect(blockCount(8)).toBe(1);
    expect(blockCount(143)).toBe(18);
    expect(blockRows(17, 143)).toEqual({ first: 136, last: 143 });
    expect(blockRows(0, 5)).toEqual({ first: 0, last: 5 });
    expect(blockOfRow(0)).toBe(0);
    expect(blockOfRow(7)).toBe(0);
    expect(blockOfRow(8)).toBe(1);
  });

  it('finds the blocks that intersect the view', () => {
    // 748 px of rows in view from the top: rows 0..23 → blocks 0..2
    expect(visibleBlocks(0, 748, RH, 1000)).toEqual({ first: 0, last: 2 });
    // a view ending exactly on a block edge does not reach into the next block
    expect(visibleBlocks(0, 2 * BLOCK_PX, RH, 1000)).toEqual({ first: 0, last: 1 });
    expect(visibleBlocks(BLOCK_PX + 1, 748, RH, 1000)).toEqual({ first: 1, last: 3 });
    // scrolled past the end (an overscroll, a shrunk list): clamped to the last screenful
    expect(visibleBlocks(1e9, 748, RH, 1000)).toEqual({ first: 122, last: 124 }); // top 31,252 px
    // fewer rows than the view
    expect(visibleBlocks(0, 748, RH, 5)).toEqual({ first: 0, last: 0 });
    expect(visibleBlocks(0, 748, RH, 0).last).toBeLessThan(0);
  });

  it('mounts nothing new while the view stays inside the mounted range', () => {
    const mounted: BlockRange = { first: 0, last: 5 };
    const v = visibleBlocks(100, 748, RH, 1000);
    expect(covers(mounted, v)).toBe(true);
    // the very same object: the caller skips React entirely
    expect(mountNow(mounted, v, 125)).toBe(mounted);
  });

  it('extends the range to the view with one block of margin, or jumps', () => {
    const mounted: BlockRange = { first: 0, last: 3 };
    // the view now reaches block 4: the range grows, keeping what is mounted
    expect(mountNow(mounted, { first: 2, last: 4 }, 125)).toEqual({ first: 0, last: 5 });
    // far away (End, a scrollbar drag): the old blocks are dropped
    expect(mountNow(mounted, { first: 100, last: 102 }, 125)).toEqual({ first: 99, last: 103 });
    // clamped to the list
    expect(mountNow({ first: 0, last: -1 }, { first: 0, last: 2 }, 3)).toEqual({ first: 0, last: 2 });
  });

  it('wants blocks ahead in the direction of travel', () => {
    const v = { first: 10, last: 12 };
    expect(targetRange(v, 1, 125)).toEqual({ first: 10 - OVERSCAN.behind, last: 12 + OVERSCAN.ahead });
    expect(targetRange(v, -1, 125)).toEqual({ first: 10 - OVERSCAN.ahead, last: 12 + OVERSCAN.behind });
    expect(targetRange({ first: 0, last: 2 }, 1, 4)).toEqual({ first: 0, last: 3 });
  });

  it('grows one block per idle step, ahead first, and drops blocks far behind', () => {
    const n = 125;
    let r: BlockRange = { first: 9, last: 13 };
    const v = { first: 10, last: 12 };
    const target = targetRange(v, 1, n); // 9..15
    const seen: BlockRange[] = [];
    for (let i = 0; i < 10; i++) {
      const next = idleStep(r, target, v, 1, n);
      if (next === r) break;
      seen.push(next);
      r = next;
    }
    expect(seen).toEqual([
      { first: 9, last: 14 },
      { first: 9, last: 15 },
    ]);
    // nothing left to do: the same object back
    expect(idleStep(r, target, v, 1, n)).toBe(r);
    // scrolled on: blocks more than `keep` behind the view go
    const later = { first: 20, last: 22 };
    const step = idleStep({ first: 9, last: 22 }, targetRange(later, 1, n), later, 1, n);
    expect(step.first).toBe(20 - OVERSCAN.keep);
    expect(step.last).toBe(23);
  });

  it('lists a range’s blocks', () => {
    expect(rangeBlocks({ first: 3, last: 5 })).toEqual([3, 4, 5]);
    expect(rangeBlocks({ first: 0, last: -1 })).toEqual([]);
  });

  it('whatever the scroll, the mounted range covers the view and stays small', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 700_000 }),
        fc.integer({ min: 50, max: 1200 }),
        fc.integer({ min: 0, max: 3000 }),
        (rowCount, scrollTop, view, from) => {
          const n = blockCount(rowCount);
          const before = mountNow({ first: 0, last: -1 }, visibleBlocks(from * RH, view, RH, rowCount), n);
          const v = visibleBlocks(scrollTop, view, RH, rowCount);
          let r = mountNow(before, v, n);
          expect(covers(r, v)).toBe(true);
          // idle steps never uncover the view and settle on the target
          for (let i = 0; i < 50; i++) {
            const next = idleStep(r, targetRange(v, 1, n), v, 1, n);
            expect(covers(next, v)).toBe(true);
            if (next === r) break;
            r = next;
          }
          if (n > 0) {
            expect(r.first).toBeGreaterThanOrEqual(0);
            expect(r.last).toBeLessThan(n);
            expect(r.last - r.first + 1).toBeLessThanOrEqual(v.last - v.first + 1 + 2 * OVERSCAN.keep);
          }
        },
      ),
    );
  });

  it('a short list is drawn whole in idle time and kept, a long one only near the view', () => {
    const n = blockCount(143);
    const o = overscanFor(143);
    const v = visibleBlocks(0, 748, RH, 143);
    let r = v;
    for (let i = 0; i < 100; i++) {
      const next = idleStep(r, targetRange(v, 1, n, o), v, 1, n, o);
      if (next === r) break;
      r = next;
    }
    expect(r).toEqual({ first: 0, last: n - 1 });
    // scrolled to the end, nothing is dropped
    const end = visibleBlocks(1e9, 748, RH, 143);
    expect(idleStep(r, targetRange(end, 1, n, o), end, 1, n, o)).toBe(r);
    expect(overscanFor(10_006)).toEqual(OVERSCAN);
  });
});

describe('the grid\'s tab stop', () => {
  const rows = 10_000;
  it('is the row last focused while its block is mounted', () => {
    expect(tabStopRow(3, { first: 0, last: 3 }, 0, RH, rows)).toBe(3);
    expect(tabStopRow(40, { first: 2, last: 6 }, 2 * BLOCK_PX, RH, rows)).toBe(40);
  });
  it('after a long scroll (the focused row\'s block gone), is the first row in view', () => {
    // scrolled to row 5000: block 625 and its neighbours are mounted, row 0's block is not
    const mounted = { first: 624, last: 627 };
    expect(tabStopRow(0, mounted, 5000 * RH, RH, rows)).toBe(5000);
    // a row cut at the top edge is not the first in view
    expect(tabStopRow(0, mounted, 5000 * RH + 5, RH, rows)).toBe(5001);
  });
  it('is always a mounted row, even when the scroll position is one event ahead of the blocks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000 }), fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 800_000 }), fc.integer({ min: 0, max: 40 }), (n, focus, top, span) => {
        const count = blockCount(n);
        const first = Math.min(count - 1, blockOfRow(Math.floor(top / RH)));
        const mounted = { first, last: Math.min(count - 1, first + span) };
        const stop = tabStopRow(focus, mounted, top + 3000, RH, n);
        const b = blockOfRow(stop);
        return stop >= 0 && stop < n && b >= mounted.first && b <= mounted.last;
      }),
    );
  });
  it('no rows, no tab stop', () => {
    expect(tabStopRow(0, { first: 0, last: -1 }, 0, RH, 0)).toBe(-1);
  });
  it('the first row in view and whether a row is wholly in view', () => {
    expect(firstRowInView(0, RH, rows)).toBe(0);
    expect(firstRowInView(RH * 10, RH, rows)).toBe(10);
    expect(firstRowInView(RH * 10 + 1, RH, rows)).toBe(11);
    expect(firstRowInView(RH * 1e6, RH, rows)).toBe(rows - 1);
    expect(rowInView(10, RH * 10, RH * 5, RH)).toBe(true);
    expect(rowInView(14, RH * 10, RH * 5, RH)).toBe(true);
    expect(rowInView(15, RH * 10, RH * 5, RH)).toBe(false);
    expect(rowInView(9, RH * 10, RH * 5, RH)).toBe(false);
  });
});
