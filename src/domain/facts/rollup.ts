// Site -> project roll-up of the latest reports. Recomputed on every read, never stored.
//   percent: the mean of the sites' latest percents, weighted by site budget when every
//            counted site has a budget (and they sum above 0), else each site equally.
//            A site that has not reported counts as 0 % (nothing is known to be built
//            there); a cancelled site (取消) is left out, unless every site is cancelled.
//   stage:   all counted sites finished -> the least advanced finished stage; any site
//            at work (or finished) -> 在建; all reported sites paused -> 暂停; else 前期工作.
import { CANCELLED_STAGE, FINISHED_STAGES, PROGRESS_STAGES, STOP_STAGES, WORKING_STAGES } from './stages';

export interface SiteLatest {
  budgetYuan: number | null;
  /** null: the site never reported */
  latest: { percent: number; stage: string | null } | null;
}

function counted(sites: readonly SiteLatest[]): readonly SiteLatest[] {
  const live = sites.filter((s) => s.latest?.stage !== CANCELLED_STAGE);
  return live.length > 0 ? live : sites;
}

/** null when no site has reported (or there are no sites). */
export function rollUpPercent(sites: readonly SiteLatest[]): number | null {
  if (!sites.some((s) => s.latest !== null)) return null;
  const use = counted(sites);
  const budgets = use.map((s) => s.budgetYuan);
  const weighted = budgets.every((b): b is number => b !== null) && budgets.reduce((a, b) => a + b, 0) > 0;
  let sum = 0;
  let weight = 0;
  for (const s of use) {
    const w = weighted ? (s.budgetYuan ?? 0) : 1;
    sum += w * (s.latest?.percent ?? 0);
    weight += w;
  }
  // one decimal is what a 形象进度 report carries
  return weight === 0 ? null : Math.round((sum / weight) * 10) / 10;
}

/** null when no site has reported. */
export function rollUpStage(sites: readonly SiteLatest[]): string | null {
  const reported = sites.filter((s) => s.latest !== null);
  if (reported.length === 0) return null;
  if (reported.every((s) => s.latest?.stage === CANCELLED_STAGE)) return reported.length === sites.length ? CANCELLED_STAGE : '前期工作';
  const use = counted(sites);
  const stages = use.map((s) => s.latest?.stage ?? '');
  if (stages.every((s) => FINISHED_STAGES.includes(s))) {
    const order = PROGRESS_STAGES as readonly string[];
    return stages.reduce((a, b) => (order.indexOf(a) <= order.indexOf(b) ? a : b));
  }
  if (stages.some((s) => WORKING_STAGES.includes(s))) return '在建';
  const reportedLive = use.filter((s) => s.latest !== null).map((s) => s.latest?.stage ?? '');
  if (reportedLive.length > 0 && reportedLive.every((s) => STOP_STAGES.includes(s))) return '暂停';
  return '前期工作';
}
