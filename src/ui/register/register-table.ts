// Pure logic of the register table: filtering, sorting and totals.
import type { ProjectRow } from '../../domain/api/register';
import { TRAFFIC_LIGHTS, type TrafficLight } from '../../domain/facts/traffic-light';

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

function normalise(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** true when the (normalised) search text is in `value` */
export function textHit(value: string, text: string): boolean {
  const needle = normalise(text);
  return needle !== '' && normalise(value).includes(needle);
}

/** the site rows the search text finds (indexes into row.siteTexts), limited to the filtered town */
export function siteHits(row: ProjectRow, text: string): number[] {
  return row.siteTexts.flatMap((t, i) => (textHit(t, text) ? [i] : []));
}

export function matchesFilter(row: ProjectRow, f: RegisterFilter): boolean {
  if (f.category && row.category !== f.category) return false;
  if (f.town && !row.towns.includes(f.town)) return false;
  if (f.light && row.facts.light !== f.light) return false;
  const needle = normalise(f.text);
  if (!needle) return true;
  const hay = normalise([String(row.seq), row.name, row.category, row.nature, row.locationText, row.scaleText, row.remark, row.owner].join('|'));
  return hay.includes(needle) || siteHits(row, f.text).length > 0;
}

/**
 * Projects to open because the search hit is hidden in their site list (e.g. a village),
 * not in what the row shows in full (序号, name, category…).
 */
export function autoExpanded(rows: readonly ProjectRow[], text: string): Set<number> {
  if (normalise(text) === '') return new Set();
  return new Set(
    rows
      .filter((r) => !textHit([String(r.seq), r.name, r.category, r.nature, r.remark, r.owner].join('|'), text))
      .filter((r) => siteHits(r, text).length > 0)
      .map((r) => r.id),
  );
}

/** The town's own share of a project (本镇分摊), never its whole investment. */
export function townShareOf(row: ProjectRow, town: string): number {
  return row.townShares.find((t) => t.town === town)?.shareYuan ?? 0;
}

/** The ordered, filtered project ids the register shows: 上一个/下一个 on the project page follow it. */
export function registerOrder(projects: readonly ProjectRow[], filter: RegisterFilter, sort: SortState): number[] {
  return sortRows(projects.filter((r) => matchesFilter(r, filter)), sort).map((r) => r.id);
}

const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });

function compare(a: ProjectRow, b: ProjectRow, key: SortKey): number {
  switch (key) {
    case 'seq':
      return a.seq - b.seq;
    case 'investment':
      return a.investmentYuan - b.investmentYuan;
    case 'window':
      return a.startYear - b.startYear || a.endYear - b.endYear;
    case 'name':
      return collator.compare(a.name, b.name);
    case 'category':
      return collator.compare(a.category, b.category);
    case 'nature':
      return collator.compare(a.nature, b.nature);
    case 'location':
      return collator.compare(a.locationText, b.locationText);
    case 'remark':
      return collator.compare(a.remark, b.remark);
    case 'light':
      // worst first: red, yellow, green, done, grey (TRAFFIC_LIGHTS order)
      return TRAFFIC_LIGHTS.indexOf(a.facts.light) - TRAFFIC_LIGHTS.indexOf(b.facts.light);
    case 'percent':
      // never reported sorts below 0 %
      return (a.facts.percent ?? -1) - (b.facts.percent ?? -1);
  }
}

/** Stable sort; ties fall back to 序号 so the order is always predictable. */
export function sortRows(rows: ProjectRow[], sort: SortState): ProjectRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * compare(a, b, sort.key) || a.seq - b.seq);
}

export function nextSort(current: SortState, key: SortKey): SortState {
  return current.key === key ? { key, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' };
}

export interface RegisterTotals {
  count: number;
  /** 涉及项目总投资: whole projects, even when only one of their sites is in the filtered town */
  investmentYuan: number;
  /** 本镇分摊: the filtered town's share (town-share.ts); equals investmentYuan without a town filter */
  shareYuan: number;
  siteCount: number;
  completedInvestmentYuan: number;
}

export function totals(rows: ProjectRow[], town = ''): RegisterTotals {
  return rows.reduce(
    (t, r) => ({
      count: t.count + 1,
      investmentYuan: t.investmentYuan + r.investmentYuan,
      shareYuan: t.shareYuan + (town ? townShareOf(r, town) : r.investmentYuan),
      siteCount: t.siteCount + (town ? (r.townShares.find((x) => x.town === town)?.siteCount ?? 0) : r.siteCount),
      completedInvestmentYuan: t.completedInvestmentYuan + r.facts.completedInvestmentYuan,
    }),
    { count: 0, investmentYuan: 0, shareYuan: 0, siteCount: 0, completedInvestmentYuan: 0 },
  );
}

/** how many rows have each light, for the filter's option labels */
export function lightCounts(rows: readonly ProjectRow[]): Record<TrafficLight, number> {
  const counts: Record<TrafficLight, number> = { red: 0, yellow: 0, green: 0, done: 0, grey: 0 };
  for (const r of rows) counts[r.facts.light]++;
  return counts;
}
