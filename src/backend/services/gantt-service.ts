// Builds what the Gantt draws: projects with their sites and milestones, each joined
// with its facts (percent, stage, light, actual dates). Read-only.
import type { GanttData } from '../../domain/api/gantt';
import { ganttProjectFrom } from '../../domain/facts/gantt-project';
import type { ServiceContext } from '../context';
import { loadPlanFacts } from './facts-service';

export function getGanttData(ctx: ServiceContext, planId?: number): GanttData {
  const { plan, today, projects } = loadPlanFacts(ctx, planId);
  return { plan, today, projects: projects.map((r) => ganttProjectFrom(r.project, r.sites, r.milestones, r.facts)) };
}
