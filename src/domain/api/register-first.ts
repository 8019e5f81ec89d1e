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

export function firstAnswer(register: RegisterRows, window: number): RegisterFirst {
  const all = register.projects;
  const complete = all.length <= Math.max(window, REGISTER_WHOLE_UP_TO);
  const projects = complete ? all : defaultOrder(all).slice(0, window).flatMap((i) => all[i] ?? []);
  return { ...packRegisterRows({ ...register, projects }), complete, projectCount: all.length, totals: totalsOf(all), lightCounts: lightCounts(all) };
}
