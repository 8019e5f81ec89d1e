import { describe, expect, it } from 'vitest';
import { progressIssues, sameReport, type HistoryEntry, type ProgressDraft } from '../../src/domain/facts/progress-checks';

const draft = (over: Partial<ProgressDraft>): ProgressDraft => ({
  projectId: 1,
  siteId: null,
  reportMonth: '2026-10',
  stage: '在建',
  percent: 50,
  description: '',
  investPeriodYuan: 0,
  investCumulativeYuan: 5_000_000,
  problems: '',
  ...over,
});
let id = 0;
const h = (over: Partial<HistoryEntry>): HistoryEntry => ({
  id: ++id,
  projectId: 1,
  siteId: null,
  reportMonth: '2026-09',
  stage: '在建',
  percent: 40,
  investCumulativeYuan: 4_000_000,
  ...over,
});
const TODAY = '2026-11-29';
const fields = (issues: { field?: string }[]) => issues.map((i) => i.field);

describe('progress checks', () => {
  it('accepts a report that moves forward', () => {
    expect(progressIssues([draft({})], [h({})], TODAY)).toEqual([]);
  });

  it('refuses a month after this one (this month itself is fine)', () => {
    expect(progressIssues([draft({ reportMonth: '2026-11' })], [], TODAY)).toEqual([]);
    const issues = progressIssues([draft({ reportMonth: '2026-12' })], [], TODAY);
    expect(issues).toEqual([{ field: 'entries.0.reportMonth', message: '第 1 条：报告期 2026-12 晚于本月（2026年11月），不能填报未来的月份' }]);
  });

  it('refuses a cumulative investment lower than the previous month’s, naming both in 万元', () => {
    const issues = progressIssues([draft({ investCumulativeYuan: 3_500_000 })], [h({})], TODAY);
    expect(issues).toEqual([
      { field: 'entries.0.investCumulativeYuan', message: '第 1 条：累计完成投资 350 万元低于上期（2026年9月）的 400 万元' },
    ]);
  });

  it('refuses a falling percent unless the stage is 暂停 or 取消', () => {
    expect(fields(progressIssues([draft({ percent: 30 })], [h({})], TODAY))).toEqual(['entries.0.percent']);
    expect(progressIssues([draft({ percent: 30, stage: '暂停' })], [h({})], TODAY)).toEqual([]);
    expect(progressIssues([draft({ percent: 0, stage: '取消' })], [h({})], TODAY)).toEqual([]);
  });

  it('compares with the nearest earlier month that has a report, and with later months too', () => {
    const history = [h({ reportMonth: '2026-06', percent: 20, investCumulativeYuan: 1 }), h({ reportMonth: '2026-10', percent: 60, investCumulativeYuan: 6_000_000 })];
    expect(progressIssues([draft({ reportMonth: '2026-08', percent: 30, investCumulativeYuan: 2_000_000 })], history, TODAY)).toEqual([]);
    const issues = progressIssues([draft({ reportMonth: '2026-08', percent: 70, investCumulativeYuan: 7_000_000 })], history, TODAY);
    expect(fields(issues)).toEqual(['entries.0.investCumulativeYuan', 'entries.0.percent']);
    expect(issues[0]?.message).toContain('高于之后报告期（2026年10月）');
  });

  it('lets a new report of a month replace that month’s latest row (a correction)', () => {
    const history = [h({ reportMonth: '2026-09', percent: 40 }), h({ reportMonth: '2026-10', percent: 55 }), h({ reportMonth: '2026-10', percent: 60 })];
    expect(progressIssues([draft({ reportMonth: '2026-10', percent: 45 })], history, TODAY)).toEqual([]);
    expect(fields(progressIssues([draft({ reportMonth: '2026-10', percent: 35 })], history, TODAY))).toEqual(['entries.0.percent']);
  });

  it('checks entries of one batch against each other, naming the later one, and refuses duplicates', () => {
    const batch = [draft({ reportMonth: '2026-09', percent: 50 }), draft({ reportMonth: '2026-10', percent: 40 })];
    expect(fields(progressIssues(batch, [], TODAY))).toEqual(['entries.1.percent']);
    const twice = [draft({}), draft({ siteId: 7 }), draft({ percent: 51 })];
    expect(fields(progressIssues(twice, [], TODAY))).toEqual(['entries.2.reportMonth']);
  });

  it('keeps projects and sites apart', () => {
    expect(progressIssues([draft({ siteId: 7, percent: 10, investCumulativeYuan: 0 })], [h({})], TODAY)).toEqual([]);
    expect(progressIssues([draft({ projectId: 2, percent: 10, investCumulativeYuan: 0 })], [h({})], TODAY)).toEqual([]);
  });

  it('refuses a month’s investment above the cumulative figure', () => {
    expect(fields(progressIssues([draft({ investPeriodYuan: 6_000_000 })], [], TODAY))).toEqual(['entries.0.investPeriodYuan']);
  });

  it('knows an unchanged report', () => {
    const d = draft({});
    expect(sameReport(d, { ...d })).toBe(true);
    expect(sameReport(d, { ...d, problems: '缺资金' })).toBe(false);
  });
});
