// The register (项目台账) and project detail views.
import type { AppMeta, ProjectDetail, RegisterView } from '../../domain/api/register';
import { DEFAULT_LISTS } from '../../domain/api/register';
import type { ServiceContext } from '../context';
import { SCHEMA_VERSION } from '../db/migrations';
import { listChangesForProject } from '../repositories/change-log-repo';
import { fundingTotalsByProject, NO_FUNDING } from '../repositories/funding-totals-repo';
import { getPlan, listPlans } from '../repositories/plans-repo';
import { listFundingSources, listPlaces } from '../repositories/reference-repo';
import { loadPlanFacts, loadProjectFacts } from './facts-service';
import { townShares } from '../../domain/dashboard/town-share';

function uniqueInOrder(values: string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))];
}

export function registerView(ctx: ServiceContext, planId?: number): RegisterView {
  const { plan, projects } = loadPlanFacts(ctx, planId);
  const funding = fundingTotalsByProject(ctx.db, plan.id);
  const rows = projects.map(({ project: p, sites, facts }) => {
    const { sites: _siteFacts, projectId: _id, ...own } = facts;
    return {
      ...p,
      siteCount: sites.length,
      towns: uniqueInOrder(sites.map((s) => s.town)),
      facts: own,
      funding: funding.get(p.id) ?? NO_FUNDING,
      townShares: townShares([{ id: p.id, investmentYuan: p.investmentYuan, sites }]).map(({ town, shareYuan, siteCount }) => ({
        town,
        shareYuan,
        siteCount,
      })),
      siteTexts: sites.map((s) => [s.town, s.village, s.address, s.scaleText].filter((x) => x !== '').join(' ')),
    };
  });
  return {
    plan,
    projects: rows,
    totalInvestmentYuan: rows.reduce((sum, p) => sum + p.investmentYuan, 0),
    siteCount: rows.reduce((n, r) => n + r.siteCount, 0),
    categories: uniqueInOrder(rows.map((p) => p.category)),
    towns: uniqueInOrder(rows.flatMap((r) => r.towns)).sort((a, b) => a.localeCompare(b, 'zh-Hans-CN')),
  };
}

export function projectDetail(ctx: ServiceContext, id: number): ProjectDetail {
  const { project, sites, milestones, facts } = loadProjectFacts(ctx, id);
  return {
    project,
    plan: getPlan(ctx.db, project.planId),
    sites,
    milestones,
    history: listChangesForProject(ctx.db, id),
    facts,
  };
}

export function appMeta(ctx: ServiceContext): AppMeta {
  return {
    dbPath: ctx.dbPath,
    schemaVersion: SCHEMA_VERSION,
    user: ctx.user,
    ...DEFAULT_LISTS,
    fundingSources: listFundingSources(ctx.db),
    places: listPlaces(ctx.db),
    readOnly: ctx.db.readonly,
    warnings: [...(ctx.startupWarnings ?? [])],
  };
}

export { listPlans };
