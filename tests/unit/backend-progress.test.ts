// progress.record / progress.list / progress.month, milestone.save and settings through
// the real handler table, on a seeded database with "today" fixed at 2026-11-29.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/backend/backend';
import type { ProgressDraftInput } from '../../src/domain/api/progress';
import { openTempBackend } from './helpers/temp-db';

let backend: Backend;
let p10 = 0;
let siteIds: number[] = [];
let otherSite = 0;

beforeAll(async () => {
  backend = openTempBackend();
  const view = await backend.send('register.get', {});
  const row = view.projects.find((p) => p.seq === 10);
  if (!row) throw new Error('seed missing');
  p10 = row.id;
  siteIds = (await backend.send('project.get', { id: p10 })).sites.map((s) => s.id);
  const first = view.projects.find((p) => p.seq === 1);
  otherSite = (await backend.send('project.get', { id: first?.id ?? 0 })).sites[0]?.id ?? 0;
});

afterAll(() => backend.close());

const count = (sql: string): number => (backend.db.prepare(sql).get() as { n: number }).n;
const entry = (over: Partial<ProgressDraftInput>): ProgressDraftInput => ({
  projectId: p10,
  siteId: siteIds[0] ?? null,
  reportMonth: '2026-10',
  stage: '在建',
  percent: 40,
  investPeriodYuan: 100_000,
  investCumulativeYuan: 300_000,
  description: '主体结构施工中',
  ...over,
});

describe('progress.record', () => {
  it('saves a batch in one logged change, and every view reads the new facts', async () => {
    const r = await backend.send('progress.record', {
      entries: [entry({}), entry({ siteId: siteIds[1] ?? null, percent: 60 }), entry({ siteId: siteIds[2] ?? null, percent: 100, stage: '完工' })],
    });
    expect(r).toMatchObject({ recorded: 3, unchanged: 0 });
    expect(r.ids).toHaveLength(3);
    const logged = backend.db.prepare("SELECT field, batch_id AS b, new_value AS v, user, door FROM change_log WHERE entity = 'progress'").all() as {
      field: string;
      b: string;
      v: string;
      user: string;
      door: string;
    }[];
    expect(logged).toHaveLength(3);
    expect(new Set(logged.map((l) => l.b))).toEqual(new Set([r.batchId]));
    expect(logged[0]).toMatchObject({ field: '*', user: 'tester' });
    expect(JSON.parse(logged[0]?.v ?? '{}')).toMatchObject({ id: r.ids[0], report_month: '2026-10', date: '2026-11-29', percent: 40, author: 'tester' });

    const list = await backend.send('progress.list', { projectId: p10 });
    expect(list.entries.map((e) => e.percent)).toEqual([100, 60, 40]); // newest first (same month: entry order)
    expect(list.facts.sites.find((s) => s.siteId === siteIds[2])).toMatchObject({ light: 'done', stage: '完工', actualEnd: '2026-10-31' });
    // 55 sites, 3 reported, equal weights (not every site has a budget): (40 + 60 + 100) / 55
    const row = (await backend.send('register.get', {})).projects.find((p) => p.id === p10);
    expect(row?.facts).toMatchObject({ basis: 'sites', stage: '在建', lastReportMonth: '2026-10', completedInvestmentYuan: 900_000 });
    const gantt = (await backend.send('gantt.get', {})).projects.find((p) => p.project.id === p10);
    expect(gantt?.percent).toBe(row?.facts.percent);
    expect(gantt?.light).toBe(row?.facts.light);
  });

  it('adds nothing for an unchanged report', async () => {
    const r = await backend.send('progress.record', { entries: [entry({})] });
    expect(r).toEqual({ recorded: 0, unchanged: 1, ids: [], batchId: null });
  });

  it('refuses the whole batch, naming entry and field, when one entry is inconsistent', async () => {
    const before = count('SELECT COUNT(*) AS n FROM progress');
    const logBefore = count('SELECT COUNT(*) AS n FROM change_log');
    const bad = backend.send('progress.record', {
      entries: [
        entry({ reportMonth: '2026-11', percent: 45, investCumulativeYuan: 400_000 }),
        entry({ siteId: siteIds[1] ?? null, reportMonth: '2026-11', percent: 65, investCumulativeYuan: 200_000 }),
        entry({ siteId: siteIds[2] ?? null, reportMonth: '2026-11', percent: 90, stage: '在建', investCumulativeYuan: 300_000 }),
        entry({ siteId: siteIds[3] ?? null, reportMonth: '2026-12' }),
      ],
    });
    await expect(bad).rejects.toMatchObject({ code: 'invalid' });
    const err = await bad.catch((e: unknown) => e);
    const issues = (err as { issues: { field?: string; message: string }[] }).issues;
    expect(issues.map((i) => i.field)).toEqual(['entries.3.reportMonth', 'entries.1.investCumulativeYuan', 'entries.2.percent']);
    expect(issues[1]?.message).toBe('第 2 条：累计完成投资 20 万元低于上期（2026年10月）的 30 万元');
    expect(count('SELECT COUNT(*) AS n FROM progress')).toBe(before);
    expect(count('SELECT COUNT(*) AS n FROM change_log')).toBe(logBefore);
  });

  it('refuses unknown projects, sites of another project, and bad values at the contract', async () => {
    const other = backend.send('progress.record', { entries: [entry({ siteId: otherSite })] });
    await expect(other).rejects.toMatchObject({ issues: [{ field: 'entries.0.siteId' }] });
    await expect(backend.send('progress.record', { entries: [entry({ projectId: 99_999 })] })).rejects.toMatchObject({
      issues: [{ field: 'entries.0.projectId', message: '第 1 条：找不到项目（编号 99999）' }],
    });
    await expect(backend.send('progress.record', { entries: [entry({ percent: 120 })] })).rejects.toMatchObject({
      issues: [{ field: 'entries.0.percent' }],
    });
    await expect(backend.send('progress.record', { entries: [entry({ reportMonth: '2026-13' })] })).rejects.toMatchObject({
      issues: [{ field: 'entries.0.reportMonth' }],
    });
    await expect(backend.send('progress.record', { entries: [entry({ investCumulativeYuan: 1.5 })] })).rejects.toMatchObject({ code: 'invalid' });
    await expect(backend.send('progress.record', { entries: [] })).rejects.toMatchObject({ code: 'invalid' });
  });

  it('gives the month sheet: one row per project and site, the month’s report and the one before', async () => {
    const sheet = await backend.send('progress.month', { projectId: p10, month: '2026-11' });
    expect(sheet.rows).toHaveLength(1 + 55);
    expect(sheet.rows[0]).toMatchObject({ projectId: p10, siteId: null, seqLabel: '10', current: null, previous: null });
    const s1 = sheet.rows.find((r) => r.siteId === siteIds[0]);
    expect(s1).toMatchObject({ seqLabel: '10-1', current: null, previous: { reportMonth: '2026-10', percent: 40 } });
    const whole = await backend.send('progress.month', { month: '2026-10' });
    expect(whole.rows).toHaveLength(15 + 137);
    expect(whole.rows.filter((r) => r.current !== null)).toHaveLength(3);
  });
});

