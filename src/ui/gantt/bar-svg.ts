// One Gantt row as SVG markup (a string): a hit area, the overdue tail, the planned bar
// (tint, percent fill, outline solid or dashed per end), the actual bar and milestone
// diamonds. The geometry is layout.ts's; the class names are the ones the page, the
// tests and the stylesheet already know (gantt-bar-planned light-red, …). Pure.
import { xmlEscape } from '../../domain/xml-escape';
import type { TrafficLight } from '../../domain/facts/traffic-light';
import { layoutBars, type BarLayout, type BarSource, type PlannedBar } from './layout';
import type { Scale } from './scale';
import type { IsoDate } from './time-units';

/** ids of the chart's shared SVG paint servers (one hatch and one fade per chart) */
export interface PaintIds {
  hatch: string;
  fade: string;
}

/** vertical geometry, as shares of the row height (as the old CSS had it) */
const PLANNED_TOP = 0.22;
const PLANNED_H = 0.4;
const ACTUAL_TOP = 0.68;
const ACTUAL_H = 0.14;
const EDGE = 1.5;
/** half the diagonal of the milestone diamond */
const DIAMOND = 5.5;


/** two decimals are plenty for pixels, and keep the markup short */
function n(x: number): string {
  return String(Math.round(x * 100) / 100);
}

export function plannedClass(p: PlannedBar, light: TrafficLight): string {
  let c = `gantt-bar-planned light-${light}`;
  if (p.startYearOnly && p.endYearOnly) c += ' year-only';
  if (p.startYearOnly) c += ' year-start';
  if (p.endYearOnly) c += ' year-end';
  if (p.clippedLeft) c += ' clip-left';
  if (p.clippedRight) c += ' clip-right';
  return c;
}

/** The outline of the planned bar as two paths' d: solid edges and dashed edges. */
export function plannedEdges(p: PlannedBar, y: number, h: number): { solid: string; dashed: string } {
  const i = EDGE / 2;
  const x0 = p.x + (p.clippedLeft ? 0 : i);
  const x1 = p.x + p.width - (p.clippedRight ? 0 : i);
  const y0 = y + i;
  const y1 = y + h - i;
  let solid = '';
  let dashed = '';
  // top and bottom: dashed only when both ends are years only (the whole window is "about")
  const tb = `M${n(x0)} ${n(y0)}H${n(x1)}M${n(x0)} ${n(y1)}H${n(x1)}`;
  if (p.startYearOnly && p.endYearOnly) dashed += tb;
  else solid += tb;
  if (!p.clippedLeft) {
    const d = `M${n(x0)} ${n(y0)}V${n(y1)}`;
    if (p.startYearOnly) dashed += d;
    else solid += d;
  }
  if (!p.clippedRight) {
    const d = `M${n(x1)} ${n(y0)}V${n(y1)}`;
    if (p.endYearOnly) dashed += d;
    else solid += d;
  }
  return { solid, dashed };
}

/** The bars of one item row at y (its top), as SVG elements. */
export function barsMarkup(bars: BarLayout, light: TrafficLight, y: number, rowHeight: number, ids: PaintIds): string {
  const { planned, actual, overdue } = bars;
  let out = '';
  const py = y + rowHeight * PLANNED_TOP;
  const ph = rowHeight * PLANNED_H;
  if (overdue) {
    out += `<rect class="gantt-bar-overdue" x="${n(overdue.x)}" y="${n(py)}" width="${n(Math.max(1, overdue.width))}" height="${n(ph)}" fill="url(#${ids.hatch})"/>`;
  }
  if (planned) {
    const square = planned.startYearOnly || planned.endYearOnly || planned.clippedLeft || planned.clippedRight;
    const rx = square ? '' : ' rx="3"';
    const { solid, dashed } = plannedEdges(planned, py, ph);
    out += `<g class="${plannedClass(planned, light)}">`;
    out += `<rect class="gb-bg" x="${n(planned.x)}" y="${n(py)}" width="${n(planned.width)}" height="${n(ph)}"${rx}/>`;
    if (bars.progressWidth > 0) {
      out += `<rect class="gantt-bar-fill" x="${n(planned.x)}" y="${n(py)}" width="${n(bars.progressWidth)}" height="${n(ph)}"${rx}/>`;
    }
    if (solid) out += `<path class="gb-edge" d="${solid}"/>`;
    if (dashed) out += `<path class="gb-edge gb-dash" d="${dashed}"/>`;
    out += '</g>';
  }
  if (actual) {
    const fill = actual.running ? ` fill="url(#${ids.fade})"` : '';
    out += `<rect class="gantt-bar-actual${actual.running ? ' running' : ''}" x="${n(actual.x)}" y="${n(y + rowHeight * ACTUAL_TOP)}" width="${n(Math.max(2, actual.width))}" height="${n(rowHeight * ACTUAL_H)}" rx="2"${fill}/>`;
  }
  const mid = y + rowHeight / 2;
  for (const m of bars.milestones) {
    const title = xmlEscape(`${m.kind} ${m.date}${m.done ? '（实际）' : '（计划）'}`);
    const d = `M${n(m.x)} ${n(mid - DIAMOND)}l${DIAMOND} ${DIAMOND}l${-DIAMOND} ${DIAMOND}l${-DIAMOND} ${-DIAMOND}z`;
    out += `<path class="gantt-milestone${m.done ? ' done' : ''}" d="${d}" title="${title}"><title>${title}</title></path>`;
  }
  return out;
}

/** Bar geometry and markup of one item row. */
export function itemRowBars(row: BarSource & { light: TrafficLight }, scale: Scale, today: IsoDate, y: number, rowHeight: number, ids: PaintIds): string {
  return barsMarkup(layoutBars(row, scale, today), row.light, y, rowHeight, ids);
}
