import { describe, expect, it } from 'vitest';
import type { ProjectRow } from '../../src/domain/api/register';
import type { Facts } from '../../src/domain/facts/project-facts';
import { lightCounts, totalsOf } from '../../src/domain/register-totals';
import { autoExpanded, EMPTY_FILTER, isFiltered, registerOrder, matchesFilter, nextSort, sortRows } from '../../src/ui/register/register-table';

const NO_FACTS: Facts = {
  window: { startYear: 2021, endYear: 2025, startDate: null, endDate: null }, plannedStart: '2021-01-01', plannedEnd: '2025-12-31',
  actualStart: null, actualEnd: null, percent: null, expectedPercent: 100, behindPoints: null, stage: null, started: false, finished: false,
  light: 'grey', lightReason: '未填报进度', completedInvestmentYuan: 0, lastReportMonth: null, monthsSinceReport: null, reportDue: true, basis: 'none',
};

function row(seq: number, over: Partial<ProjectRow> = {}, facts: Partial<Facts> = {}): ProjectRow {
  return {
    id: seq, planId: 1, seq, seqPrinted: null, name: `项目${seq}`, category: '养老', nature: '新建', owner: '奉节县民政局',
    locationText: '', scaleText: '', metrics: {}, investmentYuan: seq * 10_000, startYear: 2021, endYear: 2025,
    startDate: null, endDate: null, remark: '', responsibleUnit: '', leader: '', note: '', siteCount: 1, towns: [], townShares: [], siteTexts: [],
    facts: { ...NO_FACTS, ...facts }, funding: { plannedYuan: 0, arrivedYuan: 0, paidYuan: 0 }, ...over,
  };
}

describe('register table', () => {
  const rows = [
    row(1, { name: '奉节县朱衣社会福利院建设项目', towns: ['朱衣镇'], investmentYuan: 66_250_000 }, { light: 'green', percent: 40, completedInvestmentYuan: 1_000_000 }),
    row(2, { name: '奉节县殡葬服务中心迁建工程', category: '殡葬', towns: ['夔门街道'], investmentYuan: 81_000_000, remark: '前期论证' }, { light: 'red', percent: 5 }),
    row(3, {
      name: '奉节县村（社区）便民服务中心建设项目', category: '城乡社区', towns: ['公平镇', '朱衣镇'], investmentYuan: 39_000_000, siteCount: 55,
      townShares: [{ town: '公平镇', shareYuan: 4_254_546, siteCount: 6 }, { town: '朱衣镇', shareYuan: 34_745_454, siteCount: 49 }],
      siteTexts: ['公平镇 桂林村', '公平镇 龙门村', '朱衣镇 东坪社区'],
    }),
  ];

  it('filters by text (width- and space-insensitive), category and town', () => {
    expect(rows.filter((r) => matchesFilter(r, { ...EMPTY_FILTER, text: '殡葬' })).map((r) => r.seq)).toEqual([2]);
    expect(rows.filter((r) => matchesFilter(r, { ...EMPTY_FILTER, text: '村(社区)' })).map((r) => r.seq)).toEqual([3]);
    expect(rows.filter((r) => matchesFilter(r, { ...EMPTY_FILTER, town: '朱衣镇' })).map((r) => r.seq)).toEqual([1, 3]);
    expect(rows.filter((r) => matchesFilter(r, { ...EMPTY_FILTER, category: '殡葬', town: '朱衣镇' }))).toEqual([]);
  });

  it('sorts by investment both ways, ties by 序号', () => {
    expect(sortRows(rows, { key: 'investment', dir: 'desc' }).map((r) => r.seq)).toEqual([2, 1, 3]);
    expect(sortRows(rows, { key: 'investment', dir: 'asc' }).map((r) => r.seq)).toEqual([3, 1, 2]);
    expect(sortRows(rows, { key: 'window', dir: 'asc' }).map((r) => r.seq)).toEqual([1, 2, 3]);
  });

  it('toggles sort direction on the same column', () => {
    expect(nextSort({ key: 'seq', dir: 'asc' }, 'seq')).toEqual({ key: 'seq', dir: 'desc' });
    expect(nextSort({ key: 'seq', dir: 'desc' }, 'name')).toEqual({ key: 'name', dir: 'asc' });
  });

  it('totals what is shown', () => {
    expect(totalsOf(rows)).toEqual({ count: 3, investmentYuan: 186_250_000, shareYuan: 186_250_000, siteCount: 57, completedInvestmentYuan: 1_000_000 });
    expect(totalsOf([])).toEqual({ count: 0, investmentYuan: 0, shareYuan: 0, siteCount: 0, completedInvestmentYuan: 0 });
  });

  it('a town filter totals the town share (本镇分摊), not the whole projects', () => {
    const inTown = rows.filter((r) => matchesFilter(r, { ...EMPTY_FILTER, town: '公平镇' }));
    expect(totalsOf(inTown, '公平镇')).toMatchObject({ count: 1, investmentYuan: 39_000_000, shareYuan: 4_254_546, siteCount: 6 });
  });

  it('a search finds a village in the site list and opens that project only', () => {
    expect(rows.filter((r) => matchesFilter(r, { ...EMPTY_FILTER, text: '龙门村' })).map((r) => r.seq)).toEqual([3]);
    expect([...autoExpanded(rows, '龙门村')]).toEqual([3]);
    expect([...autoExpanded(rows, '殡葬')]).toEqual([]);
    expect([...autoExpanded(rows, '')]).toEqual([]);
  });

  it('gives the ordered, filtered id list the project page follows', () => {
    expect(registerOrder(rows, EMPTY_FILTER, { key: 'investment', dir: 'desc' })).toEqual([2, 1, 3]);
    expect(registerOrder(rows, { ...EMPTY_FILTER, town: '朱衣镇' }, { key: 'seq', dir: 'desc' })).toEqual([3, 1]);
  });

  it('filters by light, sorts worst light first and unreported percent last, counts lights', () => {
    expect(rows.filter((r) => matchesFilter(r, { ...EMPTY_FILTER, light: 'red' })).map((r) => r.seq)).toEqual([2]);
    expect(rows.filter((r) => matchesFilter(r, { ...EMPTY_FILTER, light: 'grey' })).map((r) => r.seq)).toEqual([3]);
    expect(isFiltered(EMPTY_FILTER)).toBe(false);
    expect(isFiltered({ ...EMPTY_FILTER, light: 'done' })).toBe(true);
    expect(sortRows(rows, { key: 'light', dir: 'asc' }).map((r) => r.seq)).toEqual([2, 1, 3]);
    expect(sortRows(rows, { key: 'percent', dir: 'desc' }).map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(lightCounts(rows)).toEqual({ red: 1, yellow: 0, green: 1, done: 0, grey: 1 });
  });
});
