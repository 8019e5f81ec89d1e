// Sites (建设点) part of the Api contract: add, edit and remove a project's sites on its page.
// Every save is one change_log batch that 'history.undo' takes back whole.
import { z } from 'zod';
import type { Site } from '../model';
import { SITE_FIELD_LABELS } from '../site-rules';
import type { ProjectDetail } from './register';
import { longText, nameText, shortText, NAME_MAX, TEXT_MAX } from './text';

const id = z.number().int().positive();

function windowYear(label: string) {
  const message = `${label}应在 1990 至 2100 之间`;
  return z.number({ message: `${label}应为整数` }).int(`${label}应为整数`).min(1990, message).max(2100, message).nullable();
}

/** Editable site fields, money in 元; an empty (null) window year inherits the project's. */
export const siteFieldsSchema = z.object({
  town: nameText(NAME_MAX, SITE_FIELD_LABELS.town),
  village: shortText(NAME_MAX, SITE_FIELD_LABELS.village),
  address: shortText(NAME_MAX, SITE_FIELD_LABELS.address),
  scaleText: longText(TEXT_MAX, SITE_FIELD_LABELS.scaleText),
  budgetYuan: z
    .number({ message: '预算应为数字' })
    .int('预算最小单位为元')
    .nonnegative('预算不能为负数')
    .max(1e13, '预算过大')
    .nullable(),
  startYear: windowYear(SITE_FIELD_LABELS.startYear),
  endYear: windowYear(SITE_FIELD_LABELS.endYear),
});

export const sitesSchemas = {
  'site.create': z.object({ projectId: id, site: siteFieldsSchema }),
  'site.update': z.object({ siteId: id, patch: siteFieldsSchema.partial() }),
  /** a site with progress or milestones is archived, and only with confirm: true */
  'site.remove': z.object({ siteId: id, confirm: z.boolean().optional() }),
  'site.archived': z.object({ projectId: id }),
};

export interface SiteSaveResult {
  siteId: number;
  outcome: 'created' | 'updated' | 'unchanged' | 'deleted' | 'archived';
  /** the project as it is now, for the page to show */
  detail: ProjectDetail;
}

export interface ArchivedSiteView extends Site {
  archivedAt: string;
}

export interface SitesOutputs {
  'site.create': SiteSaveResult;
  'site.update': SiteSaveResult;
  'site.remove': SiteSaveResult;
  'site.archived': ArchivedSiteView[];
}
