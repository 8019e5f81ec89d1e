// The project page's progress timeline and milestones form: grouping, labels, dates as ISO.
import { describe, expect, it } from 'vitest';
import type { Milestone, ProgressEntry, Site } from '../../src/domain/model';
import {
  isFormDirty,
  issuesToForm,
  milestoneCounts,
  milestoneForm,
  parseDateText,
  planMilestoneSave,
} from '../../src/ui/progress/milestone-form';
import { buildTimeline, reportedSites } from '../../src/ui/progress/timeline';

const site = (id: number, seq: number, village: string): Site => ({
  id,
  projectId: 10,
  seq,
  town: '公平镇',
  village,
  address: '',
  scaleText: '',
  budgetYuan: null,
  startYear: null,
  endYear: null,
});
const sites = [site(42, 1, '万民村'), site(43, 2, '长龙村')];

function entry(id: number, siteId: number | null, reportMonth: string, percent: number): ProgressEntry {
  return {
    id,
    projectId: 10,
    siteId,
    reportMonth,
    date: '2026-11-29',
    stage: percent === 100 ? '完工' : '在建',
    percent,
    description: '',
    investPeriodYuan: 10_000,
    investCumulativeYuan: 150_000,
    problems: '',
    author: '张三',
  };
}

describe('progress timeline', () => {
  const entries = [entry(5, 43, '2026-10', 100), entry(4, 42, '2026-10', 60), entry(3, null, '2026-10', 50), entry(2, 42, '2026-10', 55), entry(1, 42, '2026-09', 40)];

  it('groups by month, newest first; the project first, then sites in order; corrections marked', () => {
    const t = buildTimeline(entries, sites, 10, 'all', 50);
    expect(t.months.map((m) => m.label)).toEqual(['2026年10月', '2026年9月']);
    expect(t.months[0]?.items.map((i) => [i.target, i.percent, i.superseded])).toEqual([
      ['项目整体', 50, false],
      ['10-1 公平镇 万民村', 60, false],
      ['10-1 公平镇 万民村', 55, true],
      ['10-2 公平镇 长龙村', 100, false],
    ]);
    expect(t.months[0]?.items[3]?.stageTone).toBe('done');
    expect(t.months[1]?.items[0]).toMatchObject({ periodWan: '1', cumulativeWan: '15', author: '张三', date: '2026-11-29' });
    expect(t.total).toBe(5);
  });

  it('filters by target and pages', () => {
    expect(buildTimeline(entries, sites, 10, 42, 50).total).toBe(3);
    expect(buildTimeline(entries, sites, 10, 'project', 50).months[0]?.items.map((i) => i.id)).toEqual([3]);
    const page = buildTimeline(entries, sites, 10, 'all', 2);
    expect([page.shown, page.total]).toEqual([2, 5]);
    expect(reportedSites(sites, entries).map((s) => s.id)).toEqual([42, 43]);
  });

  it('names a report of a site that is no longer listed', () => {
    const t = buildTimeline([entry(9, 99, '2026-10', 10)], sites, 10, 'all', 5);
    expect(t.months[0]?.items[0]?.target).toBe('建设点（编号 99，已归档）');
  });
});

describe('milestone form', () => {
  const saved: Milestone[] = [
    { id: 1, projectId: 10, siteId: null, kind: '开工', plannedDate: '2024-03-01', actualDate: '2024-03-15' },
    { id: 2, projectId: 10, siteId: 42, kind: '开工', plannedDate: '2024-05-01', actualDate: null },
  ];

  it('reads dates as YYYY-MM-DD whatever the way they are typed', () => {
    expect(parseDateText('2025-03-05')).toEqual({ ok: true, date: '2025-03-05' });
    expect(parseDateText('2025/3/5')).toEqual({ ok: true, date: '2025-03-05' });
    expect(parseDateText('2025.3.5')).toEqual({ ok: true, date: '2025-03-05' });
    expect(parseDateText('2025年3月5日')).toEqual({ ok: true, date: '2025-03-05' });
    expect(parseDateText('20250305')).toEqual({ ok: true, date: '2025-03-05' });
    expect(parseDateText(' ')).toEqual({ ok: true, date: null });
    expect(parseDateText('2025-02-30')).toEqual({ ok: false, message: '日期 2025-02-30 不存在' });
    expect(parseDateText('3/5/2025').ok).toBe(false);
  });

  it('has the eight kinds for the chosen target', () => {
    const project = milestoneForm(saved, null);
    expect(project.map((r) => r.kind)).toEqual(['立项', '可研批复', '初设及概算批复', '招标', '开工', '主体完工', '竣工验收', '竣工决算']);
    expect(project[4]).toEqual({ kind: '开工', plannedDate: '2024-03-01', actualDate: '2024-03-15' });
    expect(milestoneForm(saved, 42)[4]).toEqual({ kind: '开工', plannedDate: '2024-05-01', actualDate: '' });
    expect(milestoneCounts(saved)).toEqual(new Map([[null, 1], [42, 1]]));
  });

  it('sends only the changed kinds; cleared dates remove; bad dates send nothing', () => {
    const base = milestoneForm(saved, null);
    const form = base.map((r) => (r.kind === '招标' ? { ...r, plannedDate: '2024/1/2' } : r.kind === '开工' ? { ...r, plannedDate: '', actualDate: '' } : r));
    expect(isFormDirty(form, base)).toBe(true);
    expect(isFormDirty(base.map((r) => (r.kind === '开工' ? { ...r, plannedDate: '2024/3/1' } : r)), base)).toBe(false);
    const plan = planMilestoneSave(form, base, null, '2026-11-29');
    expect(plan.items).toEqual([
      { siteId: null, kind: '招标', plannedDate: '2024-01-02', actualDate: null },
      { siteId: null, kind: '开工', plannedDate: null, actualDate: null },
    ]);
    expect(plan.itemRows).toEqual([3, 4]);
    const bad = planMilestoneSave(base.map((r, i) => (i === 0 ? { ...r, actualDate: '2027-01-01' } : i === 1 ? { ...r, plannedDate: 'x' } : r)), base, null, '2026-11-29');
    expect(bad.items).toEqual([]);
    expect([...bad.errors.keys()]).toEqual(['0:actualDate', '1:plannedDate']);
  });

  it('puts the backend’s issues on the inputs', () => {
    const m = issuesToForm([{ field: 'milestones.1.actualDate', message: '第 2 个里程碑（开工）：实际日期晚于今天' }, { message: '其他' }], [3, 4]);
    expect(m.errors).toEqual(new Map([['4:actualDate', '实际日期晚于今天']]));
    expect(m.other).toEqual([{ message: '其他' }]);
  });
});
