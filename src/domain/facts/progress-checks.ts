// Consistency checks of new progress reports against the history (and each other), used
// by 'progress.record' and by the 进度月报 import. Pure; "today" is passed in. Refused:
//   - a report month after today's month;
//   - the same project/site and month twice in one batch;
//   - this month's investment above the cumulative figure;
//   - a cumulative investment lower than the previous month's (or higher than a later month's);
//   - a percent lower than the previous month's (or higher than a later month's), unless
//     the later of the two reports is 暂停 or 取消.
// "Previous month" is the nearest earlier 报告期 with a report; within one month the
// latest row counts (corrections are appended), and a new report of a month replaces it.
import { chineseMonth, monthOf, type IsoDate } from '../calendar';
import type { Issue } from '../api/errors';
import type { ProgressEntry } from '../model';
import { formatWan } from '../money';
import { STOP_STAGES } from './stages';

/** A report as entered (amounts integer 元). */
export interface ProgressDraft {
  projectId: number;
  siteId: number | null;
  reportMonth: string;
  stage: string;
  percent: number;
  description: string;
  investPeriodYuan: number;
  investCumulativeYuan: number;
  problems: string;
}

export type HistoryEntry = Pick<ProgressEntry, 'id' | 'projectId' | 'siteId' | 'reportMonth' | 'stage' | 'percent' | 'investCumulativeYuan'>;

/** The same content as an existing report: saving it again would add nothing. */
export function sameReport(a: Omit<ProgressDraft, 'projectId' | 'siteId'>, b: Omit<ProgressDraft, 'projectId' | 'siteId'>): boolean {
  return (
    a.reportMonth === b.reportMonth &&
    a.stage === b.stage &&
    a.percent === b.percent &&
    a.description === b.description &&
    a.investPeriodYuan === b.investPeriodYuan &&
    a.investCumulativeYuan === b.investCumulativeYuan &&
    a.problems === b.problems
  );
}

const targetKey = (e: { projectId: number; siteId: number | null }): string => `${e.projectId}:${e.siteId ?? ''}`;

type Point = { kind: 'draft'; index: number; d: ProgressDraft } | { kind: 'history'; d: HistoryEntry };

export interface IssueNaming {
  /** field path prefix: issues name `${prefix}.${index}.${field}` (default 'entries') */
  prefix?: string;
  /** how an entry is named in messages (default "第 n 条"; an import says "第 12 行") */
  label?: (index: number) => string;
}

/**
 * Issues naming `${prefix}.${index}.${field}` (the grid marks those cells; an import maps
 * the index to its sheet row). Empty when the batch may be saved.
 */
export function progressIssues(
  drafts: readonly ProgressDraft[],
  history: readonly HistoryEntry[],
  today: IsoDate,
  naming: IssueNaming = {},
): Issue[] {
  const { prefix = 'entries', label = (i: number) => `第 ${i + 1} 条` } = naming;
  const issues: Issue[] = [];
  const at = (i: number, field: keyof ProgressDraft, message: string): void => {
    issues.push({ field: `${prefix}.${i}.${field}`, message: `${label(i)}：${message}` });
  };
  const thisMonth = monthOf(today);
  const seen = new Map<string, number>();
  drafts.forEach((d, i) => {
    if (d.reportMonth > thisMonth) at(i, 'reportMonth', `报告期 ${d.reportMonth} 晚于本月（${chineseMonth(thisMonth)}），不能填报未来的月份`);
    const key = `${targetKey(d)}@${d.reportMonth}`;
    const first = seen.get(key);
    if (first !== undefined) at(i, 'reportMonth', `与第 ${first + 1} 条重复：同一项目（建设点）同一报告期只能填一条`);
    else seen.set(key, i);
    if (d.investPeriodYuan > d.investCumulativeYuan) {
      at(i, 'investPeriodYuan', `本月完成投资 ${formatWan(d.investPeriodYuan)} 万元大于累计完成投资 ${formatWan(d.investCumulativeYuan)} 万元`);
    }
  });

  // per target: month -> the report that counts (history's latest row, replaced by a draft)
  const byTarget = new Map<string, Map<string, Point>>();
  const slot = (key: string): Map<string, Point> => {
    let m = byTarget.get(key);
    if (!m) byTarget.set(key, (m = new Map()));
    return m;
  };
  const inOrder = [...history].sort((a, b) => a.id - b.id);
  for (const h of inOrder) slot(targetKey(h)).set(h.reportMonth, { kind: 'history', d: h });
  drafts.forEach((d, i) => {
    const m = slot(targetKey(d));
    const there = m.get(d.reportMonth);
    if (there?.kind !== 'draft') m.set(d.reportMonth, { kind: 'draft', index: i, d });
  });

  for (const months of byTarget.values()) {
    const chain = [...months.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, p]) => p);
    for (let k = 1; k < chain.length; k++) {
      const prev = chain[k - 1];
      const cur = chain[k];
      if (!prev || !cur || (prev.kind === 'history' && cur.kind === 'history')) continue;
      // name the draft: the later one when both are drafts
      const blame = cur.kind === 'draft' ? cur : prev;
      if (blame.kind !== 'draft') continue;
      const i = blame.index;
      const other = blame === cur ? prev.d : cur.d;
      const when = chineseMonth(other.reportMonth);
      const side = blame === cur ? '上期' : '之后报告期';
      if (cur.d.investCumulativeYuan < prev.d.investCumulativeYuan) {
        at(
          i,
          'investCumulativeYuan',
          blame === cur
            ? `累计完成投资 ${formatWan(cur.d.investCumulativeYuan)} 万元低于${side}（${when}）的 ${formatWan(prev.d.investCumulativeYuan)} 万元`
            : `累计完成投资 ${formatWan(prev.d.investCumulativeYuan)} 万元高于${side}（${when}）的 ${formatWan(cur.d.investCumulativeYuan)} 万元`,
        );
      }
      if (cur.d.percent < prev.d.percent && !STOP_STAGES.includes(cur.d.stage)) {
        at(
          i,
          'percent',
          blame === cur
            ? `形象进度 ${cur.d.percent}% 低于${side}（${when}）的 ${prev.d.percent}%；只有阶段为“暂停”或“取消”时进度才能下降`
            : `形象进度 ${prev.d.percent}% 高于${side}（${when}）的 ${cur.d.percent}%`,
        );
      }
    }
  }
  return issues;
}
