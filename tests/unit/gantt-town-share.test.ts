import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/backend/backend';
import { buildRows, type GroupRow } from '../../src/ui/gantt/rows';
import { openTempBackend } from './helpers/temp-db';

let backend: Backend;
beforeAll(() => {
  backend = openTempBackend();
});
afterAll(() => backend.close());

describe('Gantt grouped by 镇街 (issue 10, item 1)', () => {
  it('gives each town its own share, so the town totals add up to the plan total (63,760万元)', async () => {
    const data = await backend.send('gantt.get', {});
    const planTotal = data.projects.reduce((s, p) => s + p.project.investmentYuan, 0);
    expect(planTotal).toBe(63_760 * 10_000);
    const groups = buildRows(data, 'town', new Set()).filter((r): r is GroupRow => r.kind === 'group');
    expect(groups.length).toBeGreaterThan(20);
    expect(groups.every((g) => g.isShare)).toBe(true);
    // before: every project's whole investment under each of its towns (491,860万元)
    expect(groups.reduce((s, g) => s + g.investmentYuan, 0)).toBe(planTotal);
    // 永安街道 holds 2 of project 10's 55 sites: far less than the 3,900万元 it showed
    const yongan = groups.find((g) => g.label === '永安街道');
    expect(yongan).toBeDefined();
    expect(yongan?.investmentYuan ?? Infinity).toBeLessThan(3_900 * 10_000);
  });

  it('keeps whole-project sums for category grouping (each project is in one group)', async () => {
    const data = await backend.send('gantt.get', {});
    const groups = buildRows(data, 'category', new Set()).filter((r): r is GroupRow => r.kind === 'group');
    expect(groups.some((g) => g.isShare)).toBe(false);
    expect(groups.reduce((s, g) => s + g.investmentYuan, 0)).toBe(63_760 * 10_000);
  });
});
