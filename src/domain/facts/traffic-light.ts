// The traffic light (红黄绿灯) of a project or site: a pure function of its planned
// window, its latest progress report, its milestones, today and the thresholds kept in
// the setting table (设置). Rules, checked in this order:
//   done   finished: an actual 竣工验收 date, or latest stage 完工/竣工验收/投入使用, or 100 %;
//   grey   nothing ever reported (未填报): the light cannot be known, so never guess red;
//          a cancelled (取消) job is grey too, with its own reason;
//   red    past the planned end day and not finished (the end day itself is not past);
//   red    not started `notStartedMonths` after the planned start (on that day exactly);
//   red    more than `redBehindPoints` behind the expected-to-date line (序时进度);
//   yellow `yellowBehindPoints` to `redBehindPoints` behind, both ends included;
//   green  otherwise (including everything before the planned start).
// 序时进度 is linear over the planned window, day by day, counting today (see schedule.ts).
import { addMonthsToDate, chineseDate, type IsoDate } from '../calendar';
import { expectedPercent, plannedWindow, type WindowLike } from '../schedule';
import { CANCELLED_STAGE, FINISHED_STAGES, WORKING_STAGES } from './stages';

export const TRAFFIC_LIGHTS = ['red', 'yellow', 'green', 'done', 'grey'] as const;
export type TrafficLight = (typeof TRAFFIC_LIGHTS)[number];

export const LIGHT_LABELS: Record<TrafficLight, string> = {
  red: '滞后',
  yellow: '预警',
  green: '正常',
  done: '已完成',
  grey: '未填报',
};

export interface LightThresholds {
  /** yellow from this many points behind 序时进度 (inclusive) */
  yellowBehindPoints: number;
  /** red beyond this many points behind (exclusive: exactly this many is still yellow) */
  redBehindPoints: number;
  /** red when work has not started this many months after the planned start */
  notStartedMonths: number;
  /** 需关注 (long-unreported) after this many months without a report */
  staleMonths: number;
}

export const DEFAULT_LIGHT_THRESHOLDS: LightThresholds = {
  yellowBehindPoints: 10,
  redBehindPoints: 30,
  notStartedMonths: 3,
  staleMonths: 3,
};

export interface LatestProgress {
  percent: number;
  stage: string | null;
}

export interface MilestoneDates {
  kind: string;
  actualDate: IsoDate | null;
}

export interface WorkState {
  started: boolean;
  finished: boolean;
  cancelled: boolean;
}

/** What the latest report and the milestones say about the work; an actual date in the future does not count yet. */
// module-level, not closures: the plan's derivation calls these for every project, site and report
function happened(milestones: readonly MilestoneDates[], kind: string, today: IsoDate): boolean {
  for (const m of milestones) if (m.kind === kind && m.actualDate !== null && m.actualDate <= today) return true;
  return false;
}

export function workState(latest: LatestProgress | null, milestones: readonly MilestoneDates[], today: IsoDate): WorkState {
  const stage = latest?.stage ?? '';
  const percent = latest?.percent ?? 0;
  const finished = happened(milestones, '竣工验收', today) || FINISHED_STAGES.includes(stage) || percent >= 100;
  return {
    finished,
    started: finished || happened(milestones, '开工', today) || percent > 0 || WORKING_STAGES.includes(stage),
    cancelled: !finished && stage === CANCELLED_STAGE,
  };
}

export interface LightInput {
  window: WindowLike;
  /** the current report; null when nothing was ever reported */
  latest: LatestProgress | null;
  milestones: readonly MilestoneDates[];
  today: IsoDate;
  thresholds: LightThresholds;
}

export interface LightVerdict {
  light: TrafficLight;
  /** why, in Chinese, e.g. "计划2025年竣工，未完工", "落后序时进度 18 个百分点" */
  reason: string;
  /** 序时进度 today, 0..100 */
  expectedPercent: number;
  /** points behind 序时进度 (negative: ahead); null when not measured (nothing reported, or finished) */
  behindPoints: number | null;
}

/** 18 -> "18", 12.345 -> "12.3" */
export function formatPoints(points: number): string {
  const r = Math.round(points * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

function finishedReason(latest: LatestProgress | null, milestones: readonly MilestoneDates[], today: IsoDate): string {
  const accepted = milestones.find((m) => m.kind === '竣工验收' && m.actualDate !== null && m.actualDate <= today);
  if (accepted?.actualDate) return `已于${chineseDate(accepted.actualDate)}竣工验收`;
  if (latest?.stage && FINISHED_STAGES.includes(latest.stage)) return `已${latest.stage}`;
  return '形象进度已达100%';
}

function lightVerdict(latest: LatestProgress | null, expected: number, light: TrafficLight, reason: string, behindPoints: number | null): LightVerdict {
  return {
    light,
    reason: latest?.stage === '暂停' && light !== 'done' ? `已暂停；${reason}` : reason,
    expectedPercent: expected,
    behindPoints,
  };
}

export function trafficLight(input: LightInput): LightVerdict {
  const { window: w, latest, milestones, today, thresholds: t } = input;
  const expected = expectedPercent(w, today);
  const state = workState(latest, milestones, today);
  if (state.finished) return lightVerdict(latest, expected, 'done', finishedReason(latest, milestones, today), null);
  if (latest === null) return lightVerdict(latest, expected, 'grey', '未填报进度', null);
  if (state.cancelled) return lightVerdict(latest, expected, 'grey', '项目已取消', null);

  const { start, end } = plannedWindow(w);
  const behind = Math.round((expected - latest.percent) * 100) / 100;
  if (today > end) {
    const when = w.endDate ? chineseDate(w.endDate) : `${w.endYear}年`;
    return lightVerdict(latest, expected, 'red', `计划${when}竣工，未完工`, behind);
  }
  if (!state.started && today >= addMonthsToDate(start, t.notStartedMonths)) {
    const when = w.startDate ? chineseDate(w.startDate) : `${w.startYear}年`;
    return lightVerdict(latest, expected, 'red', `计划${when}开工，已超过${t.notStartedMonths}个月未开工`, behind);
  }
  if (today < start) return lightVerdict(latest, expected, 'green', '未到计划开工时间', behind);
  const behindText = `落后序时进度 ${formatPoints(behind)} 个百分点`;
  if (behind > t.redBehindPoints) return lightVerdict(latest, expected, 'red', behindText, behind);
  if (behind >= t.yellowBehindPoints) return lightVerdict(latest, expected, 'yellow', behindText, behind);
  return lightVerdict(latest, expected, 'green', `进度正常（序时进度 ${formatPoints(expected)}%，实际 ${formatPoints(latest.percent)}%）`, behind);
}

/** Cross-field rules of the thresholds (each field's range is in the settings schema). */
export function thresholdIssues(t: LightThresholds): { field: string; message: string }[] {
  return t.yellowBehindPoints > t.redBehindPoints
    ? [{ field: 'lightThresholds.yellowBehindPoints', message: `黄灯起点（${t.yellowBehindPoints}）不能大于红灯起点（${t.redBehindPoints}）` }]
    : [];
}
