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

const entry = { description: '', investPeriodYuan: 0, investCumulativeYuan: 0, problems: '', author: 'tester' };

describe('gantt service', () => {
  it('returns the seeded plan: 15 projects, 137 sites, lights from the plan alone', async () => {
    const data = await backend.send('gantt.get', {});
    expect(data.plan.startYear).toBe(2021);
    expect(data.today).toBe('2026-11-29');
    expect(data.projects).toHaveLength(15);
    expect(data.projects.reduce((n, p) => n + p.sites.length, 0)).toBe(137);
    // nothing reported and every window ends by 2025: all overdue
    expect(new Set(data.projects.map((p) => p.light))).toEqual(new Set(['red']));
    expect(data.projects.every((p) => p.percent === null && p.actualStart === null && p.stage === '')).toBe(true);
  });

  it('derives percent, stage and actual dates from progress and milestones', async () => {
    const first = (await backend.send('gantt.get', {})).projects[0];
    const second = (await backend.send('gantt.get', {})).projects[1];
    if (!first || !second) throw new Error('seed missing');
    const db = backend.db;
    const p1 = first.project.id;
    insertProgress(db, { ...entry, projectId: p1, siteId: null, date: '2023-05-10', stage: '在建', percent: 30 });
    insertProgress(db, { ...entry, projectId: p1, siteId: null, date: '2024-08-01', stage: '主体完工', percent: 100 });
    insertMilestone(db, { projectId: p1, siteId: null, kind: '开工', plannedDate: '2023-03-01', actualDate: '2023-04-02' });
    const s = second.sites[0];
    if (!s) throw new Error('site missing');
    insertProgress(db, { ...entry, projectId: second.project.id, siteId: s.id, date: '2024-01-15', stage: '在建', percent: 50 });

    const data: GanttData = await backend.send('gantt.get', {});
    const g1 = data.projects.find((p) => p.project.id === p1);
    expect(g1).toMatchObject({ percent: 100, stage: '主体完工', actualStart: '2023-04-02', actualEnd: '2024-08-01', light: 'done' });
    expect(g1?.milestones.map((m) => m.kind)).toEqual(['开工']);
    const g2 = data.projects.find((p) => p.project.id === second.project.id);
    expect(g2?.sites.find((x) => x.id === s.id)?.percent).toBe(50);
    expect(g2?.percent).toBe(Math.round(50 / (g2?.sites.length ?? 1)));
    expect(g2?.actualStart).toBe('2024-01-15');
    expect(g2?.actualEnd).toBeNull();
    expect(g2?.light).toBe('red');
  });

  it('refuses an unknown plan', async () => {
    await expect(backend.send('gantt.get', { planId: 999 })).rejects.toThrow();
  });
});
