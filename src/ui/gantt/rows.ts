// GanttData -> the flat list of rows the chart and the print layout draw: group
// headers, projects, and (when a project is expanded) its sites. Pure. Every figure on
// a row (window, percent, light, actual dates, stage) is the project's or site's facts,
// derived once in src/domain/facts; nothing is re-derived here.
import type { GanttData, GanttProject, GanttSite } from '../../domain/api/gantt';
import { stageRank } from '../../domain/facts/stages';
import type { TrafficLight } from '../../domain/facts/traffic-light';
import { NO_TOWN, siteShares } from '../../domain/dashboard/town-share';
import { CATEGORIES, type Milestone } from '../../domain/model';
import { plannedWindow, yearsWindow, type WindowLike } from '../../domain/schedule';
import { siteName as siteNameOf } from '../../domain/site-name';

/** the groupings, in the order the toolbar and the print route offer them */
export const GROUPS = ['category', 'town', 'stage'] as const;
export type GroupBy = (typeof GROUPS)[number];

export const GROUP_LABELS: Record<GroupBy, string> = { category: '类别', town: '镇街', stage: '阶段' };

export function isGroupBy(s: string | null): s is GroupBy {
  return (GROUPS as readonly (string | null)[]).includes(s);
}

export interface GroupRow {
  kind: 'group';
  key: string;
  label: string;
  projectCount: number;
  /** under town grouping the town's own share (本镇分摊), else the projects' whole investment */
  investmentYuan: number;
  /** investmentYuan is a share of projects split over their sites (town grouping) */
  isShare: boolean;
  /** folded: its projects are hidden, the header (with its totals) stays */
  collapsed: boolean;
}

export interface ItemRow {
  kind: 'project' | 'site';
  key: string;
  projectId: number;
  siteId: number | null;
  /** 序号: "3" for a project, "3-2" for its second site */
  seqLabel: string;
  name: string;
  investmentYuan: number | null;
  window: WindowLike;
  percent: number | null;
  light: TrafficLight;
  lightReason: string;
  actualStart: string | null;
  actualEnd: string | null;
  milestones: readonly Milestone[];
  stage: string;
  category: string;
  location: string;
  siteCount: number;
  expanded: boolean;
}

export type GanttRow = GroupRow | ItemRow;

export const NO_STAGE = '未填报';

function categoryRank(c: string): number {
  const i = (CATEGORIES as readonly string[]).indexOf(c);
  return i < 0 ? CATEGORIES.length : i;
}

// made on first use: building a Collator loads ICU's collation data (10–20 ms), which the
// app's first paint does not need
let zhCollator: Intl.Collator | undefined;
const zh = (): Intl.Collator => (zhCollator ??= new Intl.Collator('zh-CN'));

export function siteName(s: GanttSite): string {
  return siteNameOf(s);
}

function projectRow(gp: GanttProject, siteCount: number, expanded: boolean, keyPrefix: string): ItemRow {
  const p = gp.project;
  return {
    kind: 'project',
    key: `${keyPrefix}p${p.id}`,
    projectId: p.id,
    siteId: null,
    // the true order, not a misprint kept in seqPrinted (the annex prints 115 for 15)
    seqLabel: String(p.seq),
    name: p.name,
    investmentYuan: p.investmentYuan,
    window: gp.window,
    percent: gp.percent,
    light: gp.light,
    lightReason: gp.lightReason,
    actualStart: gp.actualStart,
    actualEnd: gp.actualEnd,
    milestones: gp.milestones.filter((m) => m.siteId === null),
    stage: gp.stage ?? NO_STAGE,
    category: p.category,
    location: p.locationText,
    siteCount,
    expanded,
  };
}

function siteRow(gp: GanttProject, s: GanttSite, keyPrefix: string): ItemRow {
  const p = gp.project;
  return {
    kind: 'site',
    key: `${keyPrefix}s${s.id}`,
    projectId: p.id,
    siteId: s.id,
    seqLabel: `${p.seq}-${s.seq}`,
    name: siteName(s),
    investmentYuan: s.budgetYuan,
    window: s.window,
    percent: s.percent,
    light: s.light,
    lightReason: s.lightReason,
    actualStart: s.actualStart,
    actualEnd: s.actualEnd,
    milestones: gp.milestones.filter((m) => m.siteId === s.id),
    stage: s.stage ?? NO_STAGE,
    category: p.category,
    location: siteName(s),
    siteCount: 0,
    expanded: false,
  };
}

interface Group {
  key: string;
  label: string;
  rank: number;
  members: { gp: GanttProject; sites: GanttSite[] }[];
  /** the sum of the members' shares (town grouping), else null: whole investments */
  shareYuan: number | null;
}

