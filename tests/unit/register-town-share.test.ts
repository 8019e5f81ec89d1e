// Issue 10 item 1: a town's figure in the register is its own share, never a project's whole investment.
import { describe, expect, it } from 'vitest';
import { totalsOf, townShareOf } from '../../src/domain/register-totals';
import { EMPTY_FILTER, matchesFilter, siteHits } from '../../src/ui/register/register-table';
import { openTempBackend } from './helpers/temp-db';

describe('register town shares (seed)', () => {
  it('the town totals over all towns add up to the plan total, 63,760万元', async () => {
    const b = openTempBackend();
    const view = await b.send('register.get', {});
    const byTown = view.towns.map((town) => totalsOf(view.projects.filter((r) => matchesFilter(r, { ...EMPTY_FILTER, town })), town));
    expect(byTown.reduce((n, t) => n + t.shareYuan, 0)).toBe(637_600_000);
    // before: summing whole projects per town gave far more than the plan
    expect(byTown.reduce((n, t) => n + t.investmentYuan, 0)).toBeGreaterThan(637_600_000);
    expect(byTown.reduce((n, t) => n + t.siteCount, 0)).toBe(137);
    b.close();
  });

  it('a filtered register never shows a project with sites elsewhere at its whole investment', async () => {
    const b = openTempBackend();
    const view = await b.send('register.get', {});
    const p10 = view.projects.find((p) => p.seq === 10);
    expect(p10).toBeDefined();
    if (!p10) return;
    const gp = p10.townShares.find((t) => t.town === '公平镇');
    expect(gp?.siteCount).toBe(6);
    // an even split over 55 sites, to the 元 (largest remainder moves at most 1 元 per site)
    expect(Math.abs(townShareOf(p10, '公平镇') - (p10.investmentYuan * 6) / 55)).toBeLessThanOrEqual(6);
    for (const town of view.towns) {
      for (const r of view.projects.filter((p) => matchesFilter(p, { ...EMPTY_FILTER, town }))) {
        const share = townShareOf(r, town);
        if (r.towns.length > 1 || r.townShares.length > 1) expect(share).toBeLessThan(r.investmentYuan);
        expect(share).toBeGreaterThan(0);
      }
    }
    b.close();
  });

  it('finds a village inside a project’s site list', async () => {
    const b = openTempBackend();
    const view = await b.send('register.get', {});
    const p10 = view.projects.find((p) => p.seq === 10);
    if (!p10) throw new Error('no project 10');
    const village = p10.siteTexts[3]?.split(' ')[1] ?? '';
    expect(village).not.toBe('');
    expect(siteHits(p10, village)).toContain(3);
    b.close();
  });
});
