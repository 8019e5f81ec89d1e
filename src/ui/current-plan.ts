// The plan being looked at, carried between views: every plan-aware page remembers the
// plan it shows (the register's plan picker changes it), and the top bar's links, the
// desktop menu and the Gantt's print link follow it with ?plan=ID.
import { useSyncExternalStore } from 'react';

const KEY = 'tracker.planId';
const listeners = new Set<() => void>();

export function rememberedPlan(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): number | undefined {
  try {
    const n = Number(storage?.getItem(KEY));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

export function rememberPlan(planId: number, storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage): void {
  if (rememberedPlan(storage) === planId) return;
  try {
    storage?.setItem(KEY, String(planId));
  } catch {
    // storage disabled: links then show the first plan, as before
  }
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The remembered plan, re-rendering when a page remembers another. */
export function useRememberedPlan(): number | undefined {
  return useSyncExternalStore(subscribe, () => rememberedPlan());
}

/** '#/gantt' + plan 2 -> '#/gantt?plan=2'; keeps any query already there. */
export function withPlan(hash: string, planId: number | undefined): string {
  if (planId === undefined) return hash;
  return `${hash}${hash.includes('?') ? '&' : '?'}plan=${planId}`;
}
