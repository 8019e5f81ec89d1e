import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempBackend } from './helpers/temp-db';
import type { GanttData } from '../../src/domain/api/gantt';
import type { Backend } from '../../src/backend/backend';
import { insertMilestone, insertProgress } from '../../src/backend/repositories/progress-repo';

let backend: Backend;

beforeAll(() => {
  backend = openTempBackend();
});

afterAll(() => backend.close());

const entry = { description: '', investPeriodYuan: 0, investCumulativeYuan: 0, problems: '', author: 'tester', date: '2026-11-29' };

describe('gantt service', () => {
  it('returns the seeded plan: 15 projects, 137 sites, grey (未填报) while nothing is reported', async () => {
    const data = await backend.send('gantt.get', {});
    expect(data.plan.startYear).toBe(2021);
    expect(data.today).toBe('2026-11-29');
    expect(data.projects).toHaveLength(15);
    expect(data.projects.reduce((n, p) => n + p.sites.length, 0)).toBe(137);
    // nothing reported: the light cannot be known, so it is never guessed red
    expect(new Set(data.projects.map((p) => p.light))).toEqual(new Set(['grey']));
    expect(data.projects.every((p) => p.percent === null && p.actualStart === null && p.stage === null)).toBe(true);
    expect(data.projects.flatMap((p) => p.sites).every((s) => s.light === 'grey' && s.lightReason === '未填报进度')).toBe(true);
  });

  it('derives percent, stage, light and actual dates from progress and milestones', async () => {
    const first = (await backend.send('gantt.get', {})).projects[0];
    const second = (await backend.send('gantt.get', {})).projects[1];
    if (!first || !second) throw new Error('seed missing');
    const db = backend.db;
    const p1 = first.project.id;
    insertProgress(db, { ...entry, projectId: p1, siteId: null, reportMonth: '2023-05', stage: '在建', percent: 30 });
    insertProgress(db, { ...entry, projectId: p1, siteId: null, reportMonth: '2024-08', stage: '完工', percent: 100 });
    insertMilestone(db, { projectId: p1, siteId: null, kind: '开工', plannedDate: '2023-03-01', actualDate: '2023-04-02' });
    const s = second.sites[0];
    if (!s) throw new Error('site missing');
    insertProgress(db, { ...entry, projectId: second.project.id, siteId: s.id, reportMonth: '2024-01', stage: '在建', percent: 50 });

    const data: GanttData = await backend.send('gantt.get', {});
    const g1 = data.projects.find((p) => p.project.id === p1);
    expect(g1).toMatchObject({ percent: 100, stage: '完工', actualStart: '2023-04-02', actualEnd: '2024-08-31', light: 'done', lightReason: '已完工' });
    expect(g1?.milestones.map((m) => m.kind)).toEqual(['开工']);
    const g2 = data.projects.find((p) => p.project.id === second.project.id);
    expect(second.sites).toHaveLength(1);
    expect(g2?.sites.find((x) => x.id === s.id)).toMatchObject({ percent: 50, stage: '在建', actualStart: '2024-01-01' });
    // one site, rolled up: the project shows the site's figure
    expect(g2).toMatchObject({ percent: 50, basis: 'sites', actualStart: '2024-01-01', actualEnd: null, light: 'red' });
    expect(g2?.lightReason).toBe('计划2025年竣工，未完工');
  });

  it('follows the thresholds saved in 设置', async () => {
    const before = await backend.send('register.get', {});
    expect(before.projects.every((p) => p.facts.light === 'grey' || p.facts.light === 'done' || p.facts.light === 'red')).toBe(true);
    const saved = await backend.send('settings.update', { patch: { lightThresholds: { redBehindPoints: 40 } } });
    expect(saved.lightThresholds).toEqual({ yellowBehindPoints: 10, redBehindPoints: 40, notStartedMonths: 3, staleMonths: 3 });
    expect((await backend.send('settings.get', {})).lightThresholds.redBehindPoints).toBe(40);
  });

  it('takes the plan asked for and refuses an unknown one', async () => {
    const plans = await backend.send('plans.list', {});
    const id = plans[0]?.id ?? 0;
    expect((await backend.send('gantt.get', { planId: id })).plan.id).toBe(id);
    await expect(backend.send('gantt.get', { planId: 999 })).rejects.toThrow('找不到规划（编号 999）');
  });
});
