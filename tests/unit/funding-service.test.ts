// funding.get / funding.save / fundingSources.* through the one handler table, on a
// seeded temporary database: totals and rates, checks with confirmation, one logged batch.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/backend/backend';
import type { FundingView } from '../../src/domain/api/funding';
import { openTempBackend } from './helpers/temp-db';
import { rejection } from './helpers/api-results';

let backend: Backend;
let view: FundingView;
const WAN = 10_000;

function ids() {
  const p1 = view.projects[0];
  const p2 = view.projects[1];
  const [central, municipal, lottery, county] = view.sources;
  if (!p1 || !p2 || !central || !municipal || !lottery || !county) throw new Error('seed missing');
  return { p1: p1.id, p2: p2.id, central: central.id, municipal: municipal.id, county: county.id, p1Estimate: p1.investmentYuan };
}

function count(sql: string, ...params: unknown[]): number {
  return (backend.db.prepare(sql).get(...params) as { n: number }).n;
}

beforeEach(async () => {
  backend = openTempBackend();
  view = await backend.send('funding.get', {});
});

afterEach(() => backend.close());

describe('funding.get', () => {
  it('offers the five seeded sources, the plan years and every project, with nothing recorded', async () => {
    expect(view.sources.map((s) => s.name)).toEqual(['中央补助', '市级补助', '福彩公益金', '县级配套', '社会投资']);
    expect(view.sources.every((s) => s.amountCount === 0)).toBe(true);
    expect(view.projects).toHaveLength(15);
    expect(view.years).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(view.scope).toEqual({ projectId: null, year: null });
    expect(view.amounts).toEqual([]);
    expect(view.issues).toEqual([]);
    expect(view.totals.total).toMatchObject({ plannedYuan: 0, arrivalRate: null, paymentRate: null });
    expect(view.totals.bySource).toHaveLength(5);
    const { p1 } = ids();
    const one = await backend.send('funding.get', { projectId: p1 });
    expect(one.scope).toEqual({ projectId: p1, year: null });
    expect(one.totals.byProject.map((p) => p.projectId)).toEqual([p1]);
  });

  it('refuses a project of another plan and an unknown project', async () => {
    const { p1 } = ids();
    expect((await rejection(backend.send('funding.get', { projectId: 99_999 }))).code).toBe('not_found');
    expect((await rejection(backend.send('funding.get', { projectId: p1, planId: 99 }))).message).toContain('不属于规划');
  });
});

