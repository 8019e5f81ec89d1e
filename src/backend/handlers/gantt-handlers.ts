// Gantt methods of the handler table.
import { getGanttData } from '../services/gantt-service';
import type { HandlerTable } from './types';

export const ganttHandlers = {
  'gantt.get': (input, ctx) => getGanttData(ctx, input.planId),
} satisfies HandlerTable<'gantt.get'>;
