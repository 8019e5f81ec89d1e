// --plan for every command: an id ("2") or a title ("十五五" will do when only one plan's
// title contains it). Spaces and full-width characters are ignored when comparing titles.
import type { Send } from '../domain/api/contract';
import { ApiError } from '../domain/api/errors';
import type { Plan } from '../domain/model';
import { stringFlag, type CliArgs } from './args';

const norm = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '');

/** Pure: the plan id named by `raw`, or an ApiError naming the plans there are. */
export function resolvePlan(raw: string, plans: readonly Pick<Plan, 'id' | 'title'>[]): number {
  const want = norm(raw);
  const listing = (): string => plans.map((p) => `${p.id} ${p.title}`).join('；');
  if (/^\d+$/.test(want)) {
    const byId = plans.find((p) => p.id === Number(want)) ?? plans.find((p) => norm(p.title) === want);
    if (!byId) throw new ApiError('not_found', `找不到规划（编号 ${Number(want)}）`);
    return byId.id;
  }
  const exact = plans.find((p) => norm(p.title) === want);
  if (exact) return exact.id;
  const partial = want === '' ? [] : plans.filter((p) => norm(p.title).includes(want));
  if (partial.length === 1 && partial[0]) return partial[0].id;
  if (partial.length > 1) throw new ApiError('invalid', `有 ${partial.length} 个规划的标题含「${raw}」，请用编号：${partial.map((p) => `${p.id} ${p.title}`).join('；')}`);
  throw new ApiError('not_found', `找不到规划「${raw}」。现有规划：${listing() || '（无）'}`);
}

/** The --plan flag as a plan id; undefined when not given (the first plan). */
export async function planFlag(args: CliArgs, send: Send): Promise<number | undefined> {
  const raw = stringFlag(args, 'plan');
  if (raw === undefined) return undefined;
  return resolvePlan(raw, await send('plans.list', {}));
}
