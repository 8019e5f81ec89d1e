import { saveProjectPatch } from '../services/project-service';
import { appMeta, listPlans, projectDetail, registerColumns, registerFirst, registerRows, registerView } from '../services/register-service';
import type { HandlerTable } from './types';

export const registerHandlers = {
  'plans.list': (_input, ctx) => listPlans(ctx.db),
  'register.get': ({ planId }, ctx) => registerView(ctx, planId),
  'register.rows': ({ planId }, ctx) => registerRows(ctx, planId),
  'register.columns': ({ planId }, ctx) => registerColumns(ctx, planId),
  'register.first': ({ planId, rows }, ctx) => registerFirst(ctx, rows, planId),
  'project.get': ({ id }, ctx) => projectDetail(ctx, id),
  'project.update': ({ id, patch }, ctx) => {
    saveProjectPatch(ctx, id, patch);
    return projectDetail(ctx, id);
  },
  'meta.get': (_input, ctx) => appMeta(ctx),
} satisfies HandlerTable<'plans.list' | 'register.get' | 'register.rows' | 'register.columns' | 'register.first' | 'project.get' | 'project.update' | 'meta.get'>;
