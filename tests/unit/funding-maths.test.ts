// Pure funding maths: rates at their boundaries, totals per project / source / year,
// the checks, edits applied, 万元 input and the years a grid offers.
import { describe, expect, it } from 'vitest';
import { applyEdits, fundingIssues } from '../../src/domain/funding/checks';
import { figures, figuresOf, formatRate, ratio } from '../../src/domain/funding/rates';
import { fundingTotals, sumKind } from '../../src/domain/funding/totals';
import type { FundingAmount } from '../../src/domain/funding/types';
import { formatWanCell, parseWanText } from '../../src/domain/funding/wan-input';
import { fundingYears } from '../../src/domain/funding/years';

const A = (projectId: number, sourceId: number, year: number, kind: FundingAmount['kind'], wan: number): FundingAmount => ({
  projectId,
  sourceId,
  year,
  kind,
  amountYuan: wan * 10_000,
});

describe('rates', () => {
  it('到位率 = arrived ÷ planned, 支付率 = paid ÷ arrived; unknown (null) when the denominator is 0', () => {
    expect(figures(100, 50, 25)).toEqual({ plannedYuan: 100, arrivedYuan: 50, paidYuan: 25, arrivalRate: 0.5, paymentRate: 0.5 });
    expect(figures(0, 0, 0)).toMatchObject({ arrivalRate: null, paymentRate: null });
    expect(figures(0, 10, 0)).toMatchObject({ arrivalRate: null, paymentRate: 0 });
    expect(figures(10, 0, 0)).toMatchObject({ arrivalRate: 0, paymentRate: null });
    expect(figures(10, 12, 12).arrivalRate).toBeCloseTo(1.2); // over 100% is shown, not capped
    expect(ratio(1, 3)).toBeCloseTo(0.3333);
  });

  it('formats rates with two decimals and a dash for unknown', () => {
    expect(formatRate(0.85234)).toBe('85.23%');
    expect(formatRate(1)).toBe('100.00%');
    expect(formatRate(null)).toBe('—');
  });
});

describe('totals', () => {
  const amounts = [
    A(1, 1, 2023, 'planned', 100),
    A(1, 1, 2023, 'arrived', 80),
    A(1, 2, 2024, 'planned', 50),
    A(1, 2, 2024, 'paid', 10),
    A(2, 1, 2024, 'planned', 30),
    A(2, 1, 2024, 'arrived', 30),
    A(2, 1, 2024, 'paid', 30),
  ];

  it('per project, per source, per year and in total', () => {
    const t = fundingTotals(amounts);
    expect(t.total).toEqual(figures(1_800_000, 1_100_000, 400_000));
    expect(t.byProject.map((p) => [p.projectId, p.plannedYuan, p.arrivedYuan, p.paidYuan])).toEqual([
      [1, 1_500_000, 800_000, 100_000],
      [2, 300_000, 300_000, 300_000],
    ]);
    expect(t.bySource.map((s) => [s.sourceId, s.arrivalRate])).toEqual([
      [1, 1_100_000 / 1_300_000],
      [2, 0],
    ]);
    expect(t.byYear.map((y) => [y.year, y.plannedYuan, y.paymentRate])).toEqual([
      [2023, 1_000_000, 0],
      [2024, 800_000, 400_000 / 300_000],
    ]);
  });

  it('keys in the given order appear even with nothing, then the rest', () => {
    const t = fundingTotals(amounts, { sourceIds: [3, 2], years: [2025] });
    expect(t.bySource.map((s) => s.sourceId)).toEqual([3, 2, 1]);
    expect(t.bySource[0]).toMatchObject({ plannedYuan: 0, arrivalRate: null });
    expect(t.byYear.map((y) => y.year)).toEqual([2025, 2023, 2024]);
    expect(fundingTotals([]).total).toEqual(figuresOf([]));
  });

  it('sumKind filters by project, source and year', () => {
    expect(sumKind(amounts, 'planned', { projectId: 1 })).toBe(1_500_000);
    expect(sumKind(amounts, 'planned', { sourceId: 1 })).toBe(1_300_000);
    expect(sumKind(amounts, 'paid', { year: 2024, projectId: 2 })).toBe(300_000);
  });
});

