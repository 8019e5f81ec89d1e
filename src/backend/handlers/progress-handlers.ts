// Progress and milestone methods of the handler table.
import { monthSheet, projectMilestones, projectProgress, recordProgress, saveMilestones } from '../services/progress-service';
import type { HandlerTable } from './types';

export const progressHandlers = {
  'progress.list': ({ projectId }, ctx) => projectProgress(ctx, projectId),
  'progress.month': (input, ctx) => monthSheet(ctx, input),
  'progress.record': (input, ctx) => recordProgress(ctx, input),
  'milestone.list': ({ projectId }, ctx) => projectMilestones(ctx, projectId),
  'milestone.save': (input, ctx) => saveMilestones(ctx, input),
} satisfies HandlerTable<'progress.list' | 'progress.month' | 'progress.record' | 'milestone.list' | 'milestone.save'>;
