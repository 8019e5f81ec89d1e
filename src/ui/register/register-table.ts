// Pure logic of the register table: filtering and sorting (its totals: domain/register-totals.ts).
// At 10,000 projects a keystroke must not re-sort or re-normalise: the page sorts once per
// data load and sort (sortOrder), and each filter change is one pass over that order
// (filterSorted) against the search index built once per data load (search-index.ts).
import type { RegisterRow } from '../../domain/api/register';
import { TRAFFIC_LIGHTS, type TrafficLight } from '../../domain/facts/traffic-light';
import { addToTotals, noTotals, type RegisterTotals } from '../../domain/register-totals';
import { buildSearchIndex, hitOf, normalise, type SearchIndex } from './search-index';

export type SortKey = 'seq' | 'name' | 'category' | 'nature' | 'location' | 'investment' | 'window' | 'remark' | 'light' | 'percent';
export interface SortState {
  key: SortKey;
  dir: 'asc' | 'desc';
}

export interface RegisterFilter {
  text: string;
  category: string;
  town: string;
  /** '' for every light */
  light: TrafficLight | '';
}

export const EMPTY_FILTER: RegisterFilter = { text: '', category: '', town: '', light: '' };

export function isFiltered(f: RegisterFilter): boolean {
  return f.text !== '' || f.category !== '' || f.town !== '' || f.light !== '';
}

export function asLightFilter(value: string): TrafficLight | '' {
  return TRAFFIC_LIGHTS.find((l) => l === value) ?? '';
}

/** true when the (normalised) search text is in `value` */
export function textHit(value: string, text: string): boolean {
  const needle = normalise(text);
  return needle !== '' && normalise(value).includes(needle);
}

/** the site rows the search text finds (indexes into row.siteTexts), limited to the filtered town */
export function siteHits(row: Pick<RegisterRow, 'siteTexts'>, text: string): number[] {
  return row.siteTexts.flatMap((t, i) => (textHit(t, text) ? [i] : []));
}

/** the category, town and light parts of a filter (the text part goes through the index) */
function passesLists(row: RegisterRow, f: RegisterFilter): boolean {
  if (f.category && row.category !== f.category) return false;
  if (f.town && !row.towns.includes(f.town)) return false;
  return !f.light || row.facts.light === f.light;
}

/** One row against a filter (tests, one-off checks; the page filters in one pass, filterSorted). */
export function matchesFilter(row: RegisterRow, f: RegisterFilter): boolean {
  if (!passesLists(row, f)) return false;
  const needle = normalise(f.text);
  return needle === '' || hitOf(buildSearchIndex([row]), 0, needle) !== 'none';
}

/**
 * Projects to open because the search hit is hidden in their site list (e.g. a village),
 * not in what the row shows in full (序号, name, category…).
 */
export function autoExpanded(rows: readonly RegisterRow[], text: string): Set<number> {
  const needle = normalise(text);
  if (needle === '') return new Set();
  const index = buildSearchIndex(rows);
  return new Set(rows.filter((_, i) => hitOf(index, i, needle) === 'sites').map((r) => r.id));
}

/** The ordered, filtered project ids the register shows: 上一个/下一个 on the project page follow it. */
export function registerOrder(projects: readonly RegisterRow[], filter: RegisterFilter, sort: SortState): number[] {
  return sortRows(projects.filter((r) => matchesFilter(r, filter)), sort).map((r) => r.id);
}

// made on first use: building a Collator loads ICU's collation data (10–20 ms), which the
// register's first paint (in plan order) does not need
let zhCollator: Intl.Collator | undefined;
const collator = (): Intl.Collator => (zhCollator ??= new Intl.Collator('zh-Hans-CN', { numeric: true }));

/**
 * Each value's rank in collation order (equal-collating values share a rank): the distinct
 * values are sorted once, so sorting 10,000 rows by category compares 6 strings, not 130,000 pairs.
 */
function collationRanks(values: readonly string[]): Float64Array {
  const compare = collator().compare;
  const distinct = [...new Set(values)].sort(compare);
  const rankOf = new Map<string, number>();
  let rank = 0;
  distinct.forEach((v, i) => {
    if (i > 0 && compare(distinct[i - 1] ?? '', v) !== 0) rank++;
    rankOf.set(v, rank);
  });
  return Float64Array.from(values, (v) => rankOf.get(v) ?? 0);
}

