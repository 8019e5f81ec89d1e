// register.rows: the register's slim rows are exactly register.get's rows cut to what the table
// uses, with the same summary; and the N-project fixture the bench and the e2e use.
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../src/backend/backend';
import { memoKeys } from '../../src/backend/services/plan-facts-cache';
import { REGISTER_PROJECT_KEYS, type RegisterRow } from '../../src/domain/api/register';
import { unpackRegisterRows, type RegisterColumns } from '../../src/domain/api/register-columns';
import { REGISTER_WHOLE_UP_TO } from '../../src/domain/api/register-first';
import { lightCounts, totalsOf } from '../../src/domain/register-totals';
import { buildRegisterDb, REGISTER_DB_PLAN_TITLE, REGISTER_DB_TODAY } from '../fixtures/register-db';
import { openTempBackend, TEST_CLOCK } from './helpers/temp-db';

const ROW_KEYS: (keyof RegisterRow)[] = [...REGISTER_PROJECT_KEYS, 'siteCount', 'towns', 'facts', 'townShares', 'siteTexts'];

describe('register.rows', () => {
  it('is register.get cut to the columns the register shows', async () => {
    const b = openTempBackend();
    try {
      const full = await b.send('register.get', {});
      const slim = await b.send('register.rows', {});
      const { projects: _full, ...fullSummary } = full;
      const { projects: _slim, ...slimSummary } = slim;
      expect(slimSummary).toEqual(fullSummary);
      expect(slim.projects).toHaveLength(15);
      slim.projects.forEach((row, i) => {
        const whole = full.projects[i];
        expect(Object.keys(row).sort()).toEqual([...ROW_KEYS].sort());
        expect(row.facts).toEqual({
          percent: whole?.facts.percent,
          stage: whole?.facts.stage,
          light: whole?.facts.light,
          lightReason: whole?.facts.lightReason,
          lastReportMonth: whole?.facts.lastReportMonth,
          completedInvestmentYuan: whole?.facts.completedInvestmentYuan,
        });
        for (const k of ROW_KEYS.filter((key) => key !== 'facts')) expect(row[k]).toEqual(whole?.[k]);
      });
      expect(JSON.stringify(slim).length).toBeLessThan(JSON.stringify(full).length * 0.7);
    } finally {
      b.close();
    }
  });

  it('follows a write at once (the memo is stamped with the database state)', async () => {
    const b = openTempBackend();
    try {
      const before = await b.send('register.rows', {});
      const id = before.projects[0]?.id ?? 0;
      await b.send('project.update', { id, patch: { name: '改过的名称' } });
      expect((await b.send('register.rows', {})).projects[0]?.name).toBe('改过的名称');
    } finally {
      b.close();
    }
  });
});

describe('register.columns', () => {
  it('unpacks to exactly register.rows, in fewer bytes', async () => {
    const { dbPath } = buildRegisterDb({ projects: 300 });
    const b = openBackend({ dbPath, clock: TEST_CLOCK, today: () => REGISTER_DB_TODAY });
    try {
      const rows = await b.send('register.rows', {});
      const columns = await b.send('register.columns', {});
      // through JSON, as the page gets it
      expect(unpackRegisterRows(JSON.parse(JSON.stringify(columns)) as RegisterColumns)).toEqual(rows);
      expect(rows.projects.some((p) => p.startDate === null) && rows.projects.some((p) => p.facts.stage === null)).toBe(true);
      expect(JSON.stringify(columns).length).toBeLessThan(JSON.stringify(rows).length * 0.7);
    } finally {
      b.close();
    }
  });

  it('unpacks the seeded plan too, and follows a write', async () => {
    const b = openTempBackend();
    try {
      expect(unpackRegisterRows(await b.send('register.columns', {}))).toEqual(await b.send('register.rows', {}));
      const id = (await b.send('register.rows', {})).projects[0]?.id ?? 0;
      await b.send('project.update', { id, patch: { name: '改过的名称', owner: '新的业主' } });
      const after = unpackRegisterRows(await b.send('register.columns', {}));
      expect(after.projects[0]).toMatchObject({ name: '改过的名称', owner: '新的业主' });
    } finally {
      b.close();
    }
  });
});

