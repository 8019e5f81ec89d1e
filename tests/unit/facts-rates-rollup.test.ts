// The four rates and the site -> project roll-up at their boundaries.
import { describe, expect, it } from 'vitest';
import { projectFacts, type FactsEntry } from '../../src/domain/facts/project-facts';
import { fourRates, onTimeCompletionRate, RATE_DEFINITIONS, startRate, type RateProject } from '../../src/domain/facts/rates';
import { rollUpPercent, rollUpStage } from '../../src/domain/facts/rollup';
import { DEFAULT_LIGHT_THRESHOLDS } from '../../src/domain/facts/traffic-light';

type F = RateProject['facts'];
const base: F = {
  plannedStart: '2023-01-01',
  plannedEnd: '2025-12-31',
  started: false,
  finished: false,
  actualEnd: null,
  stage: null,
  completedInvestmentYuan: 0,
};
const p = (facts: Partial<F>, investmentYuan = 1_000_000): RateProject => ({ facts: { ...base, ...facts }, investmentYuan });

describe('rates', () => {
  const today = '2025-12-31';

  it('开工率: started among projects whose planned start has come (today included); cancelled left out', () => {
    const r = startRate(
      [
        p({ started: true }),
        p({}),
        p({ plannedStart: today }),
        p({ plannedStart: '2026-01-01', started: true }), // early start: not yet due, not counted
        p({ stage: '取消' }),
      ],
      today,
    );
    expect(r).toMatchObject({ key: 'start', label: '开工率', numerator: 1, denominator: 3 });
    expect(r.value).toBeCloseTo(1 / 3);
    expect(r.definition).toContain('已开工项目数 ÷ 计划开工时间已到的项目数');
  });

  it('按期竣工率: finished by the planned end among projects whose end day has passed (not the end day itself)', () => {
    const r = onTimeCompletionRate(
      [
        p({ plannedEnd: '2024-12-31', finished: true, actualEnd: '2024-12-31' }), // on the last day: on time
        p({ plannedEnd: '2024-12-31', finished: true, actualEnd: '2025-01-01' }), // a day late
        p({ plannedEnd: '2024-12-31' }), // not finished
        p({ plannedEnd: today }), // ends today: not due yet
      ],
      today,
    );
    expect(r).toMatchObject({ numerator: 1, denominator: 3 });
  });

  it('投资完成率 and 资金到位率; an empty denominator gives null, never 0 % or 100 %', () => {
    const [start, invest, funding, completion] = fourRates(
      [p({ completedInvestmentYuan: 250_000 }, 1_000_000), p({ completedInvestmentYuan: 500_000 }, 3_000_000)],
      { plannedYuan: 2_000_000, arrivedYuan: 500_000 },
      '2022-06-01',
    );
    expect(invest).toMatchObject({ key: 'invest', numerator: 750_000, denominator: 4_000_000, value: 0.1875 });
    expect(funding).toMatchObject({ key: 'funding', value: 0.25, definition: RATE_DEFINITIONS.funding });
    expect(start?.value).toBeNull();
    expect(completion?.value).toBeNull();
    expect(fourRates([], { plannedYuan: 0, arrivedYuan: 0 }, '2022-06-01').map((r) => r.value)).toEqual([null, null, null, null]);
    expect(Object.values(RATE_DEFINITIONS).every((d) => /[\u4e00-\u9fa5]/.test(d) && d.includes('÷'))).toBe(true);
  });
});

