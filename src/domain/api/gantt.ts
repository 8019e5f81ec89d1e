// Gantt part of the Api contract (owned by the Gantt feature).
import { z } from 'zod';
import type { Milestone, Plan, Project, Site } from '../model';
import type { TrafficLight } from '../schedule';

export const ganttSchemas = {
  'gantt.get': z.object({ planId: z.number().int().positive().optional() }),
};

export interface GanttSite extends Site {
  percent: number | null;
}

export interface GanttProject {
  project: Project;
  sites: GanttSite[];
  milestones: Milestone[];
  /** latest progress percent, null when none reported */
  percent: number | null;
  actualStart: string | null;
  actualEnd: string | null;
  stage: string;
  light: TrafficLight;
}

export interface GanttData {
  plan: Plan;
  today: string;
  projects: GanttProject[];
}

export interface GanttOutputs {
  'gantt.get': GanttData;
}
