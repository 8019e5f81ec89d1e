// What the Gantt screen keeps for the session: grouping and zoom (also in the URL, so a
// link shows the same view), and expanded projects, folded groups and the scroll
// position (sessionStorage, per plan). Pure parsing apart from the storage helpers.
import { isGroupBy, type GroupBy } from './rows';
import type { ZoomId } from './zoom-levels';

export type ZoomChoice = ZoomId | 'fit';
export const ZOOM_CHOICES: readonly ZoomChoice[] = ['year', 'quarter', 'month', 'fit'];

export function isZoomChoice(s: string | null): s is ZoomChoice {
  return (ZOOM_CHOICES as readonly (string | null)[]).includes(s);
}

export interface GanttQuery {
  group?: GroupBy;
  zoom?: ZoomChoice;
}

export function parseGanttQuery(params: URLSearchParams): GanttQuery {
  const group = params.get('group');
  const zoom = params.get('zoom');
  return { ...(isGroupBy(group) ? { group } : {}), ...(isZoomChoice(zoom) ? { zoom } : {}) };
}

export function ganttHash(planId: number | undefined, group: GroupBy, zoom: ZoomChoice): string {
  const q = new URLSearchParams();
  if (planId !== undefined) q.set('plan', String(planId));
  q.set('group', group);
  q.set('zoom', zoom);
  return `#/gantt?${q.toString()}`;
}

export interface GanttViewState {
  expanded: number[];
  collapsed: string[];
  scrollTop: number;
  scrollLeft: number;
}

const EMPTY: GanttViewState = { expanded: [], collapsed: [], scrollTop: 0, scrollLeft: 0 };
export const CHOICE_KEY = 'gantt.choice';

export function viewKey(planId: number | undefined): string {
  return `gantt.view:${planId ?? 'current'}`;
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0;
}

export function parseViewState(raw: string | null): GanttViewState {
  if (!raw) return EMPTY;
  try {
    const o: unknown = JSON.parse(raw);
    if (typeof o !== 'object' || o === null) return EMPTY;
    const expanded: unknown = Reflect.get(o, 'expanded');
    const collapsed: unknown = Reflect.get(o, 'collapsed');
    return {
      expanded: Array.isArray(expanded) ? expanded.filter((x): x is number => Number.isInteger(x)) : [],
      collapsed: Array.isArray(collapsed) ? collapsed.filter((x): x is string => typeof x === 'string') : [],
      scrollTop: num(Reflect.get(o, 'scrollTop')),
      scrollLeft: num(Reflect.get(o, 'scrollLeft')),
    };
  } catch {
    return EMPTY;
  }
}

export function loadViewState(storage: Pick<Storage, 'getItem'> | undefined, key: string): GanttViewState {
  try {
    return parseViewState(storage?.getItem(key) ?? null);
  } catch {
    return EMPTY;
  }
}

export function saveJson(storage: Pick<Storage, 'setItem'> | undefined, key: string, value: unknown): void {
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch {
    // storage disabled: the view is simply not remembered
  }
}

export function loadChoice(storage: Pick<Storage, 'getItem'> | undefined): GanttQuery {
  try {
    const raw = storage?.getItem(CHOICE_KEY);
    if (!raw) return {};
    const o: unknown = JSON.parse(raw);
    if (typeof o !== 'object' || o === null) return {};
    const group: unknown = Reflect.get(o, 'group');
    const zoom: unknown = Reflect.get(o, 'zoom');
    const g = typeof group === 'string' ? group : null;
    const z = typeof zoom === 'string' ? zoom : null;
    return { ...(isGroupBy(g) ? { group: g } : {}), ...(isZoomChoice(z) ? { zoom: z } : {}) };
  } catch {
    return {};
  }
}
