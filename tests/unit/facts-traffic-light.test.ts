// The traffic light at its boundaries: exactly 10 and 30 points behind, exactly three
// months after the planned start, the planned end day itself, and leap years.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIGHT_THRESHOLDS, thresholdIssues, trafficLight, type LightInput } from '../../src/domain/facts/traffic-light';
import { expectedPercent, type WindowLike } from '../../src/domain/schedule';

const years = (startYear: number, endYear: number): WindowLike => ({ startYear, endYear, startDate: null, endDate: null });
/** 2024-01-01 .. 2024-04-09 is exactly 100 days (2024 is a leap year): day n is n % */
const HUNDRED_DAYS: WindowLike = { startYear: 2024, endYear: 2024, startDate: '2024-01-01', endDate: '2024-04-09' };

function light(over: Partial<LightInput>) {
  return trafficLight({
    window: HUNDRED_DAYS,
    latest: { percent: 50, stage: '在建' },
    milestones: [],
    today: '2024-02-19',
    thresholds: DEFAULT_LIGHT_THRESHOLDS,
    ...over,
  });
}

describe('序时进度 (expected-to-date line)', () => {
  it('is linear day by day over the planned window, counting today, with February 29 in a leap year', () => {
    expect(expectedPercent(HUNDRED_DAYS, '2024-02-19')).toBe(50); // day 50 of 100
    expect(expectedPercent(HUNDRED_DAYS, '2024-02-29')).toBe(60); // the leap day is day 60
    expect(expectedPercent(HUNDRED_DAYS, '2024-03-01')).toBe(61);
    // the same calendar dates in 2023 (no Feb 29): 2023-01-01..2023-04-10 is 100 days, March 1st is day 60
    expect(expectedPercent({ startYear: 2023, endYear: 2023, startDate: '2023-01-01', endDate: '2023-04-10' }, '2023-03-01')).toBe(60);
    expect(expectedPercent(HUNDRED_DAYS, '2023-12-31')).toBe(0);
    expect(expectedPercent(HUNDRED_DAYS, '2024-04-09')).toBe(100);
    expect(expectedPercent(HUNDRED_DAYS, '2030-01-01')).toBe(100);
  });
});

