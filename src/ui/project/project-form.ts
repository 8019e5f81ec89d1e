// The project form's pure logic: text fields in, a validated patch (or field issues) out.
import { parseDateText } from '../../domain/date-format';
import type { Issue } from '../../domain/api/errors';
import type { ProjectPatch } from '../../domain/api/register';
import type { ChangeLogEntry, Project } from '../../domain/model';
import { formatWan, wanToYuan, yuanToWan } from '../../domain/money';
import { PROJECT_TEXT_RULES, type ProjectTextField } from '../../domain/project-rules';

export const FORM_FIELDS = [
  'seq',
  'name',
  'category',
  'nature',
  'owner',
  'locationText',
  'scaleText',
  'investmentYuan',
  'startYear',
  'endYear',
  'startDate',
  'endDate',
  'remark',
  'responsibleUnit',
  'leader',
  'note',
] as const satisfies readonly (keyof ProjectPatch)[];

export type FormField = (typeof FORM_FIELDS)[number];
export type ProjectForm = Record<FormField, string>;

/**
 * The input's maxLength: the backend's limit for a text field (PROJECT_TEXT_RULES), none for
 * numbers and dates, whose own checks say what is wrong. An older, longer value still shows
 * and can be shortened; it cannot grow.
 */
/** 2022/3/1 or 2022年3月1日 typed and saved with Ctrl+S before the field was left: the same reading as DateInput */
function formDate(text: string, field: 'startDate' | 'endDate', issues: Issue[]): string | null {
  const r = parseDateText(text);
  if (r.ok) return r.date;
  issues.push({ field, message: r.message });
  return null;
}

export function fieldMaxLength(field: FormField): number | undefined {
  return isTextField(field) ? PROJECT_TEXT_RULES[field].max : undefined;
}

function isTextField(field: string): field is ProjectTextField {
  return Object.hasOwn(PROJECT_TEXT_RULES, field);
}

export function formFromProject(p: Project): ProjectForm {
  return {
    seq: String(p.seq),
    name: p.name,
    category: p.category,
    nature: p.nature,
    owner: p.owner,
    locationText: p.locationText,
    scaleText: p.scaleText,
    investmentYuan: String(yuanToWan(p.investmentYuan)),
    startYear: String(p.startYear),
    endYear: String(p.endYear),
    startDate: p.startDate ?? '',
    endDate: p.endDate ?? '',
    remark: p.remark,
    responsibleUnit: p.responsibleUnit,
    leader: p.leader,
    note: p.note,
  };
}

/** Half-width, no thousands separators: "６,６２５" → "6625" */
function normaliseNumber(text: string): string {
  return text.normalize('NFKC').replace(/[,\s]/g, '');
}

function parseInteger(text: string, field: FormField, label: string, issues: Issue[]): number | undefined {
  const t = normaliseNumber(text);
  if (!/^-?\d+$/.test(t)) {
    issues.push({ field, message: `${label}应为整数，收到「${text}」` });
    return undefined;
  }
  return Number(t);
}

export function formToPatch(form: ProjectForm): { patch: ProjectPatch; issues: Issue[] } {
  const issues: Issue[] = [];
  const patch: ProjectPatch = {
    name: form.name,
    category: form.category,
    owner: form.owner,
    locationText: form.locationText,
    scaleText: form.scaleText,
    remark: form.remark,
    responsibleUnit: form.responsibleUnit,
    leader: form.leader,
    note: form.note,
    startDate: formDate(form.startDate, 'startDate', issues),
    endDate: formDate(form.endDate, 'endDate', issues),
  };
  if (form.nature === '新建' || form.nature === '扩建' || form.nature === '改扩建') patch.nature = form.nature;
  else issues.push({ field: 'nature', message: '建设性质应为 新建、扩建 或 改扩建' });
  patch.seq = parseInteger(form.seq, 'seq', '序号', issues);
  patch.startYear = parseInteger(form.startYear, 'startYear', '开始年份', issues);
  patch.endYear = parseInteger(form.endYear, 'endYear', '结束年份', issues);
  const money = normaliseNumber(form.investmentYuan);
  if (!/^-?\d+(\.\d{1,4})?$/.test(money)) {
    issues.push({ field: 'investmentYuan', message: `投资估算应为数字（万元，最多 4 位小数），收到「${form.investmentYuan}」` });
  } else if (Number(money) < 0) {
    issues.push({ field: 'investmentYuan', message: '投资估算不能为负数' });
  } else {
    patch.investmentYuan = wanToYuan(Number(money));
  }
  if (!form.name.trim()) issues.push({ field: 'name', message: '项目名称不能为空' });
  return { patch, issues };
}

export function isDirty(form: ProjectForm, saved: ProjectForm): boolean {
  return FORM_FIELDS.some((f) => form[f] !== saved[f]);
}

/** A change_log value as a person reads it: money in 万元, empty as "（空）". */
export function displayValue(entry: Pick<ChangeLogEntry, 'field'>, encoded: string | null): string {
  if (encoded === null) return '（空）';
  const value: unknown = JSON.parse(encoded);
  if (entry.field === 'investmentYuan' && typeof value === 'number') return `${formatWan(value)} 万元`;
  if (value === '' || value === null) return '（空）';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The first field (in the form's order) that an issue names: Ctrl+S scrolls to it and focuses it. */
export function firstInvalidField(issues: readonly Issue[]): FormField | null {
  const named = new Set(issues.map((i) => i.field));
  return FORM_FIELDS.find((f) => named.has(f)) ?? null;
}