describe('milestone.save', () => {
  it('inserts, updates and removes by (site, kind), logging each change in one batch', async () => {
    const first = await backend.send('milestone.save', {
      projectId: p10,
      milestones: [
        { kind: '开工', plannedDate: '2021-03-01', actualDate: '2021-04-15' },
        { siteId: siteIds[0] ?? null, kind: '竣工验收', plannedDate: '2026-12-31' },
      ],
    });
    expect(first.map((m) => [m.siteId, m.kind, m.plannedDate, m.actualDate])).toEqual([
      [null, '开工', '2021-03-01', '2021-04-15'],
      [siteIds[0], '竣工验收', '2026-12-31', null],
    ]);
    const gantt = (await backend.send('gantt.get', {})).projects.find((p) => p.project.id === p10);
    expect(gantt?.actualStart).toBe('2021-04-15');

    const second = await backend.send('milestone.save', {
      projectId: p10,
      milestones: [
        { kind: '开工', plannedDate: '2021-03-01', actualDate: '2021-04-20' },
        { siteId: siteIds[0] ?? null, kind: '竣工验收', plannedDate: null, actualDate: null },
      ],
    });
    expect(second.map((m) => [m.kind, m.actualDate])).toEqual([['开工', '2021-04-20']]);
    const log = backend.db
      .prepare("SELECT field, old_value AS o, new_value AS n FROM change_log WHERE entity = 'milestone' ORDER BY id")
      .all() as { field: string; o: string | null; n: string | null }[];
    expect(log.map((l) => l.field)).toEqual(['*', '*', 'actual_date', '*']);
    expect(log[2]).toMatchObject({ o: '"2021-04-15"', n: '"2021-04-20"' });
    expect(log[3]?.n).toBeNull();
    expect(await backend.send('milestone.list', { projectId: p10 })).toEqual(second);
  });

  it('refuses an actual date after today, an impossible date, a duplicate, a site of another project', async () => {
    const bad = backend.send('milestone.save', {
      projectId: p10,
      milestones: [
        { kind: '招标', actualDate: '2026-11-30' },
        { kind: '立项', plannedDate: '2025-02-29' },
        { kind: '招标', plannedDate: '2025-01-01' },
        { siteId: otherSite, kind: '开工', plannedDate: '2025-01-01' },
      ],
    });
    const err = (await bad.catch((e: unknown) => e)) as { issues: { field?: string }[] };
    expect(err.issues.map((i) => i.field)).toEqual(['milestones.3.siteId', 'milestones.0.actualDate', 'milestones.1.plannedDate', 'milestones.2.kind']);
  });
});

describe('settings', () => {
  it('has the defaults, saves a patch as one logged change, and refuses yellow above red', async () => {
    expect((await backend.send('settings.get', {})).lightThresholds).toEqual({ yellowBehindPoints: 10, redBehindPoints: 30, notStartedMonths: 3, staleMonths: 3 });
    await backend.send('settings.update', { patch: { lightThresholds: { yellowBehindPoints: 5 } } });
    await backend.send('settings.update', { patch: { lightThresholds: { yellowBehindPoints: 8 } } });
    const log = backend.db.prepare("SELECT field, old_value AS o, new_value AS n FROM change_log WHERE entity = 'setting' ORDER BY id").all() as {
      field: string;
      o: string | null;
      n: string;
    }[];
    expect(log.map((l) => l.field)).toEqual(['*', 'value']);
    expect(JSON.parse(JSON.parse(log[1]?.n ?? '""') as string)).toMatchObject({ yellowBehindPoints: 8 });
    await expect(backend.send('settings.update', { patch: { lightThresholds: { yellowBehindPoints: 50 } } })).rejects.toMatchObject({
      issues: [{ field: 'lightThresholds.yellowBehindPoints' }],
    });
    await expect(backend.send('settings.update', { patch: { lightThresholds: { notStartedMonths: 0 } } })).rejects.toMatchObject({
      issues: [{ field: 'lightThresholds.notStartedMonths' }],
    });
    expect((await backend.send('settings.get', {})).lightThresholds.yellowBehindPoints).toBe(8);
  });
});
