// `register.first`: the register's first answer, small enough to show the page at once. For a
// plan of up to REGISTER_WHOLE_UP_TO projects it is the whole register (`complete`: the rows are
// exactly register.columns'), drawn whole as always. Above that it is the first window of rows in
// the default order (序号 ascending) with what the page's header, filter lists and totals row
// show for the whole plan, computed on the server; the page then asks for register.columns
// (every row, for scrolling, sorting and search) after its first frame is on screen.
import type { TrafficLight } from '../facts/traffic-light';
import { lightCounts, totalsOf, type RegisterTotals } from '../register-totals';
import type { RegisterRow, RegisterRows } from './register';
import { packRegisterRows, type RegisterColumns } from './register-columns';

/** plans of up to this many projects are drawn whole (and sent whole in the first answer) */
export const REGISTER_WHOLE_UP_TO = 300;

export interface RegisterFirst extends RegisterColumns {
  /** the rows are every project of the plan, in register.columns' order */
  complete: boolean;
  /** how many projects the plan has (rows hold the first `rows` of them when not complete) */
  projectCount: number;
  /** the totals row of the unfiltered register */
  totals: RegisterTotals;
  /** how many projects have each light, for the light filter's option labels */
  lightCounts: Record<TrafficLight, number>;
}

/** The positions of the rows in the default order: 序号 ascending, ties in the plan's order (as the page sorts). */
function defaultOrder(rows: readonly RegisterRow[]): number[] {
  const order = rows.map((_, i) => i);
  return order.sort((a, b) => (rows[a]?.seq ?? 0) - (rows[b]?.seq ?? 0) || a - b);
}

/** What every first answer of a plan shares, whatever its window: worth keeping while the data is unchanged. */
export interface FirstBasis {
  /** the rows' positions in the default order */
  order: readonly number[];
  totals: RegisterTotals;
  lightCounts: Record<TrafficLight, number>;
}

export function firstBasis(register: RegisterRows): FirstBasis {
  const all = register.projects;
  return { order: defaultOrder(all), totals: totalsOf(all), lightCounts: lightCounts(all) };
}

/**
 * The first answer for a window of `window` rows. `whole`: the whole register packed (the
 * server passes register.columns' memo), asked for only when the plan is sent whole.
 */
export function firstAnswer(
  register: RegisterRows,
  window: number,
  basis: FirstBasis = firstBasis(register),
  whole: () => RegisterColumns = () => packRegisterRows(register),
): RegisterFirst {
  const all = register.projects;
  const complete = all.length <= Math.max(window, REGISTER_WHOLE_UP_TO);
  const facts = { complete, projectCount: all.length, totals: basis.totals, lightCounts: basis.lightCounts };
  if (complete) return { ...whole(), ...facts };
  const projects = basis.order.slice(0, window).flatMap((i) => all[i] ?? []);
  return { ...packRegisterRows({ ...register, projects }), ...facts };
}