describe('roll-up of sites into their project', () => {
  const s = (budgetYuan: number | null, percent: number | null, stage = '在建') => ({
    budgetYuan,
    latest: percent === null ? null : { percent, stage },
  });

  it('weights by budget when every site has one', () => {
    expect(rollUpPercent([s(100, 100), s(300, 0)])).toBe(25);
  });

  it('weights equally when any site lacks a budget, or the budgets sum to 0', () => {
    expect(rollUpPercent([s(100, 100), s(null, 0)])).toBe(50);
    expect(rollUpPercent([s(0, 100), s(0, 0)])).toBe(50);
  });

  it('counts an unreported site as 0 %, leaves cancelled sites out, and is null when no site reported', () => {
    expect(rollUpPercent([s(null, 90), s(null, null), s(null, null)])).toBe(30);
    expect(rollUpPercent([s(100, 60), s(900, 0, '取消')])).toBe(60);
    expect(rollUpPercent([s(100, null), s(200, null)])).toBeNull();
    expect(rollUpPercent([])).toBeNull();
    expect(rollUpPercent([s(null, 33.33), s(null, 33.33), s(null, 33.34)])).toBe(33.3);
  });

  it('rolls up the stage: all finished -> the least advanced finished stage; any at work -> 在建', () => {
    expect(rollUpStage([s(null, 100, '投入使用'), s(null, 100, '竣工验收')])).toBe('竣工验收');
    expect(rollUpStage([s(null, 100, '投入使用'), s(null, null)])).toBe('在建');
    expect(rollUpStage([s(null, 0, '前期工作'), s(null, null)])).toBe('前期工作');
    expect(rollUpStage([s(null, 20, '暂停'), s(null, 30, '暂停')])).toBe('暂停');
    expect(rollUpStage([s(null, 20, '取消')])).toBe('取消');
    expect(rollUpStage([s(null, null)])).toBeNull();
  });
});

describe('project facts', () => {
  const project = { id: 1, startYear: 2024, endYear: 2026, startDate: null, endDate: null };
  const sites = [
    { id: 11, budgetYuan: 1_000_000, startYear: null, endYear: null },
    { id: 12, budgetYuan: 3_000_000, startYear: 2025, endYear: 2025 },
  ];
  let id = 0;
  const e = (siteId: number | null, reportMonth: string, percent: number, stage = '在建', investCumulativeYuan = 0): FactsEntry => ({
    id: ++id,
    siteId,
    reportMonth,
    stage,
    percent,
    investCumulativeYuan,
  });
  const facts = (progress: FactsEntry[], today = '2025-06-15') =>
    projectFacts({ project, sites, progress, milestones: [], today, thresholds: DEFAULT_LIGHT_THRESHOLDS });

  it('shows the sites’ budget-weighted roll-up when no project report is newer, summing their investment', () => {
    const f = facts([e(null, '2025-03', 90, '在建', 9), e(11, '2025-04', 80, '在建', 800_000), e(12, '2025-05', 20, '在建', 600_000)]);
    expect(f).toMatchObject({ basis: 'sites', percent: 35, stage: '在建', completedInvestmentYuan: 1_400_000, lastReportMonth: '2025-05' });
    expect(f.actualStart).toBe('2025-03-01');
    expect(f.monthsSinceReport).toBe(1);
    const [a, b] = f.sites;
    expect(a).toMatchObject({ siteId: 11, percent: 80, window: { startYear: 2024, endYear: 2026 } });
    expect(b).toMatchObject({ siteId: 12, percent: 20, window: { startYear: 2025, endYear: 2025, startDate: null } });
  });

  it('shows its own report when it is newer than every site’s (same month: entered later)', () => {
    expect(facts([e(11, '2025-04', 80), e(null, '2025-05', 60, '在建', 5)])).toMatchObject({ basis: 'own', percent: 60, completedInvestmentYuan: 5 });
    expect(facts([e(11, '2025-05', 80), e(null, '2025-05', 60)])).toMatchObject({ basis: 'own', percent: 60 });
    expect(facts([e(null, '2025-05', 60), e(11, '2025-05', 80)])).toMatchObject({ basis: 'sites' });
  });

  it('takes the latest report by 报告期, then by entry order (a correction of a month is a later row)', () => {
    const f = facts([e(null, '2025-05', 60), e(null, '2025-04', 70), e(null, '2025-05', 55, '暂停')]);
    expect(f).toMatchObject({ percent: 55, stage: '暂停', lastReportMonth: '2025-05' });
  });

  it('dates the actual end from the month the reports first said finished, for good', () => {
    const f = facts([e(null, '2024-03', 10), e(null, '2025-02', 100, '完工'), e(null, '2025-03', 100, '投入使用')]);
    expect(f).toMatchObject({ finished: true, light: 'done', actualStart: '2024-03-01', actualEnd: '2025-02-28' });
    expect(facts([])).toMatchObject({ basis: 'none', percent: null, stage: null, light: 'grey', monthsSinceReport: null, completedInvestmentYuan: 0 });
  });
});
