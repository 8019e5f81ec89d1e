// The Api method names as a plain list, for the Electron preload: it exposes one
// named function per method without bundling zod or the schemas into the
// privileged preload script. The type check below keeps it equal to apiSchemas:
// when you add a method to a schema file, add its name here too.
import type { ApiMethod } from './contract';

export const API_METHODS = [
  'plans.list',
  'register.get',
  'register.rows',
  'register.columns',
  'register.first',
  'project.get',
  'project.update',
  'meta.get',
  'xlsx.export',
  'xlsx.importPreview',
  'xlsx.importApply',
  'xlsx.importProgress',
  'gantt.get',
  'history.undoable',
  'history.undo',
  'site.create',
  'site.update',
  'site.remove',
  'site.archived',
  'funding.get',
  'funding.save',
  'fundingSources.list',
  'fundingSources.save',
  'fundingSources.remove',
  'progress.list',
  'progress.month',
  'progress.record',
  'milestone.list',
  'milestone.save',
  'settings.get',
  'settings.update',
  'dashboard.get',
] as const;

export type ListedMethod = (typeof API_METHODS)[number];

// Compile-time equality of the list and the contract (type-only import: nothing at run time).
type MissingFromList = Exclude<ApiMethod, ListedMethod>;
type NotInContract = Exclude<ListedMethod, ApiMethod>;
export const API_METHODS_IN_SYNC: [MissingFromList, NotInContract] extends [never, never]
  ? true
  : { missingFromList: MissingFromList; notInContract: NotInContract } = true;
