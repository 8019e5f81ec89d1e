// The mounted blocks of the screen Gantt, from the scroller's scrollTop (block-window.ts
// does the maths). A scroll that stays inside the mounted range does no React work at
// all; blocks ahead of the scroll are added one at a time in idle time
// (requestIdleCallback, else a short timeout), so the scroll frame itself stays free.
// Only a jump out of the mounted range renders at once (flushSync, in the scroll event,
// so the frame that shows the new position has its rows).
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { blockCount, idleStep, mountNow, overscanFor, sameRange, targetRange, visibleBlocks, type BlockRange } from './block-window';

interface IdleDeadlineLike {
  timeRemaining(): number;
}

type Cancel = () => void;

/** requestIdleCallback where there is one (Chromium), else a timeout (jsdom, Safari) */
function whenIdle(run: (d: IdleDeadlineLike) => void): Cancel {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(run, { timeout: 300 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(() => run({ timeRemaining: () => 8 }), 16);
  return () => window.clearTimeout(id);
}

/** keep an idle step for a period with at least this much room left (one block is ~1–2 ms) */
const IDLE_MIN_MS = 4;

export interface BlockWindowOptions {
  scroller: RefObject<HTMLElement | null>;
  rowCount: number;
  rowHeight: number;
  /** height of the rows' part of the view (the scroller less its sticky header) */
  viewHeight: number;
  /** called on every scroll event, after the window is updated */
  onScroll?: (el: HTMLElement) => void;
}

export interface BlockWindow {
  range: BlockRange;
  /** after a scroll made by code (keyboard, focus): mount what is now in view, at once
   * (flushSync; pass false inside a layout effect, where React renders before paint anyway) */
  sync: (now?: boolean) => void;
}

export function useBlockWindow({ scroller, rowCount, rowHeight, viewHeight, onScroll }: BlockWindowOptions): BlockWindow {
  const n = blockCount(rowCount);
  // first render: the blocks in view and no more (the rest comes in idle time)
  const [range, setRangeState] = useState<BlockRange>(() => visibleBlocks(0, viewHeight, rowHeight, rowCount));
  const rangeRef = useRef(range);
  const lastTop = useRef(0);
  const direction = useRef(0);
  const cancelIdle = useRef<Cancel | null>(null);
  // the latest inputs, for the listeners (which are attached once)
  const input = useRef({ rowCount, rowHeight, viewHeight, onScroll });
  input.current = { rowCount, rowHeight, viewHeight, onScroll };

  const setRange = useCallback((next: BlockRange, now: boolean) => {
    if (sameRange(next, rangeRef.current)) return;
    rangeRef.current = next;
    if (now) flushSync(() => setRangeState(next));
    else setRangeState(next);
  }, []);

  // from the last scrollTop seen (scroll events and sync() read it): reading the DOM here
  // would force a layout in the middle of a render
  const visible = useCallback((): BlockRange => {
    const { rowCount: rc, rowHeight: rh, viewHeight: vh } = input.current;
    return visibleBlocks(lastTop.current, vh, rh, rc);
  }, []);

  const idle = useCallback(
    (d: IdleDeadlineLike): void => {
      cancelIdle.current = null;
      const count = blockCount(input.current.rowCount);
      // one block per step, as many steps as the idle period holds
      for (;;) {
        const v = visible();
        const o = overscanFor(input.current.rowCount);
        const next = idleStep(rangeRef.current, targetRange(v, direction.current, count, o), v, direction.current, count, o);
        if (next === rangeRef.current) return;
        setRange(next, true);
        if (d.timeRemaining() < IDLE_MIN_MS) break;
        // lay the new block out now, in idle time, rather than in the next scroll frame
        void scroller.current?.offsetHeight;
      }
      cancelIdle.current = whenIdle(idle);
    },
    [scroller, visible, setRange],
  );

  const schedule = useCallback(() => {
    if (!cancelIdle.current) cancelIdle.current = whenIdle(idle);
  }, [idle]);

  const sync = useCallback((now = true) => {
    const el = scroller.current;
    if (!el) return;
    const top = el.scrollTop;
    if (top !== lastTop.current) direction.current = top > lastTop.current ? 1 : -1;
    lastTop.current = top;
    setRange(mountNow(rangeRef.current, visible(), blockCount(input.current.rowCount)), now);
    schedule();
  }, [scroller, visible, setRange, schedule]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const listener = (): void => {
      sync(true);
      input.current.onScroll?.(el);
    };
    el.addEventListener('scroll', listener, { passive: true });
    schedule();
    return () => {
      el.removeEventListener('scroll', listener);
      cancelIdle.current?.();
      cancelIdle.current = null;
    };
  }, [scroller, sync, schedule]);

  // fewer or more rows (a fold, an expand), another row height or view height: the
  // mounted range is clipped to the rows and made to cover the view, before paint
  useLayoutEffect(() => {
    const v = visible();
    const clipped: BlockRange = n === 0 ? { first: 0, last: -1 } : { first: Math.min(rangeRef.current.first, n - 1), last: Math.min(rangeRef.current.last, n - 1) };
    const next = mountNow(clipped, v, n);
    if (!sameRange(next, rangeRef.current)) {
      rangeRef.current = next;
      setRangeState(next);
    }
    schedule();
  }, [n, rowHeight, viewHeight, visible, schedule]);

  return { range, sync };
}
