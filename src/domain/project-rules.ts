// Rules a project must satisfy as a whole (cross-field), beyond each field's own schema, and
// the one table of text rules that the form's schema (register.ts), the annex import and
// these checks share, so an import cannot save what the form cannot. A whole new project is
// checked by projectIssues; an edit by projectEditIssues, which leaves old values it does not
// touch alone. One project per 序号 and name: project-identity.ts.
import type { Issue } from './api/errors';
import { PROJECT_FIELD_LABELS } from './field-labels';
import type { Plan, Project } from './model';
import { PLAN_TITLE_LABEL, PLAN_TITLE_RULE, PROJECT_TEXT_FIELDS, PROJECT_TEXT_RULES, type ProjectTextField } from './text-limits';
import { normaliseText, textProblem } from './text-normalise';

// the rules table lives in text-limits.ts (zod- and date-fns-free); re-exported for existing callers
export { PLAN_TITLE_LABEL, PLAN_TITLE_RULE, PROJECT_TEXT_FIELDS, PROJECT_TEXT_RULES, type ProjectTextField };

type Checked = Pick<Project, 'investmentYuan' | 'startYear' | 'endYear' | 'startDate' | 'endDate' | ProjectTextField>;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** a real calendar day (proleptic Gregorian), checked by hand: date-fns here costs the parse worker's start */
function realDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : (DAYS_IN_MONTH[m - 1] ?? 0));
}

function badDate(d: string | null): boolean {
  if (d === null) return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  return m === null || !realDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** a value quoted in a message: a 1 MB cell must not become a 1 MB message */
function quoted(d: string | null): string {
  return d !== null && d.length > 20 ? `${d.slice(0, 20)}…` : String(d);
}

/** textProblem of a project field's value (remembered per field by textProblemsOnce). */
export type FieldTextProblem = (value: string, field: ProjectTextField) => string | null;

const fieldTextProblem: FieldTextProblem = (value, field) => textProblem(value, PROJECT_TEXT_RULES[field]);

/**
 * A FieldTextProblem that answers each distinct value of a field once: an import checks
 * 10,000 projects whose categories, owners and units repeat. Same answers as textProblem.
 */
export function textProblemsOnce(): FieldTextProblem {
  const known = new Map<ProjectTextField, Map<string, string | null>>();
  return (value, field) => {
    let byValue = known.get(field);
    if (!byValue) {
      byValue = new Map();
      known.set(field, byValue);
    }
    let r = byValue.get(value);
    if (r === undefined) {
      r = textProblem(value, PROJECT_TEXT_RULES[field]);
      byValue.set(value, r);
    }
    return r;
  };
}

/** Problems with the project's (already normalised) text fields, each naming its field in Chinese. */
export function projectTextIssues(p: Partial<Pick<Project, ProjectTextField>>, problemOf: FieldTextProblem = fieldTextProblem): Issue[] {
  const issues: Issue[] = [];
  for (const field of PROJECT_TEXT_FIELDS) {
    const value = p[field];
    if (value === undefined || value === null) continue;
    const problem = problemOf(value, field);
    if (problem !== null) issues.push({ field, message: `${PROJECT_FIELD_LABELS[field]}${problem}` });
  }
  return issues;
}

/**
 * A new plan's title taken from a file name ("…规划.xlsx" → "…规划"), made to pass
 * PLAN_TITLE_RULE: what an export writes must import again.
 */
export function planTitleFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  // control characters become spaces: the name comes from the file system, not from the form
  const visible = normaliseText(base.replace(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, ' '));
  const cut = visible.length > PLAN_TITLE_RULE.max ? normaliseText(visible.slice(0, PLAN_TITLE_RULE.max).replace(/[\uD800-\uDBFF]$/, '')) : visible;
  return cut === '' || textProblem(cut, PLAN_TITLE_RULE) !== null ? '导入的规划' : cut;
}

export function planTitleIssues(plan: Pick<Plan, 'title'>): Issue[] {
  const problem = textProblem(plan.title, PLAN_TITLE_RULE);
  return problem === null ? [] : [{ field: 'title', message: `${PLAN_TITLE_LABEL}${problem}` }];
}

/** the window as printed in messages: "2026—2030年" */
function windowText(p: Pick<Checked, 'startYear' | 'endYear'>): string {
  return p.startYear === p.endYear ? `${p.startYear}年` : `${p.startYear}—${p.endYear}年`;
}

function investmentIssues(p: Checked): Issue[] {
  return !Number.isInteger(p.investmentYuan) || p.investmentYuan < 0 ? [{ field: 'investmentYuan', message: '投资估算应为不小于 0 的金额' }] : [];
}

/** The window: years in order, refined dates valid, inside the years and in order. */
function windowIssues(p: Checked): Issue[] {
  const issues: Issue[] = [];
  const yearsOk = p.endYear >= p.startYear;
  if (!yearsOk) issues.push({ field: 'endYear', message: `结束年份 ${p.endYear} 早于开始年份 ${p.startYear}` });
  const dates = [
    { field: 'startDate', label: '开始日期', value: p.startDate },
    { field: 'endDate', label: '结束日期', value: p.endDate },
  ] as const;
  for (const d of dates) {
    if (d.value === null) continue;
    if (badDate(d.value)) issues.push({ field: d.field, message: `${d.label} ${quoted(d.value)} 不是有效日期` });
    else if (yearsOk && (Number(d.value.slice(0, 4)) < p.startYear || Number(d.value.slice(0, 4)) > p.endYear))
      issues.push({ field: d.field, message: `${d.label} ${d.value} 不在建设年限 ${windowText(p)} 内` });
  }
  if (p.startDate && p.endDate && !badDate(p.startDate) && !badDate(p.endDate) && p.endDate < p.startDate)
    issues.push({ field: 'endDate', message: `结束日期 ${p.endDate} 早于开始日期 ${p.startDate}` });
  return issues;
}

/** Rules over more than one field, each with the fields it reads. */
const RECORD_RULES: readonly { reads: readonly (keyof Checked)[]; check: (p: Checked) => Issue[] }[] = [
  { reads: ['investmentYuan'], check: investmentIssues },
  { reads: ['startYear', 'endYear', 'startDate', 'endDate'], check: windowIssues },
];

/** Everything wrong with a whole project (a new one, or one an import brings in whole). */
export function projectIssues(p: Checked, problemOf: FieldTextProblem = fieldTextProblem): Issue[] {
  return [...projectTextIssues(p, problemOf), ...RECORD_RULES.flatMap((r) => r.check(p))];
}

/**
 * What an edit may not introduce: the text rules on the changed fields only, and each
 * record rule on the merged record when the edit changes a field it reads. So an old
 * over-long note, or an old date outside the years, does not block changing the leader.
 */
export function projectEditIssues(before: Checked, changed: Partial<Checked>): Issue[] {
  const after: Checked = { ...before, ...changed };
  const touched = (Object.keys(changed) as (keyof Checked)[]).filter((k) => changed[k] !== undefined);
  return [
    ...projectTextIssues(changed),
    ...RECORD_RULES.filter((r) => r.reads.some((f) => touched.includes(f))).flatMap((r) => r.check(after)),
  ];
}