function groupsOf(data: GanttData, groupBy: GroupBy): Group[] {
  const groups = new Map<string, Group>();
  const add = (label: string, rank: number, gp: GanttProject, sites: GanttSite[], share: number | null = null): void => {
    let g = groups.get(label);
    if (!g) {
      g = { key: `g:${groupBy}:${label}`, label, rank, members: [], shareYuan: share === null ? null : 0 };
      groups.set(label, g);
    }
    g.members.push({ gp, sites });
    if (share !== null) g.shareYuan = (g.shareYuan ?? 0) + share;
  };
  for (const gp of data.projects) {
    if (groupBy === 'category') add(gp.project.category, categoryRank(gp.project.category), gp, gp.sites);
    else if (groupBy === 'stage') add(gp.stage ?? NO_STAGE, stageRank(gp.stage), gp, gp.sites);
    else {
      // a project built in several towns is listed under each, with that town's sites;
      // the town's total takes only those sites' shares, so the towns add up to the plan
      const shares = siteShares({ id: gp.project.id, investmentYuan: gp.project.investmentYuan, sites: gp.sites });
      const byTown = new Map<string, { sites: GanttSite[]; share: number }>();
      gp.sites.forEach((s, i) => {
        const t = s.town.trim() || NO_TOWN;
        const entry = byTown.get(t) ?? { sites: [], share: 0 };
        entry.sites.push(s);
        entry.share += shares[i] ?? 0;
        byTown.set(t, entry);
      });
      if (byTown.size === 0) byTown.set(NO_TOWN, { sites: [], share: gp.project.investmentYuan });
      for (const [town, { sites, share }] of byTown) add(town, town === NO_TOWN ? 1 : 0, gp, sites, share);
    }
  }
  return [...groups.values()].sort((a, b) => a.rank - b.rank || zh().compare(a.label, b.label));
}

/** The flat rows, built on demand: the order is fixed up front (cheap references), each
 * row object only when a screen asks for it, so a 10,000-row chart builds the ~40 it
 * draws, not 10,000. */
export interface RowList {
  readonly length: number;
  at(index: number): GanttRow | undefined;
}

interface ItemRef {
  gp: GanttProject;
  /** null: the project's own row */
  site: GanttSite | null;
  siteCount: number;
  open: boolean;
  prefix: string;
}

/**
 * Flat rows: a header per group, its projects by 序号, and the sites of expanded
 * projects. Under town grouping a project's row key carries the town, since the same
 * project can appear under several towns.
 */
export function buildRowList(
  data: GanttData,
  groupBy: GroupBy,
  expanded: ReadonlySet<number>,
  collapsedGroups: ReadonlySet<string> = new Set(),
): RowList {
  const refs: (GroupRow | ItemRef)[] = [];
  for (const g of groupsOf(data, groupBy)) {
    const members = [...g.members].sort((a, b) => a.gp.project.seq - b.gp.project.seq || a.gp.project.id - b.gp.project.id);
    refs.push({
      kind: 'group',
      key: g.key,
      label: g.label,
      projectCount: members.length,
      investmentYuan: g.shareYuan ?? members.reduce((sum, m) => sum + m.gp.project.investmentYuan, 0),
      isShare: g.shareYuan !== null,
      collapsed: collapsedGroups.has(g.key),
    });
    if (collapsedGroups.has(g.key)) continue;
    const prefix = groupBy === 'town' ? `${g.label}:` : '';
    for (const { gp, sites } of members) {
      const open = expanded.has(gp.project.id) && sites.length > 0;
      refs.push({ gp, site: null, siteCount: sites.length, open, prefix });
      if (open) for (const s of [...sites].sort((a, b) => a.seq - b.seq)) refs.push({ gp, site: s, siteCount: 0, open: false, prefix });
    }
  }
  const made = new Map<number, GanttRow>();
  return {
    length: refs.length,
    at(index) {
      const hit = made.get(index);
      if (hit) return hit;
      const ref = refs[index];
      if (!ref) return undefined;
      const row = 'kind' in ref ? ref : ref.site ? siteRow(ref.gp, ref.site, ref.prefix) : projectRow(ref.gp, ref.siteCount, ref.open, ref.prefix);
      made.set(index, row);
      return row;
    },
  };
}

/** Every row at once (print draws them all). */
export function buildRows(
  data: GanttData,
  groupBy: GroupBy,
  expanded: ReadonlySet<number>,
  collapsedGroups: ReadonlySet<string> = new Set(),
): GanttRow[] {
  const list = buildRowList(data, groupBy, expanded, collapsedGroups);
  const rows: GanttRow[] = [];
  for (let i = 0; i < list.length; i++) {
    const row = list.at(i);
    if (row) rows.push(row);
  }
  return rows;
}

/** The date range that holds every planned and actual bar (and the plan period). */
export function dataRange(data: GanttData): { start: string; end: string } {
  let { start, end } = plannedWindow(yearsWindow(data.plan.startYear, data.plan.endYear));
  for (const gp of data.projects) {
    const { start: s, end: e } = plannedWindow(gp.window);
    if (s < start) start = s;
    if (e > end) end = e;
    if (gp.actualStart && gp.actualStart < start) start = gp.actualStart;
    if (gp.actualEnd && gp.actualEnd > end) end = gp.actualEnd;
  }
  return { start, end };
}
