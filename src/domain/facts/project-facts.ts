// The one set of facts per project and per site that the register, the Gantt (screen,
// print, Excel), the dashboard and `list --json` all read. Pure: rows in, facts out.
//
// For one target (a project's own reports, or one site's):
//   current report  the latest by 报告期, then by entry order (history is append-only,
//                   so a correction of a month is a later row of the same month);
//   actual start    the 开工 milestone's actual date, else the first day of the first
//                   report month showing work (percent > 0 or a working stage);
//   actual end      the 竣工验收 milestone's actual date, else, once finished, the last day
//                   of the month from which the reports have said "finished" ever since.
// A project with sites shows its own current report when it is newer than every site's;
// otherwise the sites' roll-up (rollup.ts). Its completed investment is then the sum of
// the sites' latest cumulative figures.
import { firstDayOfMonth, lastDayOfMonth, monthOf, monthsBetween, type IsoDate } from '../calendar';
import type { Milestone, ProgressEntry } from '../model';
import { plannedWindow, siteWindow, type WindowLike } from '../schedule';
import { rollUpPercent, rollUpStage } from './rollup';
import { trafficLight, workState, type LatestProgress, type LightThresholds, type TrafficLight } from './traffic-light';
import { WORKING_STAGES } from './stages';

export type FactsEntry = Pick<ProgressEntry, 'id' | 'siteId' | 'reportMonth' | 'stage' | 'percent' | 'investCumulativeYuan'>;
export type FactsMilestone = Pick<Milestone, 'siteId' | 'kind' | 'actualDate'>;

export interface Facts {
  /** the planned window (a site's inherited from its project when it has no years of its own) */
  window: WindowLike;
  plannedStart: IsoDate;
  plannedEnd: IsoDate;
  actualStart: IsoDate | null;
  actualEnd: IsoDate | null;
  /** latest 形象进度 0..100; null when never reported */
  percent: number | null;
  /** 序时进度 today, 0..100 */
  expectedPercent: number;
  /** points behind 序时进度 (negative: ahead); null when not measured */
  behindPoints: number | null;
  /** latest 建设阶段; null when never reported */
  stage: string | null;
  started: boolean;
  finished: boolean;
  light: TrafficLight;
  lightReason: string;
  /** latest cumulative completed investment, integer 元 (0 when never reported) */
  completedInvestmentYuan: number;
  /** newest 报告期 of any report (for a project: its own or any site's) */
  lastReportMonth: string | null;
  /** whole months from lastReportMonth to today's month; null when never reported */
  monthsSinceReport: number | null;
  /** a report is due: the planned start has passed, and the work is neither finished nor cancelled */
  reportDue: boolean;
  /** where percent and stage come from */
  basis: 'own' | 'sites' | 'none';
}

export interface SiteFacts extends Facts {
  siteId: number;
}

export interface ProjectFacts extends Facts {
  projectId: number;
  sites: SiteFacts[];
}

export interface FactsInput {
  project: WindowLike & { id: number };
  sites: readonly { id: number; budgetYuan: number | null; startYear: number | null; endYear: number | null }[];
  /** the project's reports, its own and its sites', in any order */
  progress: readonly FactsEntry[];
  /** the project's milestones, its own and its sites' */
  milestones: readonly FactsMilestone[];
  today: IsoDate;
  thresholds: LightThresholds;
}

const newer = (a: FactsEntry, b: FactsEntry): boolean => a.reportMonth > b.reportMonth || (a.reportMonth === b.reportMonth && a.id > b.id);

function inReportOrder(entries: readonly FactsEntry[]): FactsEntry[] {
  return [...entries].sort((a, b) => (a.reportMonth < b.reportMonth ? -1 : a.reportMonth > b.reportMonth ? 1 : a.id - b.id));
}

const showsWork = (e: FactsEntry): boolean => e.percent > 0 || WORKING_STAGES.includes(e.stage);

function milestoneDate(ms: readonly FactsMilestone[], kind: string): IsoDate | null {
  return ms.find((m) => m.kind === kind && m.actualDate !== null)?.actualDate ?? null;
}

/** the month since which every report says finished (the last run), or null */
function finishedSince(sorted: readonly FactsEntry[], today: IsoDate): string | null {
  let since: string | null = null;
  for (const e of sorted) {
    const done = workState({ percent: e.percent, stage: e.stage }, [], today).finished;
    if (!done) since = null;
    else since ??= e.reportMonth;
  }
  return since;
}

interface Current {
  latest: LatestProgress | null;
  lastReportMonth: string | null;
  completedInvestmentYuan: number;
  actualStart: IsoDate | null;
  actualEnd: IsoDate | null;
  basis: Facts['basis'];
}

