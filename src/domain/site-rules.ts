// A site (建设点) as a whole: field labels and the rules a site must satisfy, shared by the
// site form, the site service and the import, so every door refuses the same things.
import type { Issue } from './api/errors';
import type { Project, Site } from './model';
import { siteName } from './site-name';

/** Editable site fields (money in 元; an empty window year inherits the project's). */
export type SiteFields = Pick<Site, 'town' | 'village' | 'address' | 'scaleText' | 'budgetYuan' | 'startYear' | 'endYear'>;
export type SiteField = keyof SiteFields;

export const SITE_FIELD_LABELS = {
  town: '乡镇（街道）',
  village: '村（社区）',
  address: '地址',
  scaleText: '建设规模',
  budgetYuan: '预算（万元）',
  startYear: '开始年份',
  endYear: '结束年份',
} as const satisfies Record<SiteField, string>;

/** Labels of site columns as change_log names them ('' = not shown: follows town/village). */
export const SITE_COLUMN_LABELS: Record<string, string> = {
  seq: '序号',
  town: SITE_FIELD_LABELS.town,
  village: SITE_FIELD_LABELS.village,
  address: SITE_FIELD_LABELS.address,
  scale_text: SITE_FIELD_LABELS.scaleText,
  budget_yuan: SITE_FIELD_LABELS.budgetYuan,
  start_year: SITE_FIELD_LABELS.startYear,
  end_year: SITE_FIELD_LABELS.endYear,
  archived_at: '归档',
  place_id: '',
};

/** A site's name (the one rule, site-name.ts) from a row as change_log stores it (DB columns). */
export function siteNameOfRow(row: unknown): string {
  const r = typeof row === 'object' && row !== null ? (row as Record<string, unknown>) : {};
  const text = (k: string): string => (typeof r[k] === 'string' ? r[k] : '');
  return siteName({ town: text('town'), village: text('village'), address: text('address'), seq: typeof r.seq === 'number' ? r.seq : 0 });
}

function windowText(p: Pick<Project, 'startYear' | 'endYear'>): string {
  return `${p.startYear}—${p.endYear}年`;
}

/** Cross-field problems of a site within its project, each naming its field. */
export function siteIssues(s: SiteFields, project: Pick<Project, 'startYear' | 'endYear'>): Issue[] {
  const issues: Issue[] = [];
  if (s.town.trim() === '') issues.push({ field: 'town', message: '乡镇（街道）不能为空' });
  if (s.budgetYuan !== null && s.budgetYuan < 0) issues.push({ field: 'budgetYuan', message: '预算不能为负数' });
  for (const field of ['startYear', 'endYear'] as const) {
    const y = s[field];
    if (y !== null && (y < project.startYear || y > project.endYear)) {
      issues.push({
        field,
        message: `${SITE_FIELD_LABELS[field]} ${y} 不在项目建设年限 ${windowText(project)} 内（留空则沿用项目年限）`,
      });
    }
  }
  const start = s.startYear ?? project.startYear;
  const end = s.endYear ?? project.endYear;
  if (end < start && !issues.some((i) => i.field === 'startYear' || i.field === 'endYear')) {
    issues.push({ field: 'endYear', message: `结束年份 ${end} 早于开始年份 ${start}` });
  }
  return issues;
}
