// A project's rows joined with its facts: what the Gantt (screen, print, Excel) draws.
import type { GanttProject } from '../api/gantt';
import type { IsoDate } from '../calendar';
import type { Milestone, ProgressEntry, Project, Site } from '../model';
import { projectFacts, type ProjectFacts } from './project-facts';
import type { LightThresholds } from './traffic-light';

/** Joins rows with facts already derived from them. */
export function ganttProjectFrom(project: Project, sites: readonly Site[], milestones: readonly Milestone[], facts: ProjectFacts): GanttProject {
  const bySite = new Map(facts.sites.map((f) => [f.siteId, f]));
  return {
    ...facts,
    project,
    sites: sites.flatMap((s) => {
      const f = bySite.get(s.id);
      return f ? [{ ...s, ...f }] : [];
    }),
    milestones: [...milestones],
  };
}

export function ganttProjectOf(
  project: Project,
  sites: readonly Site[],
  progress: readonly ProgressEntry[],
  milestones: readonly Milestone[],
  today: IsoDate,
  thresholds: LightThresholds,
): GanttProject {
  return ganttProjectFrom(project, sites, milestones, projectFacts({ project, sites, progress, milestones, today, thresholds }));
}