describe('funding.save', () => {
  it('writes a grid in one logged batch; totals and rates follow per project, source and year', async () => {
    const { p1, central, county, p1Estimate } = ids();
    const r = await backend.send('funding.save', {
      cells: [
        { projectId: p1, sourceId: central, year: 2023, kind: 'planned', amountYuan: 4000 * WAN },
        { projectId: p1, sourceId: county, year: 2024, kind: 'planned', amountYuan: p1Estimate - 4000 * WAN },
        { projectId: p1, sourceId: central, year: 2023, kind: 'arrived', amountYuan: 3000 * WAN },
        { projectId: p1, sourceId: central, year: 2024, kind: 'paid', amountYuan: 1500 * WAN },
        { projectId: p1, sourceId: county, year: 2025, kind: 'paid', amountYuan: null }, // nothing to delete
      ],
    });
    expect(r).toMatchObject({ status: 'saved', changed: 4, issues: [] });
    if (r.status !== 'saved' || r.batchId === null) throw new Error('not saved');
    expect(count('SELECT COUNT(*) AS n FROM change_log WHERE batch_id = ? AND entity = ? AND field = ?', r.batchId, 'funding', '*')).toBe(4);
    const logged = backend.db.prepare('SELECT * FROM change_log WHERE batch_id = ? ORDER BY id LIMIT 1').get(r.batchId) as Record<string, unknown>;
    expect(logged).toMatchObject({ door: 'cli', user: 'tester', project_id: p1, old_value: null });
    expect(JSON.parse(String(logged.new_value))).toMatchObject({ project_id: p1, source_id: central, year: 2023, kind: 'planned', amount_yuan: 4000 * WAN });

    const one = await backend.send('funding.get', { projectId: p1 });
    expect(one.totals.total).toMatchObject({ plannedYuan: p1Estimate, arrivedYuan: 3000 * WAN, paidYuan: 1500 * WAN, paymentRate: 0.5 });
    expect(one.totals.total.arrivalRate).toBeCloseTo(3000 / 6625);
    expect(one.totals.bySource.find((s) => s.sourceId === central)).toMatchObject({ plannedYuan: 4000 * WAN, arrivalRate: 0.75 });
    expect(one.totals.byYear.map((y) => [y.year, y.plannedYuan])).toEqual([
      [2021, 0],
      [2022, 0],
      [2023, 4000 * WAN],
      [2024, p1Estimate - 4000 * WAN],
      [2025, 0],
    ]);
    const year = await backend.send('funding.get', { year: 2023 });
    expect(year.amounts).toHaveLength(4); // every year, for the checks
    expect(year.totals.total).toMatchObject({ plannedYuan: 4000 * WAN, arrivedYuan: 3000 * WAN, paidYuan: 0 });
    expect(year.totals.byYear.map((y) => y.year)).toEqual([2023]);
    const sources = await backend.send('fundingSources.list', {});
    expect(sources.find((s) => s.id === central)?.amountCount).toBe(3);
  });

  it('updates and deletes (null) in one batch; unchanged cells write nothing', async () => {
    const { p1, central } = ids();
    const cell = (kind: 'planned' | 'arrived', amountYuan: number | null) => ({ projectId: p1, sourceId: central, year: 2023, kind, amountYuan });
    await backend.send('funding.save', { cells: [cell('planned', 100 * WAN), cell('arrived', 50 * WAN)] });
    const same = await backend.send('funding.save', { cells: [cell('planned', 100 * WAN)] });
    expect(same).toEqual({ status: 'saved', changed: 0, batchId: null, issues: expect.any(Array) });
    const r = await backend.send('funding.save', { cells: [cell('planned', 120 * WAN), cell('arrived', null)] });
    if (r.status !== 'saved' || !r.batchId) throw new Error('not saved');
    const rows = backend.db.prepare('SELECT field, old_value, new_value FROM change_log WHERE batch_id = ? ORDER BY id').all(r.batchId);
    expect(rows).toEqual([
      { field: 'amount_yuan', old_value: String(100 * WAN), new_value: String(120 * WAN) },
      { field: '*', old_value: expect.stringContaining('"kind":"arrived"'), new_value: null },
    ]);
    expect(count('SELECT COUNT(*) AS n FROM funding')).toBe(1);
  });

  it('asks for confirmation when more arrived than planned or more paid than arrived; writes nothing until confirmed', async () => {
    const { p1, central } = ids();
    const cells = [
      { projectId: p1, sourceId: central, year: 2023, kind: 'planned' as const, amountYuan: 100 * WAN },
      { projectId: p1, sourceId: central, year: 2024, kind: 'arrived' as const, amountYuan: 120 * WAN },
      { projectId: p1, sourceId: central, year: 2024, kind: 'paid' as const, amountYuan: 130 * WAN },
    ];
    const r = await backend.send('funding.save', { cells });
    expect(r.status).toBe('needsConfirm');
    if (r.status !== 'needsConfirm') throw new Error('expected needsConfirm');
    expect(r.errors.map((e) => e.message)).toEqual([
      '「1. 奉节县朱衣社会福利院建设项目」中央补助：到位 120 万元，超过计划安排 100 万元。',
      '「1. 奉节县朱衣社会福利院建设项目」中央补助：支付 130 万元，超过到位 120 万元。',
    ]);
    expect(count('SELECT COUNT(*) AS n FROM funding')).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM change_log')).toBe(0);

    const ok = await backend.send('funding.save', { cells, confirm: true });
    expect(ok).toMatchObject({ status: 'saved', changed: 3 });
    expect(count('SELECT COUNT(*) AS n FROM funding')).toBe(3);
    const after = await backend.send('funding.get', { projectId: p1 });
    expect(after.issues.map((i) => i.code)).toEqual(['arrived-over-planned', 'paid-over-arrived', 'planned-vs-estimate']);

    // an error already confirmed does not block a save that does not touch it
    const { county } = ids();
    const other = await backend.send('funding.save', {
      cells: [{ projectId: p1, sourceId: county, year: 2023, kind: 'planned', amountYuan: 5 * WAN }],
    });
    expect(other.status).toBe('saved');
  });

  it('history.undo reverts a whole grid save (inserts, updates and deletes) exactly', async () => {
    const { p1, central, county } = ids();
    const cell = (sourceId: number, kind: 'planned' | 'arrived', amountYuan: number | null) => ({ projectId: p1, sourceId, year: 2024, kind, amountYuan });
    await backend.send('funding.save', { cells: [cell(central, 'planned', 100 * WAN), cell(central, 'arrived', 40 * WAN)] });
    const snapshot = () => backend.db.prepare('SELECT * FROM funding ORDER BY id').all();
    const before = snapshot();
    const r = await backend.send('funding.save', {
      cells: [cell(central, 'planned', 90 * WAN), cell(central, 'arrived', null), cell(county, 'planned', 10 * WAN)],
    });
    if (r.status !== 'saved' || !r.batchId) throw new Error('not saved');
    const undoable = await backend.send('history.undoable', { projectId: p1 });
    expect(undoable).toMatchObject({ batchId: r.batchId, count: 3, blocked: null });
    const planWide = await backend.send('history.undoable', { planId: view.plan.id });
    expect(planWide?.batchId).toBe(r.batchId);
    const undone = await backend.send('history.undo', { batchId: r.batchId });
    expect(undone.undone).toBe(3);
    expect(snapshot()).toEqual(before);
  });

  it('warns (without blocking) when planned sources do not add up to the estimate', async () => {
    const { p1 } = ids();
    const r = await backend.send('funding.save', {
      cells: [{ projectId: p1, sourceId: ids().central, year: 2023, kind: 'planned', amountYuan: 6000 * WAN }],
    });
    expect(r.status).toBe('saved');
    expect(r.issues).toEqual([
      expect.objectContaining({ severity: 'warning', message: '「1. 奉节县朱衣社会福利院建设项目」各来源计划安排合计 6,000 万元，与投资估算 6,625 万元不一致（少 625 万元）。' }),
    ]);
  });

  it('refuses bad cells with a Chinese message and writes nothing', async () => {
    const { p1, central } = ids();
    const base = { projectId: p1, sourceId: central, year: 2023, kind: 'planned' as const, amountYuan: 1 };
    const e1 = await rejection(backend.send('funding.save', { cells: [base, { ...base, projectId: 99_999 }, { ...base, sourceId: 77 }] }));
    expect(e1.code).toBe('invalid');
    expect(e1.message).toBe('第 2 个金额：找不到项目（编号 99999）；第 3 个金额：找不到资金来源（编号 77）');
    const e2 = await rejection(backend.send('funding.save', { cells: [base, base] }));
    expect(e2.message).toContain('第 2 个金额：与前面的金额重复');
    const e3 = await rejection(backend.send('funding.save', { cells: [{ ...base, amountYuan: -1 }] }));
    expect(e3.message).toBe('金额不能为负数');
    const e4 = await rejection(backend.send('funding.save', { cells: [{ ...base, amountYuan: 1.5 }] }));
    expect(e4.message).toBe('金额最小单位为元');
    const e5 = await rejection(backend.send('funding.save', { cells: [{ ...base, year: 1800 }] }));
    expect(e5.message).toBe('年份应在 1990 至 2100 之间');
    expect(count('SELECT COUNT(*) AS n FROM funding')).toBe(0);
  });
});

