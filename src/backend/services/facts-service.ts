// Loads a plan's (or one project's) rows once and derives the facts of every project and
// site from them: the one source of percent, stage, light and actual dates for the
// register, the Gantt, the Excel Gantt, the dashboard and `list --json`.
import type { IsoDate } from '../../domain/calendar';
import { projectFacts, type ProjectFacts } from '../../domain/facts/project-facts';
import type { LightThresholds } from '../../domain/facts/traffic-light';
import { groupBy } from '../../domain/group-by';
import type { Milestone, Plan, ProgressEntry, Project, Site } from '../../domain/model';
import type { ServiceContext } from '../context';
import { getPlan, resolvePlanId } from '../repositories/plans-repo';
import { listMilestones, listMilestonesByPlan, listProgress, listProgressByPlan } from '../repositories/progress-repo';
import { getProject, listProjects, listSites, listSitesByPlan } from '../repositories/projects-repo';
import { memoPerDbState } from './plan-facts-cache';
import { lightThresholds } from './settings-service';

export interface ProjectRows {
  project: Project;
  sites: Site[];
  progress: ProgressEntry[];
  milestones: Milestone[];
}

export interface PlanFacts {
  plan: Plan;
  today: IsoDate;
  thresholds: LightThresholds;
  /** in 序号 order */
  projects: (ProjectRows & { facts: ProjectFacts })[];
}

function withFacts(rows: ProjectRows, today: IsoDate, thresholds: LightThresholds): ProjectRows & { facts: ProjectFacts } {
  // literals, not spreads: run for every project of a plan, and a spread of a non-literal is slow
  const { project, sites, progress, milestones } = rows;
  return { project, sites, progress, milestones, facts: projectFacts({ project, sites, progress, milestones, today, thresholds }) };
}

/**
 * Every project of the plan (default: the first plan) with its rows and facts. Memoised per
 * connection until the database or today changes (plan-facts-cache.ts): read-only, shared.
 */
export function loadPlanFacts(ctx: ServiceContext, planId?: number): PlanFacts {
  const id = resolvePlanId(ctx.db, planId);
  const today = ctx.today();
  return memoPerDbState(ctx.db, `planFacts:${id}`, today, () => buildPlanFacts(ctx, id, today));
}

function buildPlanFacts(ctx: ServiceContext, id: number, today: IsoDate): PlanFacts {
  const plan = getPlan(ctx.db, id);
  const thresholds = lightThresholds(ctx.db);
  const sites = groupBy(listSitesByPlan(ctx.db, id), (s) => s.projectId);
  const milestones = groupBy(listMilestonesByPlan(ctx.db, id), (m) => m.projectId);
  const progress = groupBy(listProgressByPlan(ctx.db, id), (e) => e.projectId);
  const projects = listProjects(ctx.db, id).map((project) =>
    withFacts(
      { project, sites: sites.get(project.id) ?? [], progress: progress.get(project.id) ?? [], milestones: milestones.get(project.id) ?? [] },
      today,
      thresholds,
    ),
  );
  return { plan, today, thresholds, projects };
}

/** One project with its rows and facts. */
export function loadProjectFacts(ctx: ServiceContext, projectId: number): ProjectRows & { facts: ProjectFacts } {
  const project = getProject(ctx.db, projectId);
  return withFacts(
    { project, sites: listSites(ctx.db, projectId), progress: listProgress(ctx.db, projectId), milestones: listMilestones(ctx.db, projectId) },
    ctx.today(),
    lightThresholds(ctx.db),
  );
}