type Sortable = Pick<RegisterRow, 'seq' | 'name' | 'category' | 'nature' | 'locationText' | 'remark' | 'investmentYuan' | 'startYear' | 'endYear'> & {
  facts: Pick<RegisterRow['facts'], 'light' | 'percent'>;
};

/** one number per row whose order is the column's order */
function sortKeys(rows: readonly Sortable[], key: SortKey): Float64Array {
  switch (key) {
    case 'seq':
      return Float64Array.from(rows, (r) => r.seq);
    case 'investment':
      return Float64Array.from(rows, (r) => r.investmentYuan);
    case 'window':
      return Float64Array.from(rows, (r) => r.startYear * 10_000 + r.endYear);
    case 'name':
      return collationRanks(rows.map((r) => r.name));
    case 'category':
      return collationRanks(rows.map((r) => r.category));
    case 'nature':
      return collationRanks(rows.map((r) => r.nature));
    case 'location':
      return collationRanks(rows.map((r) => r.locationText));
    case 'remark':
      return collationRanks(rows.map((r) => r.remark));
    case 'light':
      // worst first: red, yellow, green, done, grey (TRAFFIC_LIGHTS order)
      return Float64Array.from(rows, (r) => TRAFFIC_LIGHTS.indexOf(r.facts.light));
    case 'percent':
      // never reported sorts below 0 %
      return Float64Array.from(rows, (r) => r.facts.percent ?? -1);
  }
}

/**
 * The rows' positions in the sorted order. Ties fall back to 序号 (always ascending), then to
 * the input order, so the order is always predictable.
 */
export function sortOrder(rows: readonly Sortable[], sort: SortState): Uint32Array {
  // the backend sends the plan in 序号 order: the default view needs no sort at all
  if (sort.key === 'seq' && sort.dir === 'asc' && rows.every((r, i) => i === 0 || (rows[i - 1]?.seq ?? 0) < r.seq)) {
    return Uint32Array.from(rows, (_, i) => i);
  }
  const keys = sortKeys(rows, sort.key);
  const seqs = Float64Array.from(rows, (r) => r.seq);
  const sign = sort.dir === 'asc' ? 1 : -1;
  const order = Array.from(rows, (_, i) => i);
  order.sort((a, b) => sign * ((keys[a] ?? 0) - (keys[b] ?? 0)) || (seqs[a] ?? 0) - (seqs[b] ?? 0) || a - b);
  return Uint32Array.from(order);
}

/** Stable sort; ties fall back to 序号 so the order is always predictable. */
export function sortRows<R extends Sortable>(rows: readonly R[], sort: SortState): R[] {
  return Array.from(sortOrder(rows, sort), (i) => rows[i] as R);
}

export function nextSort(current: SortState, key: SortKey): SortState {
  return current.key === key ? { key, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' };
}

export interface FilteredRows<R> {
  /** the rows shown, in the sorted order */
  rows: R[];
  /** projects whose sites the search opened (the hit is in their site list) */
  opened: Set<number>;
  /** over every row shown, not only those drawn on screen */
  totals: RegisterTotals;
}

/**
 * One pass over the sorted order: the category, town and light tests, the search (one indexOf
 * per row, against `index()`, only asked for when there is search text), the projects the search
 * opens and the totals.
 */
export function filterSorted<R extends RegisterRow>(
  projects: readonly R[],
  order: ArrayLike<number>,
  f: RegisterFilter,
  index: () => SearchIndex,
): FilteredRows<R> {
  const needle = normalise(f.text);
  const idx = needle === '' ? null : index();
  const rows: R[] = [];
  const opened = new Set<number>();
  const t = noTotals();
  for (let k = 0; k < order.length; k++) {
    const i = order[k] ?? 0;
    const r = projects[i];
    if (r === undefined || !passesLists(r, f)) continue;
    if (idx) {
      const hit = hitOf(idx, i, needle);
      if (hit === 'none') continue;
      if (hit === 'sites') opened.add(r.id);
    }
    rows.push(r);
    addToTotals(t, r, f.town);
  }
  return { rows, opened, totals: t };
}
