// The register's data, in two steps when the plan is large:
//   1. the first answer (`register.first`, taken from the request start-register.ts sent before
//      React rendered): the first window of rows in the default order and the whole plan's
//      header, light counts and totals, computed on the server; or the whole register of a
//      small plan, which is then all there is to load;
//   2. after the frame that shows that window is painted, every row (`register.columns`, the
//      slim rows' compact form), for scrolling, sorting and search.
// Any later load (a reload after an import, another plan, coming back from a project page)
// asks for every row at once, as before.
// Then what the table shows, derived in stages so that each change redoes only its own stage:
//   data load → search index (built once, in idle slices after the first paint, or at once
//               when a search comes first)
//   data + sort → sorted order (a keystroke never re-sorts)
//   sorted order + filter → shown rows, the projects the search opened, and the totals (one pass)
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiError } from '../../domain/api/errors';
import type { RegisterRow, RegisterRows } from '../../domain/api/register';
import { unpackRegisterRows, type RegisterColumns } from '../../domain/api/register-columns';
import type { RegisterFirst } from '../../domain/api/register-first';
import type { TrafficLight } from '../../domain/facts/traffic-light';
import { send } from '../api-client';
import { toApiError, type ApiState } from '../components/use-api';
import { takeStartedRegister } from '../start-register';
import { afterPaint } from './after-paint';
import { lightCounts, type RegisterTotals } from '../../domain/register-totals';
import { filterSorted, sortOrder, type FilteredRows, type RegisterFilter, type SortState } from './register-table';
import { SearchIndexBuilder } from './search-index';

/** What the page shows of a large plan while its rows are still coming (the first answer's). */
export interface FirstWindow {
  summary: Omit<RegisterRows, 'projects'>;
  /** the first rows of the default order (序号 ascending) */
  rows: readonly RegisterRow[];
  /** how many projects the plan has */
  projectCount: number;
  totals: RegisterTotals;
  lightCounts: Record<TrafficLight, number>;
}

export interface RegisterLoad extends ApiState<RegisterRows> {
  /** the first window while every row is still coming (null once they are here, or when there is none) */
  first: FirstWindow | null;
  /** the plan's header (title, totals, categories, towns): from every row, or from the first window */
  head: Omit<RegisterRows, 'projects'> | null;
  /** how many projects the plan has, also before every row is here */
  projectCount: number;
  /** how many projects have each light, for the light filter's option labels */
  lightCounts: Record<TrafficLight, number>;
}

export interface RegisterLoadOptions {
  /**
   * Whether a large plan's first window may be shown while its rows come: only when the page
   * opens on the default view (unfiltered, 序号 ascending), the order the window is in.
   */
  showFirstWindow: boolean;
}

interface Load {
  first: RegisterFirst | null;
  columns: RegisterColumns | null;
  error: ApiError | null;
  loading: boolean;
}

/** the register's rows in a compact answer (the first answer's extra fields left out) */
function unpacked({ plan, totalInvestmentYuan, siteCount, categories, towns, rows }: RegisterColumns): RegisterRows {
  return unpackRegisterRows({ plan, totalInvestmentYuan, siteCount, categories, towns, rows });
}

type Row = RegisterRows['projects'][number];

const NO_ROWS: readonly Row[] = [];

