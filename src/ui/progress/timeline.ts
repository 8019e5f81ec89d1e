// The project page's progress timeline: reports grouped by 报告期, newest month first; in a
// month the project's own report first, then its sites in order. A report later corrected
// in the same month (history is append-only) is kept and marked. Pure.
import { chineseMonth } from '../../domain/calendar';
import { FINISHED_STAGES, STOP_STAGES } from '../../domain/facts/stages';
import type { ProgressEntry, Site } from '../../domain/model';
import { formatWan } from '../../domain/money';
import { siteName } from '../../domain/site-name';

/** 'all', 'project' (the project's own reports) or a site id */
export type TimelineFilter = 'all' | 'project' | number;

export interface TimelineItem {
  id: number;
  siteId: number | null;
  /** "项目整体" or "10-3 公平镇 浸塘村" */
  target: string;
  stage: string;
  stageTone: 'stop' | 'done' | 'work';
  percent: number;
  description: string;
  periodWan: string;
  cumulativeWan: string;
  problems: string;
  author: string;
  date: string;
  /** a later report of the same month replaced it */
  superseded: boolean;
}

export interface TimelineMonth {
  month: string;
  label: string;
  items: TimelineItem[];
}

export interface Timeline {
  months: TimelineMonth[];
  shown: number;
  /** reports matching the filter */
  total: number;
}

export const PROJECT_TARGET = '项目整体';

function tone(stage: string): TimelineItem['stageTone'] {
  if (STOP_STAGES.includes(stage)) return 'stop';
  if (FINISHED_STAGES.includes(stage)) return 'done';
  return 'work';
}

export function siteLabel(projectSeq: number, site: Pick<Site, 'seq' | 'town' | 'village' | 'address'>): string {
  return `${projectSeq}-${site.seq} ${siteName(site)}`;
}

/** The sites that have reports, in site order, for the filter picker. */
export function reportedSites(sites: readonly Site[], entries: readonly ProgressEntry[]): Site[] {
  const ids = new Set(entries.map((e) => e.siteId));
  return sites.filter((s) => ids.has(s.id)).sort((a, b) => a.seq - b.seq);
}

export function buildTimeline(
  entries: readonly ProgressEntry[],
  sites: readonly Site[],
  projectSeq: number,
  filter: TimelineFilter,
  limit: number,
): Timeline {
  const byId = new Map(sites.map((s) => [s.id, s]));
  const siteSeq = (id: number | null): number => (id === null ? -1 : (byId.get(id)?.seq ?? Number.MAX_SAFE_INTEGER));
  const matching = entries.filter((e) => (filter === 'all' ? true : filter === 'project' ? e.siteId === null : e.siteId === filter));
  // the report that counts in a month is the last one entered for its target
  const latest = new Map<string, number>();
  for (const e of matching) {
    const k = `${e.reportMonth}|${e.siteId ?? ''}`;
    latest.set(k, Math.max(latest.get(k) ?? 0, e.id));
  }
  const sorted = [...matching].sort(
    (a, b) => (a.reportMonth < b.reportMonth ? 1 : a.reportMonth > b.reportMonth ? -1 : siteSeq(a.siteId) - siteSeq(b.siteId) || b.id - a.id),
  );
  const months: TimelineMonth[] = [];
  for (const e of sorted.slice(0, limit)) {
    let m = months.at(-1);
    if (!m || m.month !== e.reportMonth) months.push((m = { month: e.reportMonth, label: chineseMonth(e.reportMonth), items: [] }));
    const site = e.siteId === null ? null : byId.get(e.siteId);
    m.items.push({
      id: e.id,
      siteId: e.siteId,
      target: e.siteId === null ? PROJECT_TARGET : site ? siteLabel(projectSeq, site) : `建设点（编号 ${e.siteId}，已归档）`,
      stage: e.stage,
      stageTone: tone(e.stage),
      percent: e.percent,
      description: e.description,
      periodWan: formatWan(e.investPeriodYuan),
      cumulativeWan: formatWan(e.investCumulativeYuan),
      problems: e.problems,
      author: e.author,
      date: e.date,
      superseded: latest.get(`${e.reportMonth}|${e.siteId ?? ''}`) !== e.id,
    });
  }
  return { months, shown: Math.min(limit, sorted.length), total: sorted.length };
}