function factsOf(window: WindowLike, ms: readonly FactsMilestone[], cur: Current, today: IsoDate, t: LightThresholds): Facts {
  const verdict = trafficLight({ window, latest: cur.latest, milestones: ms, today, thresholds: t });
  const state = workState(cur.latest, ms, today);
  const { start, end } = plannedWindow(window);
  return {
    // copied: callers pass whole Project rows, and facts must carry only the window
    window: { startYear: window.startYear, endYear: window.endYear, startDate: window.startDate, endDate: window.endDate },
    plannedStart: start,
    plannedEnd: end,
    actualStart: cur.actualStart,
    actualEnd: state.finished ? cur.actualEnd : null,
    percent: cur.latest?.percent ?? null,
    expectedPercent: verdict.expectedPercent,
    behindPoints: verdict.behindPoints,
    stage: cur.latest?.stage ?? null,
    started: state.started,
    finished: state.finished,
    light: verdict.light,
    lightReason: verdict.reason,
    completedInvestmentYuan: cur.completedInvestmentYuan,
    lastReportMonth: cur.lastReportMonth,
    monthsSinceReport: cur.lastReportMonth === null ? null : monthsBetween(cur.lastReportMonth, monthOf(today)),
    reportDue: start <= today && !state.finished && !state.cancelled,
    basis: cur.basis,
  };
}

/** One target's current state from its own reports alone. */
function ownCurrent(sorted: readonly FactsEntry[], ms: readonly FactsMilestone[], today: IsoDate): Current {
  const last = sorted.at(-1);
  const firstWork = sorted.find(showsWork);
  const since = finishedSince(sorted, today);
  return {
    latest: last ? { percent: last.percent, stage: last.stage } : null,
    lastReportMonth: last?.reportMonth ?? null,
    completedInvestmentYuan: last?.investCumulativeYuan ?? 0,
    actualStart: milestoneDate(ms, '开工') ?? (firstWork ? firstDayOfMonth(firstWork.reportMonth) : null),
    actualEnd: milestoneDate(ms, '竣工验收') ?? (since ? lastDayOfMonth(since) : null),
    basis: last ? 'own' : 'none',
  };
}

const minDate = (ds: (IsoDate | null)[]): IsoDate | null => ds.reduce<IsoDate | null>((m, d) => (d !== null && (m === null || d < m) ? d : m), null);

export function projectFacts(input: FactsInput): ProjectFacts {
  const { project, today, thresholds: t } = input;
  const sorted = inReportOrder(input.progress);
  const own = sorted.filter((e) => e.siteId === null);
  const ownMs = input.milestones.filter((m) => m.siteId === null);

  const siteRows = input.sites.map((s) => {
    const entries = sorted.filter((e) => e.siteId === s.id);
    const ms = input.milestones.filter((m) => m.siteId === s.id);
    const cur = ownCurrent(entries, ms, today);
    return { site: s, last: entries.at(-1) ?? null, cur, facts: { siteId: s.id, ...factsOf(siteWindow(project, s), ms, cur, today, t) } };
  });

  const ownCur = ownCurrent(own, ownMs, today);
  const ownLast = own.at(-1) ?? null;
  const siteLasts = siteRows.map((r) => r.last).filter((e): e is FactsEntry => e !== null);
  const useOwn = siteLasts.length === 0 || (ownLast !== null && siteLasts.every((e) => newer(ownLast, e)));
  let cur: Current = ownCur;
  if (!useOwn) {
    const rolled = siteRows.map((r) => ({ budgetYuan: r.site.budgetYuan, latest: r.cur.latest }));
    const percent = rollUpPercent(rolled) ?? 0;
    const siteEnds = siteRows.map((r) => r.facts.actualEnd).filter((d): d is IsoDate => d !== null);
    const months = siteLasts.map((e) => e.reportMonth).concat(ownLast ? [ownLast.reportMonth] : []);
    cur = {
      latest: { percent, stage: rollUpStage(rolled) },
      lastReportMonth: months.reduce((a, b) => (b > a ? b : a)),
      completedInvestmentYuan: siteRows.reduce((sum, r) => sum + r.cur.completedInvestmentYuan, 0),
      actualStart: milestoneDate(ownMs, '开工') ?? minDate([ownCur.actualStart, ...siteRows.map((r) => r.facts.actualStart)]),
      // kept only when the roll-up says finished (factsOf): the last site to finish
      actualEnd: milestoneDate(ownMs, '竣工验收') ?? (siteEnds.length > 0 ? siteEnds.reduce((a, b) => (b > a ? b : a)) : null),
      basis: 'sites',
    };
  }
  return { projectId: project.id, ...factsOf(project, ownMs, cur, today, t), sites: siteRows.map((r) => r.facts) };
}
