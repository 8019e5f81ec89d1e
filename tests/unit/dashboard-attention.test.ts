import { describe, expect, it } from 'vitest';
import { attentionList, type AttentionInput } from '../../src/domain/dashboard/attention';

const UNREPORTED_MONTHS = 3;

const base: AttentionInput = { projectId: 1, seq: 1, name: 'p', light: 'green', reason: '', investmentYuan: 1, monthsSinceReport: 0, reportDue: true };

describe('attentionList', () => {
  it('orders red, then unreported, then yellow; larger investment first within a kind', () => {
    const list = attentionList([
      { ...base, projectId: 1, light: 'yellow', reason: '落后序时进度 12 个百分点' },
      { ...base, projectId: 2, light: 'grey', monthsSinceReport: null },
      { ...base, projectId: 3, light: 'red', reason: '计划2025年竣工，未完工', investmentYuan: 5 },
      { ...base, projectId: 4, light: 'red', reason: '计划2024年竣工，未完工', investmentYuan: 9 },
      { ...base, projectId: 5, light: 'green', monthsSinceReport: UNREPORTED_MONTHS },
      { ...base, projectId: 6, light: 'green', monthsSinceReport: UNREPORTED_MONTHS - 1 },
      { ...base, projectId: 7, light: 'done', monthsSinceReport: null },
    ], UNREPORTED_MONTHS);
    expect(list.map((i) => [i.projectId, i.kind])).toEqual([
      [4, 'red'],
      [3, 'red'],
      [2, 'unreported'],
      [5, 'unreported'],
      [1, 'yellow'],
    ]);
    expect(list[2]?.reason).toBe('从未填报进度');
    expect(list[3]?.reason).toBe(`已${UNREPORTED_MONTHS}个月未填报`);
  });

  it('does not ask for reports before a project is due to start', () => {
    expect(attentionList([{ ...base, light: 'grey', monthsSinceReport: null, reportDue: false }], UNREPORTED_MONTHS)).toEqual([]);
  });
});
