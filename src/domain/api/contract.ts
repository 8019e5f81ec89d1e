// The one typed contract from UI to backend. Every transport validates input with
// these schemas and calls the same handler table (src/backend/handlers).
import type { z } from 'zod';
import { ganttSchemas, type GanttOutputs } from './gantt';
import { registerSchemas, type RegisterOutputs } from './register';
import { xlsxSchemas, type XlsxOutputs } from './xlsx';

export const apiSchemas = {
  ...registerSchemas,
  ...xlsxSchemas,
  ...ganttSchemas,
};

export type ApiMethod = keyof typeof apiSchemas;
export type ApiInput<M extends ApiMethod> = z.input<(typeof apiSchemas)[M]>;
export type ApiParsedInput<M extends ApiMethod> = z.output<(typeof apiSchemas)[M]>;

interface AllOutputs extends RegisterOutputs, XlsxOutputs, GanttOutputs {}
export type ApiOutput<M extends ApiMethod> = M extends keyof AllOutputs ? AllOutputs[M] : never;

/** What a caller sees: one async function per method. */
export type Send = <M extends ApiMethod>(method: M, input: ApiInput<M>) => Promise<ApiOutput<M>>;

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiSchemas, name);
}
