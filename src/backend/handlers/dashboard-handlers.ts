// Dashboard methods of the handler table.
import { getDashboard } from '../services/dashboard-service';
import type { HandlerTable } from './types';

export const dashboardHandlers = {
  'dashboard.get': (input, ctx) => getDashboard(ctx, input.planId),
} satisfies HandlerTable<'dashboard.get'>;
