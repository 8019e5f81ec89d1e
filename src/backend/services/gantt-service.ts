// Builds what the Gantt draws: projects with their sites, latest 形象进度, milestones,
// actual start/finish, stage and traffic light. Read-only over the repositories.
import type { GanttData, GanttProject, GanttSite } from '../../domain/api/gantt';
import type { Milestone, ProgressEntry, Project, Site } from '../../domain/model';
import { trafficLight } from '../../domain/schedule';
import { groupBy } from '../../domain/group-by';
import type { ServiceContext } from '../context';
import { getPlan, resolvePlanId } from '../repositories/plans-repo';
import { listMilestonesByPlan, listProgressByPlan } from '../repositories/progress-repo';
import { listProjects, listSitesByPlan } from '../repositories/projects-repo';

/** entries are in date order; the last one for a key is its current state */
function latestBy<K>(entries: readonly ProgressEntry[], key: (e: ProgressEntry) => K | null): Map<K, ProgressEntry> {
  const m = new Map<K, ProgressEntry>();
  for (const e of entries) {
    const k = key(e);
    if (k !== null) m.set(k, e);
  }
  return m;
}

/**
 * Pure: one project's Gantt facts from its rows.
 * - percent: the latest project-level entry; without one, the mean over all sites
 *   (unreported sites count as 0) once any site has reported; else null.
 * - actual start: the 开工 milestone's actual date, else the first entry with progress.
 * - actual end: the 竣工验收 milestone's actual date, else the date 100 % was reached.
 */
export function ganttProjectOf(
  project: Project,
  sites: readonly Site[],
  progress: readonly ProgressEntry[],
  milestones: readonly Milestone[],
  today: string,
): GanttProject {
  const sorted = [...progress].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
  const bySite = latestBy(sorted, (e) => e.siteId);
  const ganttSites: GanttSite[] = sites.map((s) => ({ ...s, percent: bySite.get(s.id)?.percent ?? null }));
  const own = sorted.filter((e) => e.siteId === null);
  const latestOwn = own.at(-1);
  let percent: number | null = latestOwn?.percent ?? null;
  if (percent === null && bySite.size > 0 && ganttSites.length > 0) {
    percent = Math.round(ganttSites.reduce((t, s) => t + (s.percent ?? 0), 0) / ganttSites.length);
  }
  const ownMs = milestones.filter((m) => m.siteId === null);
  const started = ownMs.find((m) => m.kind === '开工')?.actualDate ?? null;
  const accepted = ownMs.find((m) => m.kind === '竣工验收')?.actualDate ?? null;
  const firstWork = sorted.find((e) => e.percent > 0)?.date ?? null;
  const reached100 = (latestOwn?.percent ?? 0) >= 100 ? (own.find((e) => e.percent >= 100)?.date ?? null) : null;
  const latest = sorted.at(-1);
  return {
    project,
    sites: ganttSites,
    milestones: [...milestones],
    percent,
    actualStart: started ?? firstWork,
    actualEnd: accepted ?? reached100,
    stage: latestOwn?.stage ?? latest?.stage ?? '',
    light: trafficLight(project, today, percent),
  };
}

export function getGanttData(ctx: ServiceContext, planId?: number): GanttData {
  const id = resolvePlanId(ctx.db, planId);
  const plan = getPlan(ctx.db, id);
  const today = ctx.today();
  const sitesByProject = groupBy(listSitesByPlan(ctx.db, id), (s) => s.projectId);
  const msByProject = groupBy(listMilestonesByPlan(ctx.db, id), (m) => m.projectId);
  const progressByProject = groupBy(listProgressByPlan(ctx.db, id), (e) => e.projectId);
  const projects = listProjects(ctx.db, id).map((p) =>
    ganttProjectOf(p, sitesByProject.get(p.id) ?? [], progressByProject.get(p.id) ?? [], msByProject.get(p.id) ?? [], today),
  );
  return { plan, today, projects };
}