describe('fundingSources', () => {
  it('adds and renames sources, refusing duplicate names; logs each change', async () => {
    const added = await backend.send('fundingSources.save', { name: '  专项债券 ' });
    expect(added.map((s) => s.name)).toEqual(['中央补助', '市级补助', '福彩公益金', '县级配套', '社会投资', '专项债券']);
    const bond = added[5];
    if (!bond) throw new Error('not added');
    expect(bond).toMatchObject({ sort: 6, amountCount: 0 });
    const renamed = await backend.send('fundingSources.save', { id: bond.id, name: '地方政府专项债券' });
    expect(renamed[5]?.name).toBe('地方政府专项债券');
    const dup = await rejection(backend.send('fundingSources.save', { id: bond.id, name: '中央补助' }));
    expect(dup).toMatchObject({ code: 'conflict', message: '资金来源「中央补助」已存在' });
    const empty = await rejection(backend.send('fundingSources.save', { name: '   ' }));
    expect(empty.code).toBe('invalid');
    const log = backend.db.prepare("SELECT field, old_value, new_value FROM change_log WHERE entity = 'funding_source' ORDER BY id").all();
    expect(log).toEqual([
      { field: '*', old_value: null, new_value: expect.stringContaining('"name":"专项债券"') },
      { field: 'name', old_value: '"专项债券"', new_value: '"地方政府专项债券"' },
    ]);
  });

  it('removes an unused source; refuses one that has amounts', async () => {
    const { p1, central } = ids();
    await backend.send('funding.save', { cells: [{ projectId: p1, sourceId: central, year: 2023, kind: 'planned', amountYuan: WAN }] });
    const e = await rejection(backend.send('fundingSources.remove', { id: central }));
    expect(e).toMatchObject({ code: 'conflict' });
    expect(e.message).toBe('资金来源「中央补助」已有 1 笔金额，不能删除。可以改名，或先在资金填报中清除这些金额。');
    const social = view.sources[4];
    if (!social) throw new Error('seed');
    const left = await backend.send('fundingSources.remove', { id: social.id });
    expect(left.map((s) => s.name)).toEqual(['中央补助', '市级补助', '福彩公益金', '县级配套']);
    expect(count("SELECT COUNT(*) AS n FROM change_log WHERE entity = 'funding_source' AND new_value IS NULL")).toBe(1);
  });
});
