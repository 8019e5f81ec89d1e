// The register's totals row and the light filter's counts: one definition for the server
// (register.first sends them for a large plan before its rows) and the page (over the rows a
// filter leaves), so the two can never disagree on what a total counts.
import type { RegisterRow } from './api/register';
import type { TrafficLight } from './facts/traffic-light';

export interface RegisterTotals {
  count: number;
  /** 涉及项目总投资: whole projects, even when only one of their sites is in the filtered town */
  investmentYuan: number;
  /** 本镇分摊: the filtered town's share (town-share.ts); equals investmentYuan without a town filter */
  shareYuan: number;
  siteCount: number;
  completedInvestmentYuan: number;
}

export type TotalsRow = Pick<RegisterRow, 'investmentYuan' | 'townShares' | 'siteCount' | 'facts'>;

export function noTotals(): RegisterTotals {
  return { count: 0, investmentYuan: 0, shareYuan: 0, siteCount: 0, completedInvestmentYuan: 0 };
}

/** The town's own share of a project (本镇分摊), never its whole investment. */
export function townShareOf(row: Pick<RegisterRow, 'townShares'>, town: string): number {
  return row.townShares.find((t) => t.town === town)?.shareYuan ?? 0;
}

/** how many of the project's sites are in the town ('' for all of them) */
export function townSiteCount(row: Pick<RegisterRow, 'townShares' | 'siteCount'>, town: string): number {
  return town === '' ? row.siteCount : (row.townShares.find((t) => t.town === town)?.siteCount ?? 0);
}

/** Adds one project to the totals; `town` '' for no town filter. */
export function addToTotals(t: RegisterTotals, r: TotalsRow, town: string): void {
  t.count++;
  t.investmentYuan += r.investmentYuan;
  t.shareYuan += town ? townShareOf(r, town) : r.investmentYuan;
  t.siteCount += townSiteCount(r, town);
  t.completedInvestmentYuan += r.facts.completedInvestmentYuan;
}

export function totalsOf(rows: readonly TotalsRow[], town = ''): RegisterTotals {
  const t = noTotals();
  for (const r of rows) addToTotals(t, r, town);
  return t;
}

/** how many rows have each light, for the filter's option labels */
export function lightCounts(rows: readonly Pick<RegisterRow, 'facts'>[]): Record<TrafficLight, number> {
  const counts: Record<TrafficLight, number> = { red: 0, yellow: 0, green: 0, done: 0, grey: 0 };
  for (const r of rows) counts[r.facts.light]++;
  return counts;
}
