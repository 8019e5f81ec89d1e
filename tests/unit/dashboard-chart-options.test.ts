import { describe, expect, it } from 'vitest';
import { monthsOption, sourcesOption } from '../../src/ui/dashboard/chart-options';

describe('dashboard chart options', () => {
  it('draws planned, arrived and paid per source in 万元, naming every source', () => {
    const o = sourcesOption([
      { sourceId: 1, name: '中央补助', plannedYuan: 1_000_0000, arrivedYuan: 600_0000, paidYuan: 250_5000 },
      { sourceId: 2, name: '县级配套', plannedYuan: 0, arrivedYuan: 0, paidYuan: 0 },
    ]);
    expect(o.animation).toBe(false);
    expect(o.series).toEqual([
      expect.objectContaining({ name: '计划安排', data: [1000, 0] }),
      expect.objectContaining({ name: '到位', data: [600, 0] }),
      expect.objectContaining({ name: '支付', data: [250.5, 0] }),
    ]);
    expect(o.xAxis).toMatchObject({ data: ['中央补助', '县级配套'], axisLabel: { interval: 0 } });
  });

  it('draws each month and the running total', () => {
    const o = monthsOption([
      { month: '2026-09', completedYuan: 100_0000 },
      { month: '2026-10', completedYuan: 50_0000 },
    ]);
    const [bars, line] = o.series as { data: number[] }[];
    expect(bars?.data).toEqual([100, 50]);
    expect(line?.data).toEqual([100, 150]);
  });
});
