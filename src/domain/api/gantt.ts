// Gantt part of the Api contract (owned by the Gantt feature). Every figure on a row is
// the project's or site's facts (src/domain/facts/project-facts.ts), the same the
// register, the dashboard and `list --json` read.
import { z } from 'zod';
import type { ProjectFacts, SiteFacts } from '../facts/project-facts';
import type { Milestone, Plan, Project, Site } from '../model';

export const ganttSchemas = {
  'gantt.get': z.object({ planId: z.number().int().positive().optional() }),
};

export interface GanttSite extends Site, SiteFacts {}

export interface GanttProject extends ProjectFacts {
  project: Project;
  sites: GanttSite[];
  /** the project's and its sites' milestones */
  milestones: Milestone[];
}

export interface GanttData {
  plan: Plan;
  today: string;
  projects: GanttProject[];
}

export interface GanttOutputs {
  'gantt.get': GanttData;
}
