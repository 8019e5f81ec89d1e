// The dashboard on the seeded plan: its figures agree with the plan's own totals.
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/backend/backend';
import { openTempBackend } from './helpers/temp-db';

const PLAN_TOTAL_YUAN = 63_760 * 10_000;

let backend: Backend | null = null;
afterEach(() => {
  backend?.close();
  backend = null;
});

describe('dashboard.get', () => {
  it('adds the town shares up to the plan total, not one project many times', async () => {
    backend = openTempBackend();
    const d = await backend.send('dashboard.get', {});
    expect(d.investmentYuan).toBe(PLAN_TOTAL_YUAN);
    expect(d.projectCount).toBe(15);
    expect(d.siteCount).toBe(137);
    expect(d.byTown.reduce((s, t) => s + t.shareYuan, 0)).toBe(PLAN_TOTAL_YUAN);
    expect(d.byCategory.reduce((s, c) => s + c.investmentYuan, 0)).toBe(PLAN_TOTAL_YUAN);
    expect(d.byTown.reduce((s, t) => s + t.siteCount, 0)).toBe(137);
  });

  it('shows nothing reported as grey and lists overdue unreported projects, never guessing red', async () => {
    backend = openTempBackend();
    const d = await backend.send('dashboard.get', {});
    expect(d.lights.grey).toBe(15);
    expect(d.lights.red).toBe(0);
    expect(d.attention.length).toBeGreaterThan(0);
    expect(d.attention.every((a) => a.kind === 'unreported' && a.reason === '从未填报进度')).toBe(true);
    const start = d.rates.find((r) => r.key === 'start');
    expect(start?.numerator).toBe(0);
    expect(start?.value).toBe(0);
    expect(d.rates.find((r) => r.key === 'funding')?.value).toBeNull();
  });

  it('reflects a report: percent, light, completed investment by month', async () => {
    backend = openTempBackend();
    const reg = await backend.send('register.get', {});
    const first = reg.projects[0];
    if (!first) throw new Error('no project');
    const id = first.id;
    await backend.send('progress.record', {
      entries: [
        { projectId: id, siteId: null, reportMonth: '2026-09', stage: '在建', percent: 40, investPeriodYuan: 100_0000, investCumulativeYuan: 100_0000 },
        { projectId: id, siteId: null, reportMonth: '2026-10', stage: '在建', percent: 60, investPeriodYuan: 50_0000, investCumulativeYuan: 150_0000 },
      ],
    });
    const d = await backend.send('dashboard.get', {});
    expect(d.completedYuan).toBe(150_0000);
    expect(d.byMonth).toEqual([
      { month: '2026-09', completedYuan: 100_0000 },
      { month: '2026-10', completedYuan: 50_0000 },
    ]);
    expect(d.lights.grey).toBe(14);
    expect(d.attention.some((a) => a.projectId === id && a.kind === 'unreported')).toBe(false);
  });
});

describe('dashboard.get funding', () => {
  it('reads planned, arrived and paid per source and the 资金到位率 from the funding table', async () => {
    backend = openTempBackend();
    const reg = await backend.send('register.get', {});
    const [a, b] = reg.projects;
    const [central, lottery] = await backend.send('fundingSources.list', {});
    if (!a || !b || !central || !lottery) throw new Error('seed');
    await backend.send('funding.save', {
      cells: [
        { projectId: a.id, sourceId: central.id, year: 2023, kind: 'planned', amountYuan: 400_0000 },
        { projectId: a.id, sourceId: central.id, year: 2023, kind: 'arrived', amountYuan: 300_0000 },
        { projectId: b.id, sourceId: lottery.id, year: 2024, kind: 'planned', amountYuan: 100_0000 },
        { projectId: b.id, sourceId: lottery.id, year: 2024, kind: 'arrived', amountYuan: 100_0000 },
        { projectId: b.id, sourceId: lottery.id, year: 2024, kind: 'paid', amountYuan: 50_0000 },
      ],
    });
    const d = await backend.send('dashboard.get', {});
    expect(d.bySource.find((s) => s.sourceId === central.id)).toMatchObject({ plannedYuan: 400_0000, arrivedYuan: 300_0000, paidYuan: 0 });
    expect(d.bySource.find((s) => s.sourceId === lottery.id)).toMatchObject({ plannedYuan: 100_0000, arrivedYuan: 100_0000, paidYuan: 50_0000 });
    const funding = d.rates.find((r) => r.key === 'funding');
    expect(funding?.value).toBeCloseTo(0.8);
    expect(funding?.detail).toBe('400 / 500 万元');
  });
});
