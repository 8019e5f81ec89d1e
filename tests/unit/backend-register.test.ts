import { describe, expect, it } from 'vitest';
import { openBackend } from '../../src/backend/backend';
import { ApiError } from '../../src/domain/api/errors';
import { openTempBackend, tempDbPath } from './helpers/temp-db';

describe('seeded register', () => {
  it('holds the plan: 15 projects, 63,760万元, 137 sites', async () => {
    const b = openTempBackend();
    const view = await b.send('register.get', {});
    expect(view.plan.title).toBe('奉节县民政事业发展“十四五”规划');
    expect(view.projects).toHaveLength(15);
    expect(view.totalInvestmentYuan).toBe(637_600_000);
    expect(view.siteCount).toBe(137);
    expect(view.projects.map((p) => p.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    const p15 = view.projects[14];
    expect(p15?.seqPrinted).toBe('115');
    expect(view.projects[9]?.siteCount).toBe(55);
    expect(view.projects[9]?.towns).toHaveLength(23);
    expect(view.categories).toContain('殡葬');
    b.close();
  });

  it('seeds funding sources and a gazetteer', async () => {
    const b = openTempBackend();
    const meta = await b.send('meta.get', {});
    expect(meta.fundingSources.map((s) => s.name)).toEqual(['中央补助', '市级补助', '福彩公益金', '县级配套', '社会投资']);
    const towns = meta.places.filter((p) => p.parentId === null).map((p) => p.name);
    expect(towns).toContain('夔州街道');
    expect(towns).toContain('太和土家族乡');
    const villages = meta.places.filter((p) => p.parentId !== null).map((p) => p.name);
    expect(villages).toContain('瞿塘峡社区');
    b.close();
  });

  it('links sites to the gazetteer', async () => {
    const b = openTempBackend();
    const unlinked = b.db.prepare('SELECT COUNT(*) AS n FROM site WHERE place_id IS NULL').get() as { n: number };
    expect(unlinked.n).toBe(0);
    b.close();
  });

  it('stores parsed scale metrics without inventing any', async () => {
    const b = openTempBackend();
    const view = await b.send('register.get', {});
    const p1 = view.projects[0];
    expect(p1?.metrics.landAreaM2?.min).toBe(21500);
    expect(p1?.metrics.beds?.max).toBe(500);
    expect(p1?.metrics.gravePlots).toBeUndefined();
    const p7 = view.projects[6];
    expect(p7?.metrics.beds).toMatchObject({ min: 100, max: 200 });
    b.close();
  });

  it('init --empty style: reference data but no plan', async () => {
    const b = openTempBackend({ seed: false });
    expect(await b.send('plans.list', {})).toEqual([]);
    await expect(b.send('register.get', {})).rejects.toThrow(/还没有规划/);
    expect((await b.send('meta.get', {})).fundingSources).toHaveLength(5);
    b.close();
  });
});

describe('editing a project', () => {
  it('saves a change, logs it, and it survives reopening', async () => {
    const dbPath = tempDbPath();
    const b = openBackend({ dbPath, user: '张三' });
    const before = await b.send('project.get', { id: 1 });
    const after = await b.send('project.update', { id: 1, patch: { investmentYuan: 70_000_000, leader: '李四' } });
    expect(after.project.investmentYuan).toBe(70_000_000);
    expect(after.history.map((h) => h.field).sort()).toEqual(['investmentYuan', 'leader']);
    const inv = after.history.find((h) => h.field === 'investmentYuan');
    expect(inv).toMatchObject({ user: '张三', door: 'cli', oldValue: String(before.project.investmentYuan), newValue: '70000000' });
    b.close();
    const again = openBackend({ dbPath });
    expect((await again.send('project.get', { id: 1 })).project.investmentYuan).toBe(70_000_000);
    expect((await again.send('register.get', {})).totalInvestmentYuan).toBe(637_600_000 - 66_250_000 + 70_000_000);
    again.close();
  });

  it('logs the door the change came through', async () => {
    const b = openTempBackend();
    await b.call('project.update', { id: 2, patch: { note: '已完成选址' } }, 'ui');
    const d = await b.send('project.get', { id: 2 });
    expect(d.history[0]).toMatchObject({ door: 'ui', field: 'note', newValue: '"已完成选址"' });
    b.close();
  });

  it('re-parses metrics when the scale text changes', async () => {
    const b = openTempBackend();
    const d = await b.send('project.update', { id: 3, patch: { scaleText: '建筑面积约3000m²，床位80张' } });
    expect(d.project.metrics.floorAreaM2).toMatchObject({ min: 3000, approx: true });
    expect(d.project.metrics.beds?.min).toBe(80);
    b.close();
  });

  it('refuses invalid values with the field named, and changes nothing', async () => {
    const b = openTempBackend();
    const err = await b.send('project.update', { id: 1, patch: { investmentYuan: -5 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).issues[0]).toMatchObject({ field: 'investmentYuan', message: '投资估算不能为负数' });
    const cross = await b.send('project.update', { id: 1, patch: { endYear: 2020 } }).catch((e: unknown) => e);
    expect((cross as ApiError).issues).toEqual([{ field: 'endYear', message: '结束年份 2020 早于开始年份 2023' }]);
    const d = await b.send('project.get', { id: 1 });
    expect(d.project.endYear).toBe(2025);
    expect(d.history).toEqual([]);
    b.close();
  });

  it('refuses an unknown project and an unknown method', async () => {
    const b = openTempBackend();
    await expect(b.send('project.get', { id: 999 })).rejects.toThrow('找不到项目（编号 999）');
    await expect(b.call('project.drop', {}, 'ui')).rejects.toThrow('未知的接口：project.drop');
    b.close();
  });

  it('undoes the last edit batch, logging the undo', async () => {
    const b = openTempBackend();
    await b.send('project.update', { id: 5, patch: { name: '改名一次' } });
    await b.send('project.update', { id: 5, patch: { name: '改名两次', leader: '王五' } });
    const undoOnce = async () => {
      const u = await b.send('history.undoable', { projectId: 5 });
      if (!u) throw new Error('nothing to undo');
      await b.send('history.undo', { batchId: u.batchId });
      return b.send('project.get', { id: 5 });
    };
    let d = await undoOnce();
    expect(d.project.name).toBe('改名一次');
    expect(d.project.leader).toBe('');
    d = await undoOnce();
    expect(d.project.name).toBe('奉节县乡镇（街道）养老服务中心建设项目');
    expect(await b.send('history.undoable', { projectId: 5 })).toBeNull();
    expect(d.history.filter((h) => h.undoneBy !== null)).toHaveLength(3);
    b.close();
  });
});
