// The register's view state (filter, sort, expanded rows) kept for the session and in the URL,
// so coming back from a project shows the same thing and a link can be shared.
import { asLightFilter, EMPTY_FILTER, type RegisterFilter, type SortKey, type SortState } from './register-table';

/** sessionStorage key of the last register state ({ planId, filter, sort, expanded }) */
export const REGISTER_STATE_KEY = 'register.state';
/**
 * sessionStorage key of the register's current order: JSON { planId: number, ids: number[] },
 * the project ids in the order and filter shown. The project page's 上一个/下一个 read it.
 */
export const REGISTER_ORDER_KEY = 'register.order';

export interface RegisterViewState {
  filter: RegisterFilter;
  sort: SortState;
  expanded: number[];
}

export const DEFAULT_SORT: SortState = { key: 'seq', dir: 'asc' };

const SORT_KEYS: readonly SortKey[] = ['seq', 'name', 'category', 'nature', 'location', 'investment', 'window', 'remark', 'light', 'percent'];

export function parseSort(value: string | null): SortState | null {
  if (!value) return null;
  const [key, dir = 'asc'] = value.split('.');
  const k = SORT_KEYS.find((s) => s === key);
  if (!k || (dir !== 'asc' && dir !== 'desc')) return null;
  return { key: k, dir };
}

/** The view state a URL query asks for, or null when it names no filter or sort (then the session's applies). */
export function stateFromQuery(params: URLSearchParams): Pick<RegisterViewState, 'filter' | 'sort'> | null {
  const names = ['q', 'town', 'category', 'light', 'sort'];
  if (!names.some((n) => params.has(n))) return null;
  return {
    filter: {
      text: params.get('q') ?? '',
      town: params.get('town') ?? '',
      category: params.get('category') ?? '',
      light: asLightFilter(params.get('light') ?? ''),
    },
    sort: parseSort(params.get('sort')) ?? DEFAULT_SORT,
  };
}

/** '#/?plan=1&town=公平镇&q=…&sort=investment.desc': only what differs from the default view */
export function registerHash(planId: number | undefined, filter: RegisterFilter, sort: SortState): string {
  const p = new URLSearchParams();
  if (planId !== undefined) p.set('plan', String(planId));
  if (filter.town) p.set('town', filter.town);
  if (filter.category) p.set('category', filter.category);
  if (filter.light) p.set('light', filter.light);
  if (filter.text) p.set('q', filter.text);
  if (sort.key !== DEFAULT_SORT.key || sort.dir !== DEFAULT_SORT.dir) p.set('sort', `${sort.key}.${sort.dir}`);
  const q = p.toString();
  return q ? `#/?${q}` : '#/';
}

interface Stored extends RegisterViewState {
  planId: number | undefined;
}

function isStored(v: unknown): v is Stored {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Partial<Stored>; // narrowed field by field below
  return typeof o.filter === 'object' && o.filter !== null && typeof o.sort === 'object' && o.sort !== null && Array.isArray(o.expanded);
}

/** The session's state for this plan, cleaned of anything malformed. */
export function readSessionState(storage: Pick<Storage, 'getItem'>, planId: number | undefined): RegisterViewState | null {
  let v: unknown;
  try {
    v = JSON.parse(storage.getItem(REGISTER_STATE_KEY) ?? 'null');
  } catch {
    return null;
  }
  // a link naming another plan starts fresh; '#/' (no plan) takes the session's
  if (!isStored(v) || (planId !== undefined && v.planId !== planId)) return null;
  const f = v.filter;
  return {
    filter: {
      text: typeof f.text === 'string' ? f.text : '',
      town: typeof f.town === 'string' ? f.town : '',
      category: typeof f.category === 'string' ? f.category : '',
      light: asLightFilter(typeof f.light === 'string' ? f.light : ''),
    },
    sort: parseSort(`${String(v.sort.key)}.${String(v.sort.dir)}`) ?? DEFAULT_SORT,
    expanded: v.expanded.filter((n): n is number => Number.isInteger(n)),
  };
}

export function writeSessionState(
  storage: Pick<Storage, 'setItem'>,
  planId: number | undefined,
  state: RegisterViewState,
  order: readonly number[],
): void {
  try {
    storage.setItem(REGISTER_STATE_KEY, JSON.stringify({ planId, ...state } satisfies Stored));
    storage.setItem(REGISTER_ORDER_KEY, JSON.stringify({ planId: planId ?? null, ids: order }));
  } catch {
    // storage full or disabled: the register still works, it only forgets
  }
}

export const INITIAL_STATE: RegisterViewState = { filter: EMPTY_FILTER, sort: DEFAULT_SORT, expanded: [] };