describe('checks', () => {
  const projects = [
    { id: 1, seq: 1, name: '甲项目', investmentYuan: 1_500_000 },
    { id: 2, seq: 2, name: '乙项目', investmentYuan: 1_000_000 },
    { id: 3, seq: 3, name: '丙项目', investmentYuan: 600_000 },
  ];
  const sources = [
    { id: 1, name: '中央补助' },
    { id: 2, name: '县级配套' },
  ];

  it('no issues when planned adds up and nothing exceeds; none for a project with nothing planned', () => {
    const ok = [A(1, 1, 2023, 'planned', 100), A(1, 2, 2024, 'planned', 50), A(1, 1, 2023, 'arrived', 100), A(1, 1, 2024, 'paid', 100)];
    expect(fundingIssues(projects, sources, ok)).toEqual([]);
  });

  it('warns when planned sources do not add up to the estimate', () => {
    const issues = fundingIssues(projects, sources, [A(2, 1, 2023, 'planned', 60), A(2, 2, 2024, 'planned', 30)]);
    expect(issues).toEqual([
      {
        severity: 'warning',
        code: 'planned-vs-estimate',
        projectId: 2,
        sourceId: null,
        message: '「2. 乙项目」各来源计划安排合计 90 万元，与投资估算 100 万元不一致（少 10 万元）。',
      },
    ]);
  });

  it('errors per project × source over all years: arrived > planned, paid > arrived', () => {
    const amounts = [
      A(3, 1, 2023, 'planned', 30),
      A(3, 1, 2024, 'planned', 20),
      A(3, 1, 2023, 'arrived', 30),
      A(3, 1, 2024, 'arrived', 20), // cumulative 50 = planned 50: fine
      A(3, 1, 2024, 'paid', 50.0001), // 1 元 too much
      A(3, 2, 2024, 'arrived', 1), // nothing planned from 县级配套
    ];
    const issues = fundingIssues(projects, sources, amounts);
    expect(issues.map((i) => [i.severity, i.code, i.projectId, i.sourceId])).toEqual([
      ['error', 'paid-over-arrived', 3, 1],
      ['error', 'arrived-over-planned', 3, 2],
      ['warning', 'planned-vs-estimate', 3, null],
    ]);
    expect(issues[0]?.message).toBe('「3. 丙项目」中央补助：支付 50.0001 万元，超过到位 50 万元。');
    expect(issues[1]?.message).toBe('「3. 丙项目」县级配套：到位 1 万元，超过计划安排 0 万元。');
  });

  it('a year with more arrived than planned is fine when the cumulative is not', () => {
    const amounts = [A(1, 1, 2023, 'planned', 150), A(1, 1, 2024, 'arrived', 150)];
    expect(fundingIssues(projects, sources, amounts).filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('applyEdits sets and deletes', () => {
    const before = [A(1, 1, 2023, 'planned', 100), A(1, 1, 2023, 'arrived', 80)];
    const after = applyEdits(before, [
      { projectId: 1, sourceId: 1, year: 2023, kind: 'arrived', amountYuan: null },
      { projectId: 1, sourceId: 1, year: 2023, kind: 'planned', amountYuan: 5 },
      { projectId: 1, sourceId: 2, year: 2025, kind: 'paid', amountYuan: 7 },
    ]);
    expect(after).toEqual([
      { projectId: 1, sourceId: 1, year: 2023, kind: 'planned', amountYuan: 5 },
      { projectId: 1, sourceId: 2, year: 2025, kind: 'paid', amountYuan: 7 },
    ]);
    expect(before).toHaveLength(2);
  });
});

describe('万元 input', () => {
  it('reads what people type and paste', () => {
    expect(parseWanText('')).toEqual({ ok: true, yuan: null });
    expect(parseWanText('  ')).toEqual({ ok: true, yuan: null });
    expect(parseWanText('6625')).toEqual({ ok: true, yuan: 66_250_000 });
    expect(parseWanText('1,234.5678')).toEqual({ ok: true, yuan: 12_345_678 });
    expect(parseWanText('０.０００１')).toEqual({ ok: true, yuan: 1 });
    expect(parseWanText('12万元')).toEqual({ ok: true, yuan: 120_000 });
    expect(parseWanText('0')).toEqual({ ok: true, yuan: 0 });
    expect(parseWanText('3.10000')).toEqual({ ok: true, yuan: 31_000 });
  });

  it('refuses with a reason', () => {
    expect(parseWanText('约300')).toEqual({ ok: false, message: '应为金额（万元），读到“约300”' });
    expect(parseWanText('-5')).toEqual({ ok: false, message: '金额不能为负数' });
    expect(parseWanText('1.23456')).toEqual({ ok: false, message: '万元最多 4 位小数（精确到元）' });
    expect(parseWanText('2000000000')).toEqual({ ok: false, message: '金额过大' });
  });

  it('formats 元 back to 万元 text that parses to the same 元', () => {
    for (const yuan of [0, 1, 12_345_678, 66_250_000, 99_999]) {
      const text = formatWanCell(yuan);
      expect(parseWanText(text)).toEqual({ ok: true, yuan });
    }
    expect(formatWanCell(null)).toBe('');
  });
});

describe('years', () => {
  it('covers windows and every year with amounts', () => {
    expect(fundingYears([{ startYear: 2021, endYear: 2023 }, { startYear: 2022, endYear: 2024 }], [{ year: 2027 }])).toEqual([
      2021, 2022, 2023, 2024, 2027,
    ]);
  });
});
