// The one typed contract from UI to backend. Every transport validates input with
// these schemas and calls the same handler table (src/backend/handlers).
import { z } from 'zod';
import { dashboardSchemas, type DashboardOutputs } from './dashboard';
import { fundingSchemas, type FundingOutputs } from './funding';
import { ganttSchemas, type GanttOutputs } from './gantt';
import { historySchemas, type HistoryOutputs } from './history';
import { progressSchemas, type ProgressOutputs } from './progress';
import { registerSchemas, type RegisterOutputs } from './register';
import { settingsSchemas, type SettingsOutputs } from './settings';
import { sitesSchemas, type SitesOutputs } from './sites';
import { xlsxSchemas, type XlsxOutputs } from './xlsx';

// zod's own messages (wrong type, missing field) in Chinese too, for every door.
z.config(z.locales.zhCN());

export const apiSchemas = {
  ...registerSchemas,
  ...xlsxSchemas,
  ...ganttSchemas,
  ...fundingSchemas,
  ...historySchemas,
  ...sitesSchemas,
  ...progressSchemas,
  ...settingsSchemas,
  ...dashboardSchemas,
};

export type ApiMethod = keyof typeof apiSchemas;
export type ApiInput<M extends ApiMethod> = z.input<(typeof apiSchemas)[M]>;
export type ApiParsedInput<M extends ApiMethod> = z.output<(typeof apiSchemas)[M]>;

interface AllOutputs extends RegisterOutputs, XlsxOutputs, GanttOutputs, FundingOutputs, HistoryOutputs, SitesOutputs, ProgressOutputs, SettingsOutputs, DashboardOutputs {}
export type ApiOutput<M extends ApiMethod> = M extends keyof AllOutputs ? AllOutputs[M] : never;

/** What a caller sees: one async function per method. */
export type Send = <M extends ApiMethod>(method: M, input: ApiInput<M>) => Promise<ApiOutput<M>>;

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiSchemas, name);
}
