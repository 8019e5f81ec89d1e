// 总览: the four rates, the lights, the attention list and the totals, all read from the
// plan's facts (facts-service) and the funding table, never re-derived here.
import type { CategoryTotal, DashboardData, RateFigure, SourceTotal } from '../../domain/api/dashboard';
import { LIGHT_KEYS, type LightKey } from '../../domain/api/dashboard';
import { attentionList } from '../../domain/dashboard/attention';
import { completedByMonth } from '../../domain/dashboard/completed-by-month';
import { TOWN_SHARE_NOTE, townShares } from '../../domain/dashboard/town-share';
import { fourRates, type Rate } from '../../domain/facts/rates';
import { fundingTotals } from '../../domain/funding/totals';
import { formatWan } from '../../domain/money';
import { CATEGORIES } from '../../domain/model';
import type { ServiceContext } from '../context';
import { listFundingRowsOfPlan, listFundingSourceRows, toAmount } from '../repositories/funding-repo';
import { loadPlanFacts } from './facts-service';

const MONEY_RATES = new Set<Rate['key']>(['invest', 'funding']);

function rateFigure(r: Rate): RateFigure {
  const detail = MONEY_RATES.has(r.key)
    ? `${formatWan(r.numerator)} / ${formatWan(r.denominator)} 万元`
    : `${r.numerator} / ${r.denominator} 个项目`;
  return { ...r, detail: r.denominator === 0 ? '尚无到期项目' : detail };
}

function categoryRank(c: string): number {
  const i = (CATEGORIES as readonly string[]).indexOf(c);
  return i < 0 ? CATEGORIES.length : i;
}

export function getDashboard(ctx: ServiceContext, planId?: number): DashboardData {
  const { plan, today, thresholds, projects } = loadPlanFacts(ctx, planId);

  // the same totals as the funding page and the 资金构成 workbook
  const sourceRows = listFundingSourceRows(ctx.db);
  const names = new Map(sourceRows.map((s) => [s.id, s.name]));
  const funding = fundingTotals(listFundingRowsOfPlan(ctx.db, plan.id).map(toAmount), { sourceIds: sourceRows.map((s) => s.id) });
  const sources: SourceTotal[] = funding.bySource.map((s) => ({
    sourceId: s.sourceId,
    name: names.get(s.sourceId) ?? `来源 ${s.sourceId}`,
    plannedYuan: s.plannedYuan,
    arrivedYuan: s.arrivedYuan,
    paidYuan: s.paidYuan,
  }));

  const rateProjects = projects.map((p) => ({ facts: p.facts, investmentYuan: p.project.investmentYuan }));
  const lights = Object.fromEntries(LIGHT_KEYS.map((k) => [k, 0])) as Record<LightKey, number>;
  for (const p of projects) lights[p.facts.light] += 1;

  const categories = new Map<string, CategoryTotal>();
  for (const p of projects) {
    const c = categories.get(p.project.category) ?? { category: p.project.category, projectCount: 0, investmentYuan: 0, completedYuan: 0 };
    c.projectCount += 1;
    c.investmentYuan += p.project.investmentYuan;
    c.completedYuan += p.facts.completedInvestmentYuan;
    categories.set(p.project.category, c);
  }

  const towns = townShares(projects.map((p) => ({ id: p.project.id, investmentYuan: p.project.investmentYuan, sites: p.sites })));

  return {
    plan,
    today,
    projectCount: projects.length,
    siteCount: projects.reduce((a, p) => a + p.sites.length, 0),
    investmentYuan: projects.reduce((a, p) => a + p.project.investmentYuan, 0),
    completedYuan: projects.reduce((a, p) => a + p.facts.completedInvestmentYuan, 0),
    rates: fourRates(rateProjects, funding.total, today).map(rateFigure),
    lights,
    byCategory: [...categories.values()].sort((a, b) => categoryRank(a.category) - categoryRank(b.category)),
    byTown: towns.map((t) => ({ town: t.town, siteCount: t.siteCount, shareYuan: t.shareYuan, projectCount: t.projectIds.length })),
    bySource: sources,
    byMonth: completedByMonth(
      projects.map((p) => ({ project: p.project, sites: p.sites, progress: p.progress, milestones: p.milestones, today, thresholds })),
    ),
    attention: attentionList(
      projects.map((p) => ({
        projectId: p.project.id,
        seq: p.project.seq,
        name: p.project.name,
        light: p.facts.light,
        reason: p.facts.lightReason,
        investmentYuan: p.project.investmentYuan,
        monthsSinceReport: p.facts.monthsSinceReport,
        reportDue: p.facts.reportDue,
      })),
      thresholds.staleMonths,
    ),
    townShareNote: TOWN_SHARE_NOTE,
  };
}
