// The ONE table of handlers behind every transport (IPC, HTTP, CLI, tests).
import type { ApiMethod } from '../../domain/api/contract';
import { dashboardHandlers } from './dashboard-handlers';
import { fundingHandlers } from './funding-handlers';
import { ganttHandlers } from './gantt-handlers';
import { historyHandlers } from './history-handlers';
import { progressHandlers } from './progress-handlers';
import { registerHandlers } from './register-handlers';
import { settingsHandlers } from './settings-handlers';
import { siteHandlers } from './site-handlers';
import type { HandlerTable } from './types';
import { xlsxHandlers } from './xlsx-handlers';

export const handlers = {
  ...registerHandlers,
  ...xlsxHandlers,
  ...ganttHandlers,
  ...fundingHandlers,
  ...historyHandlers,
  ...siteHandlers,
  ...progressHandlers,
  ...settingsHandlers,
  ...dashboardHandlers,
} satisfies HandlerTable<ApiMethod>;
