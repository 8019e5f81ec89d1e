// The register's data: loading (`register.columns`, the slim rows' compact form, taking the request main.tsx started
// before React rendered), then what the table shows, derived in stages so that each change
// redoes only its own stage:
//   data load → search index (built once, in idle slices after the first paint, or at once
//               when a search comes first)
//   data + sort → sorted order (a keystroke never re-sorts)
//   sorted order + filter → shown rows, the projects the search opened, and the totals (one pass)
import { useCallback, useEffect, useMemo } from 'react';
import type { RegisterRows } from '../../domain/api/register';
import { unpackRegisterRows } from '../../domain/api/register-columns';
import { useApi, type ApiState } from '../components/use-api';
import { takeStartedRegister } from '../start-register';
import { filterSorted, sortOrder, type FilteredRows, type RegisterFilter, type SortState } from './register-table';
import { SearchIndexBuilder } from './search-index';

export function useRegisterRows(planId: number | undefined): ApiState<RegisterRows> {
  // the compact wire form: half the bytes and half the JSON parse of register.rows at 10,000 rows
  const state = useApi('register.columns', planId === undefined ? {} : { planId }, { early: takeStartedRegister });
  const columns = state.data;
  const data = useMemo(() => (columns === null ? null : unpackRegisterRows(columns)), [columns]);
  return { ...state, data };
}

type Row = RegisterRows['projects'][number];

const NO_ROWS: readonly Row[] = [];

/** rows indexed per idle slice: a few milliseconds of work */
const SLICE = 250;

export interface ShownRows extends FilteredRows<Row> {
  /** finishes the search index (call when the search box gets the focus) */
  prepareSearch: () => void;
}

export function useShownRows(data: RegisterRows | null, filter: RegisterFilter, sort: SortState): ShownRows {
  const projects = data?.projects ?? NO_ROWS;
  const builder = useMemo(() => new SearchIndexBuilder(projects), [projects]);
  useEffect(() => {
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
  return { ...shown, prepareSearch };
}
