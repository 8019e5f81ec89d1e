// Totals per project, per source, per year and overall: pure, so the funding page,
// the dashboard, the workbook and the CLI all read the same figures.
import { figuresOf } from './rates';
import type { FundingAmount, FundingFigures } from './types';

export interface FundingTotals {
  total: FundingFigures;
  byProject: (FundingFigures & { projectId: number })[];
  bySource: (FundingFigures & { sourceId: number })[];
  byYear: (FundingFigures & { year: number })[];
}

function groupFigures<K extends number>(
  amounts: readonly FundingAmount[],
  keyOf: (a: FundingAmount) => K,
  order: readonly K[] | undefined,
): [K, FundingFigures][] {
  const groups = new Map<K, FundingAmount[]>();
  for (const k of order ?? []) groups.set(k, []);
  for (const a of amounts) {
    const k = keyOf(a);
    const list = groups.get(k);
    if (list) list.push(a);
    else groups.set(k, [a]);
  }
  const keys = order ? [...groups.keys()] : [...groups.keys()].sort((x, y) => x - y);
  return keys.map((k) => [k, figuresOf(groups.get(k) ?? [])]);
}

export interface TotalsOrder {
  projectIds?: readonly number[];
  sourceIds?: readonly number[];
  years?: readonly number[];
}

/**
 * Figures of a set of amounts. Keys listed in `order` appear (in that order, with zeros
 * when they have nothing); keys with amounts but not listed follow them.
 */
export function fundingTotals(amounts: readonly FundingAmount[], order: TotalsOrder = {}): FundingTotals {
  return {
    total: figuresOf(amounts),
    byProject: groupFigures(amounts, (a) => a.projectId, order.projectIds).map(([projectId, f]) => ({ projectId, ...f })),
    bySource: groupFigures(amounts, (a) => a.sourceId, order.sourceIds).map(([sourceId, f]) => ({ sourceId, ...f })),
    byYear: groupFigures(amounts, (a) => a.year, order.years).map(([year, f]) => ({ year, ...f })),
  };
}

/** Sum of one kind for one project (and optionally one source), over every year. */
export function sumKind(
  amounts: readonly FundingAmount[],
  kind: FundingAmount['kind'],
  where: { projectId?: number; sourceId?: number; year?: number } = {},
): number {
  let sum = 0;
  for (const a of amounts) {
    if (a.kind !== kind) continue;
    if (where.projectId !== undefined && a.projectId !== where.projectId) continue;
    if (where.sourceId !== undefined && a.sourceId !== where.sourceId) continue;
    if (where.year !== undefined && a.year !== where.year) continue;
    sum += a.amountYuan;
  }
  return sum;
}
