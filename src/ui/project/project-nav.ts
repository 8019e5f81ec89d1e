// 上一个 / 下一个 on the project page follow the register's current order and filter, which the
// register leaves in sessionStorage; without it (a link opened directly) they follow 序号.
import { REGISTER_ORDER_KEY } from '../register/register-state';

/** The register's shown order for this plan, or null when the session has none (or another plan's). */
export function readRegisterOrder(storage: Pick<Storage, 'getItem'>, planId: number): number[] | null {
  let v: unknown;
  try {
    v = JSON.parse(storage.getItem(REGISTER_ORDER_KEY) ?? 'null');
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null || !('ids' in v) || !Array.isArray(v.ids)) return null;
  // '#/' without ?plan= stores null: it was the plan the register showed by default, accept it
  const stored = 'planId' in v ? v.planId : null;
  if (stored !== null && stored !== planId) return null;
  const ids: unknown[] = v.ids;
  return ids.filter((n): n is number => typeof n === 'number' && Number.isInteger(n));
}

export interface Neighbours {
  prev: number | null;
  next: number | null;
  /** 1-based place and count, e.g. 3 / 5, or null when the project is outside the order */
  position: { index: number; count: number } | null;
}

/**
 * The projects before and after `id`: in the register's order when it holds the project
 * (a filter may leave it out, e.g. after editing its town), else in 序号 order of the plan.
 */
export function neighbours(id: number, registerOrder: readonly number[] | null, plan: readonly { id: number; seq: number }[]): Neighbours {
  const bySeq = [...plan].sort((a, b) => a.seq - b.seq || a.id - b.id).map((p) => p.id);
  const order = registerOrder && registerOrder.includes(id) ? registerOrder : bySeq;
  const i = order.indexOf(id);
  if (i < 0) return { prev: null, next: null, position: null };
  return { prev: order[i - 1] ?? null, next: order[i + 1] ?? null, position: { index: i + 1, count: order.length } };
}
