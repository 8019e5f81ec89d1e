import { describe, expect, it } from 'vitest';
import { NO_TOWN, siteShares, splitByWeights, townShares } from '../../src/domain/dashboard/town-share';

describe('splitByWeights', () => {
  it('adds up exactly, largest remainders first', () => {
    expect(splitByWeights(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitByWeights(7, [0, 0])).toEqual([4, 3]);
    expect(splitByWeights(0, [1, 2])).toEqual([0, 0]);
    expect(splitByWeights(10, [])).toEqual([]);
  });
});

describe('townShares', () => {
  const project10 = {
    id: 10,
    investmentYuan: 55 * 70_0000 + 3,
    sites: Array.from({ length: 55 }, (_, i) => ({ town: i < 6 ? '公平镇' : i < 8 ? '永安街道' : `镇${i % 9}`, budgetYuan: null })),
  };
  const two = { id: 2, investmentYuan: 2_000_0000, sites: [{ town: '公平镇', budgetYuan: 3_000_0000 }, { town: '永安街道', budgetYuan: 1_000_0000 }] };
  const none = { id: 3, investmentYuan: 500_0000, sites: [] };

  it('never gives a town a whole multi-site project', () => {
    const towns = townShares([project10, two, none]);
    const gongping = towns.find((t) => t.town === '公平镇');
    // 6 of 55 equal shares of project 10 (the first three take the 3 元 remainder), plus 3/4 of project 2 by budget
    expect(gongping?.shareYuan).toBe(6 * 70_0000 + 3 + 1_500_0000);
    expect(gongping?.siteCount).toBe(7);
    expect(towns.find((t) => t.town === NO_TOWN)?.shareYuan).toBe(500_0000);
  });

  it('adds up to the plan total', () => {
    const towns = townShares([project10, two, none]);
    expect(towns.reduce((s, t) => s + t.shareYuan, 0)).toBe(project10.investmentYuan + two.investmentYuan + none.investmentYuan);
  });

  it('splits evenly when any site lacks a budget', () => {
    expect(siteShares({ id: 1, investmentYuan: 10, sites: [{ town: 'a', budgetYuan: 9 }, { town: 'b', budgetYuan: null }] })).toEqual([5, 5]);
  });
});
