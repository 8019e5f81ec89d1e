// The row under the pointer (or the focused row) for the tooltip and the hover bands,
// kept outside React state of the chart: moving the pointer re-renders the tooltip and
// the two bands, never the chart and its blocks.
import { useSyncExternalStore } from 'react';
import type { TooltipState } from './GanttTooltip';

export interface TipStore {
  get(): TooltipState | null;
  set(tip: TooltipState | null): void;
  subscribe(listener: () => void): () => void;
}

export function createTipStore(): TipStore {
  let tip: TooltipState | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => tip,
    set(next) {
      if (next === tip || (next === null && tip === null)) return;
      tip = next;
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useTip(store: TipStore): TooltipState | null {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