describe('traffic light', () => {
  it('is yellow from exactly 10 points behind to exactly 30, red beyond 30, green under 10', () => {
    expect(light({ latest: { percent: 40.1, stage: '在建' } }).light).toBe('green'); // 9.9 behind
    expect(light({ latest: { percent: 40, stage: '在建' } })).toMatchObject({ light: 'yellow', reason: '落后序时进度 10 个百分点', behindPoints: 10 });
    expect(light({ latest: { percent: 20, stage: '在建' } })).toMatchObject({ light: 'yellow', reason: '落后序时进度 30 个百分点' });
    expect(light({ latest: { percent: 19.9, stage: '在建' } })).toMatchObject({ light: 'red', reason: '落后序时进度 30.1 个百分点' });
    expect(light({ latest: { percent: 32, stage: '在建' } })).toMatchObject({ light: 'yellow', reason: '落后序时进度 18 个百分点' });
    expect(light({ latest: { percent: 80, stage: '在建' } })).toMatchObject({ light: 'green', behindPoints: -30 });
  });

  it('uses the thresholds it is given', () => {
    const t = { ...DEFAULT_LIGHT_THRESHOLDS, yellowBehindPoints: 5, redBehindPoints: 15 };
    expect(light({ latest: { percent: 45, stage: '在建' }, thresholds: t }).light).toBe('yellow');
    expect(light({ latest: { percent: 34, stage: '在建' }, thresholds: t }).light).toBe('red');
    expect(thresholdIssues(t)).toEqual([]);
    expect(thresholdIssues({ ...t, yellowBehindPoints: 20 })[0]?.field).toBe('lightThresholds.yellowBehindPoints');
  });

  it('is red the day after the planned end, not on the end day itself', () => {
    const w = years(2022, 2024);
    expect(light({ window: w, today: '2024-12-31', latest: { percent: 95, stage: '在建' } }).light).toBe('green');
    expect(light({ window: w, today: '2025-01-01', latest: { percent: 95, stage: '在建' } })).toMatchObject({
      light: 'red',
      reason: '计划2024年竣工，未完工',
    });
    const refined: WindowLike = { startYear: 2023, endYear: 2025, startDate: null, endDate: '2025-10-31' };
    expect(light({ window: refined, today: '2025-11-01', latest: { percent: 99, stage: '在建' } }).reason).toBe('计划2025年10月31日竣工，未完工');
  });

  it('is red when not started exactly three months after the planned start', () => {
    const w = years(2024, 2026);
    const notYet = { percent: 0, stage: '前期工作' };
    expect(light({ window: w, today: '2024-03-31', latest: notYet }).light).toBe('green');
    expect(light({ window: w, today: '2024-04-01', latest: notYet })).toMatchObject({ light: 'red', reason: '计划2024年开工，已超过3个月未开工' });
    // a start on 30 November: three months later is 29 February in a leap year
    const nov: WindowLike = { startYear: 2023, endYear: 2026, startDate: '2023-11-30', endDate: null };
    expect(light({ window: nov, today: '2024-02-28', latest: notYet }).light).toBe('green');
    expect(light({ window: nov, today: '2024-02-29', latest: notYet })).toMatchObject({ light: 'red', reason: '计划2023年11月30日开工，已超过3个月未开工' });
    // an actual 开工 date (not in the future), any percent, or a working stage means started
    expect(light({ window: w, today: '2024-04-01', latest: notYet, milestones: [{ kind: '开工', actualDate: '2024-03-15' }] }).light).toBe('green');
    expect(light({ window: w, today: '2024-04-01', latest: notYet, milestones: [{ kind: '开工', actualDate: '2024-05-01' }] }).light).toBe('red');
    expect(light({ window: w, today: '2024-04-01', latest: { percent: 0, stage: '在建' } }).light).toBe('green');
    expect(light({ window: w, today: '2024-04-01', latest: { percent: 1, stage: '前期工作' } }).light).toBe('green');
  });

  it('is grey when nothing was ever reported, however late the project is: never guessed red', () => {
    expect(light({ window: years(2021, 2022), today: '2026-11-29', latest: null })).toMatchObject({ light: 'grey', reason: '未填报进度', behindPoints: null });
    expect(light({ latest: { percent: 10, stage: '取消' } })).toMatchObject({ light: 'grey', reason: '项目已取消' });
  });

  it('is done when finished: an actual 竣工验收, a finished stage, or 100 %, even past the end', () => {
    const late = { window: years(2021, 2022), today: '2026-11-29' };
    expect(light({ ...late, latest: null, milestones: [{ kind: '竣工验收', actualDate: '2023-06-30' }] })).toMatchObject({
      light: 'done',
      reason: '已于2023年6月30日竣工验收',
    });
    expect(light({ ...late, latest: { percent: 90, stage: '完工' } })).toMatchObject({ light: 'done', reason: '已完工' });
    expect(light({ ...late, latest: { percent: 92, stage: '投入使用' } }).light).toBe('done');
    expect(light({ ...late, latest: { percent: 100, stage: '在建' } })).toMatchObject({ light: 'done', reason: '形象进度已达100%' });
    expect(light({ ...late, latest: { percent: 99.9, stage: '竣工验收' } }).light).toBe('done');
  });

  it('says when work is paused, and measures it like any other', () => {
    expect(light({ latest: { percent: 20, stage: '暂停' } })).toMatchObject({ light: 'yellow', reason: '已暂停；落后序时进度 30 个百分点' });
  });

  it('is green before the planned start', () => {
    expect(light({ window: years(2027, 2028), today: '2026-11-29', latest: { percent: 0, stage: '前期工作' } })).toMatchObject({
      light: 'green',
      reason: '未到计划开工时间',
    });
  });
});
