// Find-in-page behind one small interface: in Electron, Chromium's own find (via the
// preload's desktop.findInPage); in a browser, the text nodes of the page searched here
// and marked with the CSS Custom Highlight API (no selection or focus is moved, so the
// find bar keeps the keyboard). The bar itself is never searched.
import type { DesktopShell, FindInPageResult } from '../../domain/desktop-bridge';
import { unwrapBridgeResult } from '../desktop-api';

export const FIND_BAR_ATTR = 'data-find-bar';
const ALL = 'find-hit';
const ACTIVE = 'find-hit-active';

export interface Finder {
  /** findNext: the next (or, !forward, previous) match of the same text */
  find(text: string, forward: boolean, findNext: boolean): Promise<FindInPageResult>;
  stop(): void;
}

/** Every case-insensitive occurrence of `text` in the text nodes under `root`, outside the find bar. */
export function findRanges(root: Node, text: string): Range[] {
  if (text === '') return [];
  const needle = text.toLowerCase();
  const doc = root.ownerDocument ?? document;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => {
      const parent = node.parentElement;
      if (!parent || parent.closest(`[${FIND_BAR_ATTR}], script, style, noscript`)) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  const ranges: Range[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const hay = (node.textContent ?? '').toLowerCase();
    for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) {
      const r = doc.createRange();
      r.setStart(node, at);
      r.setEnd(node, at + needle.length);
      ranges.push(r);
    }
  }
  return ranges;
}

export function browserFinder(root: () => Node = () => document.body): Finder {
  let ranges: Range[] = [];
  let active = -1;
  const paint = () => {
    if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight === 'undefined') return;
    CSS.highlights.set(ALL, new Highlight(...ranges));
    const current = ranges[active];
    if (current) CSS.highlights.set(ACTIVE, new Highlight(current));
    else CSS.highlights.delete(ACTIVE);
  };
  return {
    async find(text, forward, findNext) {
      if (!findNext || ranges.length === 0) {
        ranges = findRanges(root(), text);
        active = ranges.length > 0 ? 0 : -1;
      } else {
        active = (active + (forward ? 1 : -1) + ranges.length) % ranges.length;
      }
      paint();
      ranges[active]?.startContainer.parentElement?.scrollIntoView?.({ block: 'center' });
      return { matches: ranges.length, active: active + 1 };
    },
    stop() {
      ranges = [];
      active = -1;
      if (typeof CSS !== 'undefined' && 'highlights' in CSS) {
        CSS.highlights.delete(ALL);
        CSS.highlights.delete(ACTIVE);
      }
    },
  };
}

export function electronFinder(desktop: Pick<DesktopShell, 'findInPage'>): Finder {
  return {
    async find(text, forward, findNext) {
      return unwrapBridgeResult(await desktop.findInPage(text, { forward, findNext }));
    },
    stop() {
      void desktop.findInPage('');
    },
  };
}

export function defaultFinder(): Finder {
  return typeof window !== 'undefined' && window.desktop !== undefined ? electronFinder(window.desktop) : browserFinder();
}
