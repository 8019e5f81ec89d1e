// Which plan an annex import goes into: the plan asked for (id or title), else the one whose
// title the file's title row names, else a new plan with that title and its years.
import type { Plan } from '../../../domain/model';
import { planTitleFromFileName } from '../../../domain/project-rules';
import type { ServiceContext } from '../../context';
import { getPlan, listPlans } from '../../repositories/plans-repo';

export type PlanTarget = { kind: 'existing'; plan: Plan } | { kind: 'new'; plan: Omit<Plan, 'id'> };

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "…“十五五”…" → 2026-2030: five-year plans have run in step since the 3rd (1966). */
export function fiveYearPlanYears(title: string): { startYear: number; endYear: number } | null {
  const m = /([一二三四五六七八九]?十[一二三四五六七八九]?|[三四五六七八九])五(?:”|"|规划|计划|时期|期间|\s|$)/.exec(title);
  if (!m?.[1]) return null;
  const t = m[1];
  let n: number;
  if (!t.includes('十')) n = CN_DIGITS[t] ?? 0;
  else {
    const [tens, ones] = t.split('十');
    n = (tens ? (CN_DIGITS[tens] ?? 0) : 1) * 10 + (ones ? (CN_DIGITS[ones] ?? 0) : 0);
  }
  if (n < 3) return null;
  const startYear = 1966 + 5 * (n - 3);
  return { startYear, endYear: startYear + 4 };
}

function sameTitle(a: string, b: string): boolean {
  const n = (s: string): string => s.replace(/\s+/g, '');
  return n(a) === n(b);
}

export interface TargetInput {
  fileName: string;
  /** from the file's title row, '' when none */
  planTitle: string;
  years: readonly { startYear: number; endYear: number }[];
}

export function resolveTarget(ctx: ServiceContext, input: TargetInput, opts: { planId?: number; planTitle?: string }): PlanTarget {
  if (opts.planId !== undefined) return { kind: 'existing', plan: getPlan(ctx.db, opts.planId) };
  const plans = listPlans(ctx.db);
  const asked = opts.planTitle?.trim();
  if (asked && /^\d+$/.test(asked)) {
    const byId = plans.find((p) => p.id === Number(asked));
    if (byId) return { kind: 'existing', plan: byId };
  }
  // a file name is whatever the file system allows: made into a title the form would accept
  const title = asked || input.planTitle || planTitleFromFileName(input.fileName);
  const found = plans.find((p) => sameTitle(p.title, title));
  if (found) return { kind: 'existing', plan: found };
  const years = fiveYearPlanYears(title) ?? {
    startYear: Math.min(...input.years.map((p) => p.startYear)),
    endYear: Math.max(...input.years.map((p) => p.endYear)),
  };
  return { kind: 'new', plan: { title, issuer: '', ...years } };
}
