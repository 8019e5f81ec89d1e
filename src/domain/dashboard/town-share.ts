// A town's own share of the plan's investment. A project built at several sites is
// shared out over them: by site budgets when every site has one, else evenly. The
// shares of one project add up to its investment exactly (largest remainder, in 元),
// so the towns add up to the plan's total and no project is counted twice.

export interface ShareProject {
  id: number;
  investmentYuan: number;
  sites: readonly { town: string; budgetYuan: number | null }[];
}

export interface TownShare {
  town: string;
  shareYuan: number;
  siteCount: number;
  projectIds: number[];
}

export const NO_TOWN = '未分到镇街';

export const TOWN_SHARE_NOTE =
  '本镇分摊：项目投资按建设点分摊到镇街——各建设点都有预算时按预算比例，否则按建设点个数平均；没有建设点的项目计入“未分到镇街”。各镇街合计等于规划总投资。';

/** Splits `total` 元 over `weights` in proportion, integers summing exactly to total. */
export function splitByWeights(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) return [];
  const w = sum > 0 ? weights : weights.map(() => 1);
  const wSum = sum > 0 ? sum : w.length;
  const exact = w.map((x) => (total * x) / wSum);
  const floors = exact.map(Math.floor);
  let rest = total - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (rest <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    rest -= 1;
  }
  return floors;
}

export function siteShares(p: ShareProject): number[] {
  const budgets = p.sites.map((s) => s.budgetYuan);
  const allBudgeted = budgets.length > 0 && budgets.every((b): b is number => b !== null && b > 0);
  return splitByWeights(p.investmentYuan, allBudgeted ? budgets : p.sites.map(() => 1));
}

// one collator: localeCompare(b, 'zh-CN') builds one per call (the register calls this per project);
// the same comparison, as localeCompare is defined by Intl.Collator
const ZH_CN = new Intl.Collator('zh-CN');

function addShare(byTown: Map<string, TownShare>, town: string, yuan: number, sites: number, projectId: number): void {
  const t = byTown.get(town) ?? { town, shareYuan: 0, siteCount: 0, projectIds: [] };
  t.shareYuan += yuan;
  t.siteCount += sites;
  if (!t.projectIds.includes(projectId)) t.projectIds.push(projectId);
  byTown.set(town, t);
}

export function townShares(projects: readonly ShareProject[]): TownShare[] {
  const byTown = new Map<string, TownShare>();
  for (const p of projects) {
    if (p.sites.length === 0) {
      addShare(byTown, NO_TOWN, p.investmentYuan, 0, p.id);
      continue;
    }
    const shares = siteShares(p);
    for (let i = 0; i < p.sites.length; i++) addShare(byTown, (p.sites[i]?.town ?? '').trim() || NO_TOWN, shares[i] ?? 0, 1, p.id);
  }
  return [...byTown.values()].sort((a, b) => b.shareYuan - a.shareYuan || ZH_CN.compare(a.town, b.town));
}
