// The plan-facts memo: served again while nothing changed, rebuilt after any write (by another
// connection or this one) or on another day, and never used inside a transaction.
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../src/backend/backend';
import { updateProjectFields } from '../../src/backend/repositories/projects-repo';
import { loadPlanFacts } from '../../src/backend/services/facts-service';
import { TEST_CLOCK, tempDbPath } from './helpers/temp-db';

const opened: Backend[] = [];
function open(dbPath: string): Backend {
  const b = openBackend({ dbPath, user: 'tester', clock: TEST_CLOCK });
  opened.push(b);
  return b;
}
afterEach(() => {
  for (const b of opened.splice(0)) b.close();
});

const firstName = (b: Backend) => loadPlanFacts(b.ctxFor('ui')).projects[0]?.project.name;

describe('plan facts memo', () => {
  it('serves the same facts while nothing changed', () => {
    const a = open(tempDbPath());
    const first = loadPlanFacts(a.ctxFor('ui'));
    expect(loadPlanFacts(a.ctxFor('ui'))).toBe(first);
    expect(loadPlanFacts(a.ctxFor('ui'), first.plan.id)).toBe(first);
  });

  it('is rebuilt after another connection writes', async () => {
    const path = tempDbPath();
    const a = open(path);
    const b = open(path);
    const before = loadPlanFacts(a.ctxFor('ui'));
    const id = before.projects[0]?.project.id ?? 0;
    await b.send('project.update', { id, patch: { name: '另一个连接改的名称' } });
    const after = loadPlanFacts(a.ctxFor('ui'));
    expect(after).not.toBe(before);
    expect(after.projects[0]?.project.name).toBe('另一个连接改的名称');
  });

  it('is rebuilt after this connection writes', async () => {
    const a = open(tempDbPath());
    const before = loadPlanFacts(a.ctxFor('ui'));
    const id = before.projects[0]?.project.id ?? 0;
    await a.send('project.update', { id, patch: { name: '本连接改的名称' } });
    const after = loadPlanFacts(a.ctxFor('ui'));
    expect(after).not.toBe(before);
    expect(after.projects[0]?.project.name).toBe('本连接改的名称');
  });

  it('is rebuilt on another day', () => {
    const a = open(tempDbPath());
    const before = loadPlanFacts(a.ctxFor('ui'));
    const nextDay = loadPlanFacts({ ...a.ctxFor('ui'), today: () => '2026-11-30' });
    expect(nextDay).not.toBe(before);
    expect(nextDay.today).toBe('2026-11-30');
    expect(loadPlanFacts({ ...a.ctxFor('ui'), today: () => '2026-11-30' })).toBe(nextDay);
  });

  it('is neither used nor filled inside a transaction', () => {
    const a = open(tempDbPath());
    const ctx = a.ctxFor('ui');
    const outside = loadPlanFacts(ctx);
    const id = outside.projects[0]?.project.id ?? 0;
    const original = outside.projects[0]?.project.name;
    expect(() =>
      a.db.transaction(() => {
        const inside = loadPlanFacts(ctx);
        expect(inside).not.toBe(outside);
        expect(loadPlanFacts(ctx)).not.toBe(inside);
        updateProjectFields(a.db, id, { name: '事务中未提交的名称' });
        expect(loadPlanFacts(ctx).projects[0]?.project.name).toBe('事务中未提交的名称');
        throw new Error('roll back');
      })(),
    ).toThrow('roll back');
    // the uncommitted name was never cached: the rolled-back database shows the original
    expect(firstName(a)).toBe(original);
  });
});
