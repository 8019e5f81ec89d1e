// The milestones editor's form: the eight kinds for one target (the project, or one of its
// sites), each with a planned and an actual date typed as text. Dates are always shown
// and sent as YYYY-MM-DD whatever the OS locale; "2025/3/5", "2025.3.5", "2025年3月5日"
// and "20250305" are read too. Pure.
import type { Issue } from '../../domain/api/errors';
import type { MilestoneItemInput } from '../../domain/api/progress';
import { parseDateText } from '../../domain/date-format';
import { MILESTONE_KINDS, type Milestone, type MilestoneKind } from '../../domain/model';

export type DateField = 'plannedDate' | 'actualDate';

export interface MilestoneRowForm {
  kind: MilestoneKind;
  plannedDate: string;
  actualDate: string;
}

// the one date reader lives in the domain; re-exported for the milestone editor's imports
export { parseDateText, type DateParse } from '../../domain/date-format';

/** The eight rows for a target (siteId null: the project), from the saved milestones. */
export function milestoneForm(milestones: readonly Milestone[], siteId: number | null): MilestoneRowForm[] {
  return MILESTONE_KINDS.map((kind) => {
    const m = milestones.find((x) => x.kind === kind && x.siteId === siteId);
    return { kind, plannedDate: m?.plannedDate ?? '', actualDate: m?.actualDate ?? '' };
  });
}

/** A typed date as it would be saved (the text itself when it cannot be read). */
function normalised(text: string): string {
  const p = parseDateText(text);
  return p.ok ? (p.date ?? '') : text;
}

export function isFormDirty(form: readonly MilestoneRowForm[], saved: readonly MilestoneRowForm[]): boolean {
  return form.some((r, i) => {
    const s = saved[i];
    return !s || normalised(r.plannedDate) !== s.plannedDate || normalised(r.actualDate) !== s.actualDate;
  });
}

/** "row:field" → message */
export type FormErrors = Map<string, string>;

export const errorKey = (row: number, field: DateField): string => `${row}:${field}`;

export interface MilestonePlan {
  /** the changed kinds only (both dates empty removes a milestone) */
  items: MilestoneItemInput[];
  /** form row of each item, to put the backend's issues back on the inputs */
  itemRows: number[];
  errors: FormErrors;
}

/**
 * What 'milestone.save' gets for the form; nothing is sent while a date is unreadable. The
 * backend refuses an actual date after its today; `today`, when known, says so sooner.
 */
export function planMilestoneSave(form: readonly MilestoneRowForm[], saved: readonly MilestoneRowForm[], siteId: number | null, today: string | null = null): MilestonePlan {
  const plan: MilestonePlan = { items: [], itemRows: [], errors: new Map() };
  form.forEach((r, i) => {
    const planned = parseDateText(r.plannedDate);
    const actual = parseDateText(r.actualDate);
    if (!planned.ok) plan.errors.set(errorKey(i, 'plannedDate'), planned.message);
    if (!actual.ok) plan.errors.set(errorKey(i, 'actualDate'), actual.message);
    else if (today !== null && actual.date !== null && actual.date > today) {
      plan.errors.set(errorKey(i, 'actualDate'), `实际日期不能晚于今天（${today}）`);
    }
    if (!planned.ok || !actual.ok || plan.errors.has(errorKey(i, 'actualDate'))) return;
    const s = saved[i];
    if (s && (planned.date ?? '') === s.plannedDate && (actual.date ?? '') === s.actualDate) return;
    plan.items.push({ siteId, kind: r.kind, plannedDate: planned.date, actualDate: actual.date });
    plan.itemRows.push(i);
  });
  return plan;
}

/** The backend's issues 'milestones.<i>.<field>' → the inputs they name; the rest apart. */
export function issuesToForm(issues: readonly Issue[], itemRows: readonly number[]): { errors: FormErrors; other: Issue[] } {
  const errors: FormErrors = new Map();
  const other: Issue[] = [];
  for (const issue of issues) {
    const m = /^milestones\.(\d+)\.(\w+)$/.exec(issue.field ?? '');
    const row = m ? itemRows[Number(m[1])] : undefined;
    const field: DateField = m?.[2] === 'plannedDate' ? 'plannedDate' : 'actualDate';
    if (row === undefined) other.push(issue);
    else errors.set(errorKey(row, field), issue.message.replace(/^第 \d+ 个里程碑（[^）]*）：/, ''));
  }
  return { errors, other };
}

/** How many milestones each target has ("null" for the project), for the target picker. */
export function milestoneCounts(milestones: readonly Milestone[]): Map<number | null, number> {
  const counts = new Map<number | null, number>();
  for (const m of milestones) counts.set(m.siteId, (counts.get(m.siteId) ?? 0) + 1);
  return counts;
}
