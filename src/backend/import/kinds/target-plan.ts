// Diff-time glue the sheet kinds (资金构成, 进度月报) share: which plan a file is for, and the
// fingerprint of the rows a diff compared against (the pipeline re-checks it before writing).
import { createHash } from 'node:crypto';
import { ApiError } from '../../../domain/api/errors';
import type { Plan } from '../../../domain/model';
import type { ServiceContext } from '../../context';
import { getPlan, listPlans, resolvePlanId } from '../../repositories/plans-repo';
import type { ImportOptions } from '../kind';

/** Names compared without any whitespace: a file's titles and names are often re-spaced. */
export const squash = (s: string): string => s.replace(/\s+/g, '');

/** What a file says about its plan: the title row, and the id our export hid (when it has one). */
export interface FilePlanRef {
  planTitle: string;
  planId?: number | null;
}

/**
 * The plan chosen in the dialog (id or title), else the file's: its hidden id unless the title
 * names another plan (a file from another database), else its title, else the current plan.
 */
export function resolvePlan(ctx: ServiceContext, meta: FilePlanRef, options: ImportOptions): Plan {
  if (options.planId !== undefined) return getPlan(ctx.db, options.planId);
  const plans = listPlans(ctx.db);
  const asked = options.planTitle?.trim();
  if (asked) {
    const found = plans.find((p) => (/^\d+$/.test(asked) && p.id === Number(asked)) || squash(p.title) === squash(asked));
    if (!found) throw new ApiError('not_found', `找不到规划「${asked}」`);
    return found;
  }
  const byId = meta.planId == null ? undefined : plans.find((p) => p.id === meta.planId);
  if (byId && (meta.planTitle === '' || squash(meta.planTitle) === squash(byId.title))) return byId;
  const byTitle = meta.planTitle ? plans.find((p) => squash(p.title) === squash(meta.planTitle)) : undefined;
  return byTitle ?? getPlan(ctx.db, resolvePlanId(ctx.db));
}

/** sha256 over the rows of each query, in order: what a diff read, to see whether it changed since. */
export function rowsFingerprint(ctx: ServiceContext, queries: readonly (readonly [sql: string, ...params: unknown[]])[]): string {
  const hash = createHash('sha256');
  for (const [sql, ...params] of queries) {
    for (const row of ctx.db.prepare(sql).raw(true).all(...params)) hash.update(JSON.stringify(row)).update('\n');
    hash.update('|');
  }
  return hash.digest('hex');
}
