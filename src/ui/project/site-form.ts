// The site form's pure logic: text fields in, validated site fields (or issues naming the field) out.
import type { Issue } from '../../domain/api/errors';
import type { Place, Project, Site } from '../../domain/model';
import { wanToYuan, yuanToWan } from '../../domain/money';
import { SITE_FIELD_LABELS, siteIssues, type SiteField, type SiteFields } from '../../domain/site-rules';

export const SITE_FORM_FIELDS = ['town', 'village', 'address', 'scaleText', 'budgetYuan', 'startYear', 'endYear'] as const satisfies readonly SiteField[];

export type SiteForm = Record<SiteField, string>;

export const EMPTY_SITE_FORM: SiteForm = { town: '', village: '', address: '', scaleText: '', budgetYuan: '', startYear: '', endYear: '' };

export function formFromSite(s: Site): SiteForm {
  return {
    town: s.town,
    village: s.village,
    address: s.address,
    scaleText: s.scaleText,
    budgetYuan: s.budgetYuan === null ? '' : String(yuanToWan(s.budgetYuan)),
    startYear: s.startYear === null ? '' : String(s.startYear),
    endYear: s.endYear === null ? '' : String(s.endYear),
  };
}

/** Half-width, no thousands separators or spaces: "１,２００" → "1200" */
function normaliseNumber(text: string): string {
  return text.normalize('NFKC').replace(/[,\s]/g, '');
}

function parseYear(form: SiteForm, field: 'startYear' | 'endYear', issues: Issue[]): number | null {
  const t = normaliseNumber(form[field]);
  if (t === '') return null;
  if (!/^\d{4}$/.test(t)) {
    issues.push({ field, message: `${SITE_FIELD_LABELS[field]}应为四位年份，收到「${form[field]}」（留空则沿用项目年限）` });
    return null;
  }
  return Number(t);
}

function parseBudget(form: SiteForm, issues: Issue[]): number | null {
  const t = normaliseNumber(form.budgetYuan);
  if (t === '') return null;
  if (!/^-?\d+(\.\d{1,4})?$/.test(t)) {
    issues.push({ field: 'budgetYuan', message: `预算应为数字（万元，最多 4 位小数），收到「${form.budgetYuan}」` });
    return null;
  }
  if (Number(t) < 0) {
    issues.push({ field: 'budgetYuan', message: '预算不能为负数' });
    return null;
  }
  return wanToYuan(Number(t));
}

/** The fields to save, or the problems (each naming its field) when there are any. */
export function siteFormToFields(
  form: SiteForm,
  project: Pick<Project, 'startYear' | 'endYear'>,
): { fields: SiteFields; issues: Issue[] } {
  const issues: Issue[] = [];
  const fields: SiteFields = {
    town: form.town.trim(),
    village: form.village.trim(),
    address: form.address.trim(),
    scaleText: form.scaleText.trim(),
    budgetYuan: parseBudget(form, issues),
    startYear: parseYear(form, 'startYear', issues),
    endYear: parseYear(form, 'endYear', issues),
  };
  const parsedFields = new Set(issues.map((i) => i.field));
  issues.push(...siteIssues(fields, project).filter((i) => !parsedFields.has(i.field)));
  return { fields, issues };
}

export function isSiteFormDirty(form: SiteForm, saved: SiteForm): boolean {
  return SITE_FORM_FIELDS.some((f) => form[f] !== saved[f]);
}

/** Towns and streets of the gazetteer, for the town field's suggestions. */
export function townsOf(places: Place[]): Place[] {
  return places.filter((p) => p.parentId === null);
}

/** Villages and communities of the named town (none when the town is not in the gazetteer). */
export function villagesOf(places: Place[], town: string): Place[] {
  const t = places.find((p) => p.parentId === null && p.name === town.trim());
  return t ? places.filter((p) => p.parentId === t.id) : [];
}

/** A hint under the town field when the name is not in the gazetteer ('' when it is or is empty). */
export function townHint(places: Place[], town: string): string {
  const name = town.trim();
  if (name === '' || townsOf(places).some((p) => p.name === name)) return '';
  return '地名库中没有这个乡镇（街道），请核对；仍可保存';
}

/** "2024—2025年", or the project's window marked as inherited. */
export function siteWindowText(s: Pick<Site, 'startYear' | 'endYear'>, project: Pick<Project, 'startYear' | 'endYear'>): string {
  if (s.startYear === null && s.endYear === null) return `${project.startYear}—${project.endYear}年（同项目）`;
  return `${s.startYear ?? project.startYear}—${s.endYear ?? project.endYear}年`;
}

/** Server field paths ("site.town", "patch.budgetYuan") as form fields. */
export function formFieldOf(path: string | undefined): string | undefined {
  return path?.replace(/^(site|patch)\./, '');
}
