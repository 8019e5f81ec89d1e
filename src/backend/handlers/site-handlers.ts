import { listArchivedSites, getSite } from '../repositories/projects-repo';
import { projectDetail } from '../services/register-service';
import { createSite, removeSite, updateSite } from '../services/site-service';
import type { HandlerTable } from './types';

export const siteHandlers = {
  'site.create': ({ projectId, site }, ctx) => {
    const siteId = createSite(ctx, projectId, site);
    return { siteId, outcome: 'created', detail: projectDetail(ctx, projectId) };
  },
  'site.update': ({ siteId, patch }, ctx) => {
    const changed = updateSite(ctx, siteId, patch);
    const { projectId } = getSite(ctx.db, siteId);
    return { siteId, outcome: changed > 0 ? 'updated' : 'unchanged', detail: projectDetail(ctx, projectId) };
  },
  'site.remove': ({ siteId, confirm }, ctx) => {
    const { projectId } = getSite(ctx.db, siteId);
    const outcome = removeSite(ctx, siteId, confirm ?? false);
    return { siteId, outcome, detail: projectDetail(ctx, projectId) };
  },
  'site.archived': ({ projectId }, ctx) => listArchivedSites(ctx.db, projectId),
} satisfies HandlerTable<'site.create' | 'site.update' | 'site.remove' | 'site.archived'>;
