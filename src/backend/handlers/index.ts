// The ONE table of handlers behind every transport (IPC, HTTP, CLI, tests).
import type { ApiMethod } from '../../domain/api/contract';
import { ganttHandlers } from './gantt-handlers';
import { registerHandlers } from './register-handlers';
import type { HandlerTable } from './types';
import { xlsxHandlers } from './xlsx-handlers';

export const handlers = {
  ...registerHandlers,
  ...xlsxHandlers,
  ...ganttHandlers,
} satisfies HandlerTable<ApiMethod>;
