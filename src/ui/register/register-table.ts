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

export function matchesFilter(row: ProjectRow, f: RegisterFilter): boolean {
  if (f.category && row.category !== f.category) return false;
  if (f.town && !row.towns.includes(f.town)) return false;
  if (f.light && row.facts.light !== f.light) return false;
  const needle = normalise(f.text);
  if (!needle) return true;
  const hay = normalise([String(row.seq), row.name, row.category, row.nature, row.locationText, row.scaleText, row.remark, row.owner].join('|'));
  return hay.includes(needle);
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
  investmentYuan: number;
  siteCount: number;
  completedInvestmentYuan: number;
}

export function totals(rows: ProjectRow[]): RegisterTotals {
  return rows.reduce(
    (t, r) => ({
      count: t.count + 1,
      investmentYuan: t.investmentYuan + r.investmentYuan,
      siteCount: t.siteCount + r.siteCount,
      completedInvestmentYuan: t.completedInvestmentYuan + r.facts.completedInvestmentYuan,
    }),
    { count: 0, investmentYuan: 0, siteCount: 0, completedInvestmentYuan: 0 },
  );
}

/** how many rows have each light, for the filter's option labels */
export function lightCounts(rows: readonly ProjectRow[]): Record<TrafficLight, number> {
  const counts: Record<TrafficLight, number> = { red: 0, yellow: 0, green: 0, done: 0, grey: 0 };
  for (const r of rows) counts[r.facts.light]++;
  return counts;
}