/** A backend on a fixture plan of n projects (above REGISTER_WHOLE_UP_TO: sent in windows). */
function largePlan(n: number): ReturnType<typeof openBackend> {
  const { dbPath } = buildRegisterDb({ projects: n });
  return openBackend({ dbPath, clock: TEST_CLOCK, today: () => REGISTER_DB_TODAY });
}

describe('register.first', () => {
  it('is the whole register for a plan drawn whole (the seeded plan)', async () => {
    const b = openTempBackend();
    try {
      const first = await b.send('register.first', { rows: 40 });
      const rows = await b.send('register.rows', {});
      expect(first.complete).toBe(true);
      expect(first.projectCount).toBe(rows.projects.length);
      expect(unpackRegisterRows(first)).toMatchObject(rows);
      expect(unpackRegisterRows(first).projects).toEqual(rows.projects);
    } finally {
      b.close();
    }
  });

  it("for a large plan: the default order's first rows, and the whole plan's header, totals and light counts", async () => {
    const n = REGISTER_WHOLE_UP_TO + 200;
    const b = largePlan(n);
    try {
      const rows = await b.send('register.rows', {});
      const first = await b.send('register.first', { rows: 40 });
      expect(first.complete).toBe(false);
      expect(first.projectCount).toBe(n);
      const { projects, ...summary } = unpackRegisterRows(JSON.parse(JSON.stringify(first)) as RegisterColumns);
      const bySeq = [...rows.projects].sort((a, c) => a.seq - c.seq);
      expect(projects).toEqual(bySeq.slice(0, 40));
      const { projects: _all, ...wholeSummary } = rows;
      expect(summary).toMatchObject(wholeSummary);
      expect(first.totals).toEqual(totalsOf(rows.projects));
      expect(first.lightCounts).toEqual(lightCounts(rows.projects));
      // smaller than every row by far
      expect(JSON.stringify(first).length).toBeLessThan(JSON.stringify(await b.send('register.columns', {})).length / 5);
      await expect(b.send('register.first', { rows: 0 })).rejects.toThrow();
    } finally {
      b.close();
    }
  });

  it('any window, cut afresh from one memo per plan: windows of every size do not pile up in the server', async () => {
    const n = REGISTER_WHOLE_UP_TO + 50;
    const b = largePlan(n);
    try {
      const rows = await b.send('register.rows', {});
      const bySeq = [...rows.projects].sort((a, c) => a.seq - c.seq);
      for (const w of [1, 40, 349, 350, 1000]) {
        const first = await b.send('register.first', { rows: w });
        // a window as large as the plan is the whole plan, in register.columns' order
        expect(first.complete).toBe(w >= n);
        expect(unpackRegisterRows(first).projects).toEqual(w >= n ? rows.projects : bySeq.slice(0, w));
        expect(first.totals).toEqual(totalsOf(rows.projects));
      }
      for (let w = 1; w <= 200; w++) await b.send('register.first', { rows: w });
      const keys = memoKeys(b.ctxFor('cli').db);
      expect(keys.filter((k) => k.startsWith('registerFirst'))).toEqual(['registerFirstBasis:1']);
    } finally {
      b.close();
    }
  });
});

describe('register fixture', () => {
  it('builds N projects with sites and reports, the same every time', async () => {
    const made = buildRegisterDb({ projects: 300 });
    const again = buildRegisterDb({ projects: 300 });
    expect(made.projects).toBe(300);
    expect(made.sites).toBeGreaterThan(300);
    expect(made.progress).toBeGreaterThan(0);
    expect(again.sites).toBe(made.sites);
    const b = openBackend({ dbPath: made.dbPath, clock: TEST_CLOCK, today: () => REGISTER_DB_TODAY });
    try {
      const view = await b.send('register.rows', {});
      expect(view.plan.title).toBe(REGISTER_DB_PLAN_TITLE);
      expect(view.projects).toHaveLength(300);
      expect(view.siteCount).toBe(made.sites);
      expect(new Set(view.projects.map((p) => p.name)).size).toBe(300);
      expect(new Set(view.projects.map((p) => p.facts.light)).size).toBeGreaterThan(2);
    } finally {
      b.close();
    }
  });
});