export function useRegisterRows(planId: number | undefined, { showFirstWindow }: RegisterLoadOptions = { showFirstWindow: true }): RegisterLoad {
  const key = JSON.stringify(planId === undefined ? {} : { planId });
  // taken once, on the first render: later loads ask for every row
  const [early] = useState(() => {
    const answer = takeStartedRegister(planId === undefined ? {} : { planId });
    return answer ? { key, answer } : null;
  });
  const [load, setLoad] = useState<Load>(() => {
    const first = early?.answer.value ?? null;
    return { first, columns: null, error: null, loading: first?.complete !== true };
  });
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (!early || early.answer.value !== undefined) return;
    let live = true;
    early.answer.promise.then(
      (first) => live && setLoad((l) => (l.columns === null ? { ...l, first, loading: !first.complete } : l)),
      (e: unknown) => live && setLoad((l) => (l.columns === null ? { ...l, error: toApiError(e), loading: false } : l)),
    );
    return () => {
      live = false;
    };
  }, [early]);

  // the first answer stands for this load: wait for it, and it may be all there is. Once every
  // row has come (or failed) `first` is null again, so waitFirst or firstIsAll holds and the
  // effect below, run again for its changed inputs, asks nothing twice.
  const firstLoad = early !== null && early.key === key && tick === 0;
  const waitFirst = firstLoad && load.first === null && load.error === null;
  const firstIsAll = firstLoad && (load.first?.complete === true || (load.first === null && load.error !== null));
  const afterFirst = firstLoad && load.first !== null && !load.first.complete;
  useEffect(() => {
    if (waitFirst || firstIsAll) return;
    let live = true;
    const fetchAll = () => {
      setLoad((l) => (l.loading ? l : { ...l, loading: true }));
      send('register.columns', planId === undefined ? {} : { planId }).then(
        (columns) => live && setLoad({ first: null, columns, error: null, loading: false }),
        (e: unknown) => live && setLoad({ first: null, columns: null, error: toApiError(e), loading: false }),
      );
    };
    if (!afterFirst) {
      fetchAll();
      return () => {
        live = false;
      };
    }
    // after the frame that shows the first window: its parse and unpacking must not delay that frame
    const cancel = afterPaint(fetchAll);
    return () => {
      live = false;
      cancel();
    };
  }, [planId, tick, waitFirst, firstIsAll, afterFirst]);

  const { first, columns } = load;
  const data = useMemo(() => {
    if (columns !== null) return unpacked(columns);
    return first?.complete ? unpacked(first) : null;
  }, [columns, first]);
  const firstWindow = useMemo((): FirstWindow | null => {
    if (!showFirstWindow || data !== null || first === null || first.complete) return null;
    const { projects, ...summary } = unpacked(first);
    return { summary, rows: projects, projectCount: first.projectCount, totals: first.totals, lightCounts: first.lightCounts };
  }, [showFirstWindow, data, first]);
  const counts = useMemo(() => firstWindow?.lightCounts ?? lightCounts(data?.projects ?? NO_ROWS), [data, firstWindow]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return {
    data,
    error: load.error,
    loading: load.loading,
    reload,
    first: firstWindow,
    head: data ?? firstWindow?.summary ?? null,
    projectCount: data?.projects.length ?? firstWindow?.projectCount ?? 0,
    lightCounts: counts,
  };
}

const NONE_OPENED: ReadonlySet<number> = new Set();

/** rows indexed per idle slice: a few milliseconds of work */
const SLICE = 250;

export interface ShownRows extends Omit<FilteredRows<Row>, 'opened'> {
  opened: ReadonlySet<number>;
  /** finishes the search index (call when the search box gets the focus) */
  prepareSearch: () => void;
}

/**
 * The rows shown for a filter and a sort. While only the first window is here (`first`), it is
 * shown as it came, with the plan's totals: a filter typed meanwhile applies when every row is here.
 */
export function useShownRows(data: RegisterRows | null, filter: RegisterFilter, sort: SortState, first: FirstWindow | null = null): ShownRows {
  const projects = data?.projects ?? NO_ROWS;
  const builder = useMemo(() => new SearchIndexBuilder(projects), [projects]);
  useEffect(() => {
    if (builder.done) return;
    // built while nobody types, so the first keystroke finds it ready
    const idle = window.requestIdleCallback?.bind(window) ?? ((f: IdleRequestCallback) => window.setTimeout(() => f({ didTimeout: false, timeRemaining: () => 5 }), 20));
    const cancel = window.cancelIdleCallback?.bind(window) ?? window.clearTimeout.bind(window);
    let handle = 0;
    const work = (deadline: IdleDeadline) => {
      while (!builder.done && deadline.timeRemaining() > 2) builder.step(SLICE);
      if (!builder.done) handle = idle(work);
    };
    handle = idle(work);
    return () => cancel(handle);
  }, [builder]);
  const order = useMemo(() => sortOrder(projects, sort), [projects, sort]);
  const index = useCallback(() => builder.index(), [builder]);
  const shown = useMemo(() => filterSorted(projects, order, filter, index), [projects, order, filter, index]);
  // the search box got the focus: typing follows, so finish the index now rather than on the first key
  const prepareSearch = useCallback(() => void builder.index(), [builder]);
  return useMemo(() => {
    if (data === null && first !== null) return { rows: [...first.rows], opened: NONE_OPENED, totals: first.totals, prepareSearch };
    return { ...shown, prepareSearch };
  }, [data, first, shown, prepareSearch]);
}
