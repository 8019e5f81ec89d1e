// The register (项目台账) and project detail views.
import type { AppMeta, ProjectDetail, RegisterView } from '../../domain/api/register';
import { DEFAULT_LISTS } from '../../domain/api/register';
import { groupBy } from '../../domain/group-by';
import type { ServiceContext } from '../context';
import { SCHEMA_VERSION } from '../db/migrations';
import { listChangesForProject } from '../repositories/change-log-repo';
import { getPlan, listPlans, resolvePlanId } from '../repositories/plans-repo';
import { listMilestones } from '../repositories/progress-repo';
import { getProject, listProjects, listSites, listSitesByPlan } from '../repositories/projects-repo';
import { listFundingSources, listPlaces } from '../repositories/reference-repo';

function uniqueInOrder(values: string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))];
}

export function registerView(ctx: ServiceContext, planId?: number): RegisterView {
  const id = resolvePlanId(ctx.db, planId);
  const plan = getPlan(ctx.db, id);
  const projects = listProjects(ctx.db, id);
  const sites = listSitesByPlan(ctx.db, id);
  const byProject = groupBy(sites, (s) => s.projectId);
  const rows = projects.map((p) => {
    const own = byProject.get(p.id) ?? [];
    return { ...p, siteCount: own.length, towns: uniqueInOrder(own.map((s) => s.town)) };
  });
  return {
    plan,
    projects: rows,
    totalInvestmentYuan: projects.reduce((sum, p) => sum + p.investmentYuan, 0),
    siteCount: sites.length,
    categories: uniqueInOrder(projects.map((p) => p.category)),
    towns: uniqueInOrder(rows.flatMap((r) => r.towns)).sort((a, b) => a.localeCompare(b, 'zh-Hans-CN')),
  };
}

export function projectDetail(ctx: ServiceContext, id: number): ProjectDetail {
  const project = getProject(ctx.db, id);
  return {
    project,
    plan: getPlan(ctx.db, project.planId),
    sites: listSites(ctx.db, id),
    milestones: listMilestones(ctx.db, id),
    history: listChangesForProject(ctx.db, id),
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
  };
}

export { listPlans };
