// Sites on the project page: add, edit, remove (or archive), each one batch that undo takes back.
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../src/backend/backend';
import { newBatchId } from '../../src/backend/history/change-writer';
import { applySiteChanges } from '../../src/backend/services/site-service';
import { ApiError } from '../../src/domain/api/errors';
import { confirmationQuestion } from '../../src/domain/api/history';
import { openTempBackend } from './helpers/temp-db';

const siteRow = (b: Backend, id: number) => b.db.prepare('SELECT * FROM site WHERE id = ?').get(id) as Record<string, unknown> | undefined;

const FIELDS = { town: '朱衣镇', village: '', address: '县城北路 8 号', scaleText: '床位50张', budgetYuan: 1_200_000, startYear: 2023, endYear: null };

async function undoNewest(b: Backend, projectId: number, confirm?: boolean) {
  const u = await b.send('history.undoable', { projectId });
  if (!u) throw new Error('nothing to undo');
  return { u, r: await b.send('history.undo', { batchId: u.batchId, ...(confirm ? { confirm } : {}) }) };
}

async function refusal(p: Promise<unknown>): Promise<ApiError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(e)}`);
  return e;
}

describe('adding a site', () => {
  it('adds a numbered site linked to the gazetteer, logs it whole, and undo removes it', async () => {
    const b = openTempBackend();
    const r = await b.send('site.create', { projectId: 8, site: FIELDS });
    expect(r.outcome).toBe('created');
    expect(r.detail.sites).toHaveLength(2);
    const added = r.detail.sites[1];
    expect(added).toMatchObject({ seq: 2, town: '朱衣镇', budgetYuan: 1_200_000, startYear: 2023, endYear: null });
    expect(siteRow(b, r.siteId)?.place_id).not.toBeNull();
    const logged = r.detail.history[0];
    expect(logged).toMatchObject({ entity: 'site', field: '*', oldValue: null, entityId: r.siteId, projectId: 8 });
    expect(JSON.parse(logged?.newValue ?? '{}')).toEqual(siteRow(b, r.siteId));
    expect((await b.send('register.get', {})).siteCount).toBe(138);

    const { u } = await undoNewest(b, 8);
    expect(u.label).toBe('撤销：新增建设点「朱衣镇 县城北路 8 号」');
    expect(siteRow(b, r.siteId)).toBeUndefined();
    expect((await b.send('register.get', {})).siteCount).toBe(137);
    b.close();
  });

  it('refuses bad input with Chinese messages naming the field, and writes nothing', async () => {
    const b = openTempBackend();
    const bad = async (site: Record<string, unknown>) => refusal(b.send('site.create', { projectId: 8, site: { ...FIELDS, ...site } }));
    expect((await bad({ budgetYuan: -1 })).issues).toEqual([{ field: 'site.budgetYuan', message: '预算不能为负数' }]);
    expect((await bad({ town: '' })).issues[0]?.message).toBe('乡镇（街道）不能为空');
    expect((await bad({ town: '\u3000 ' })).issues[0]?.message).toBe('乡镇（街道）不能只有空格或不可见字符');
    const outside = await bad({ startYear: 2020 });
    expect(outside.issues).toEqual([{ field: 'startYear', message: '开始年份 2020 不在项目建设年限 2022—2025年 内（留空则沿用项目年限）' }]);
    expect((await bad({ startYear: 2025, endYear: 2024 })).issues).toEqual([{ field: 'endYear', message: '结束年份 2024 早于开始年份 2025' }]);
    expect((await b.send('project.get', { id: 8 })).sites).toHaveLength(1);
    expect(await b.send('history.undoable', { projectId: 8 })).toBeNull();
    b.close();
  });
});

describe('editing a site', () => {
  it('logs each changed column (and the gazetteer link), and undo restores them', async () => {
    const b = openTempBackend();
    const before = siteRow(b, 40);
    const r = await b.send('site.update', { siteId: 40, patch: { town: '朱衣镇', village: '', budgetYuan: 500_000 } });
    expect(r.outcome).toBe('updated');
    expect(r.detail.sites[0]).toMatchObject({ town: '朱衣镇', village: '', budgetYuan: 500_000 });
    expect(siteRow(b, 40)?.place_id).not.toBe(before?.place_id);
    const { u } = await undoNewest(b, 8);
    expect(u.label).toBe('撤销：修改建设点「朱衣镇」的 乡镇（街道）、村（社区）、预算（万元）');
    expect(siteRow(b, 40)).toEqual(before);
    b.close();
  });

  it('an unchanged save writes nothing', async () => {
    const b = openTempBackend();
    const r = await b.send('site.update', { siteId: 40, patch: { town: '青龙镇', village: '大窝社区' } });
    expect(r.outcome).toBe('unchanged');
    expect(await b.send('history.undoable', { projectId: 8 })).toBeNull();
    b.close();
  });
});

describe('removing a site', () => {
  it('deletes a site without progress; undo puts it back exactly, with its id', async () => {
    const b = openTempBackend();
    const before = siteRow(b, 40);
    const r = await b.send('site.remove', { siteId: 40 });
    expect(r.outcome).toBe('deleted');
    expect(r.detail.sites).toHaveLength(0);
    expect(siteRow(b, 40)).toBeUndefined();
    const { u } = await undoNewest(b, 8);
    expect(u.label).toBe('撤销：删除建设点「青龙镇 大窝社区」');
    expect(siteRow(b, 40)).toEqual(before);
    expect((await b.send('project.get', { id: 8 })).sites.map((s) => s.id)).toEqual([40]);
    b.close();
  });

  it('archives a site with progress only after a confirmation; it leaves every list; undo brings it back', async () => {
    const b = openTempBackend();
    b.db
      .prepare("INSERT INTO progress (project_id, site_id, date, stage, percent, author, created_at) VALUES (8, 40, '2026-10-31', '在建', 30, 't', 'x')")
      .run();
    const asked = await refusal(b.send('site.remove', { siteId: 40 }));
    expect(asked.code).toBe('conflict');
    expect(confirmationQuestion(asked)).toContain('建设点「青龙镇 大窝社区」已有 1 条进度记录，不能删除，将改为归档');
    expect(siteRow(b, 40)?.archived_at).toBeNull();

    const r = await b.send('site.remove', { siteId: 40, confirm: true });
    expect(r.outcome).toBe('archived');
    expect(siteRow(b, 40)?.archived_at).toBe('2026-11-29');
    expect(r.detail.sites).toHaveLength(0);
    const view = await b.send('register.get', {});
    expect(view.siteCount).toBe(136);
    expect(view.projects[7]?.siteCount).toBe(0);
    const gantt = await b.send('gantt.get', {});
    expect(gantt.projects.find((p) => p.project.id === 8)?.sites).toHaveLength(0);
    expect((await b.send('site.archived', { projectId: 8 })).map((s) => [s.id, s.archivedAt])).toEqual([[40, '2026-11-29']]);
    await expect(b.send('site.update', { siteId: 40, patch: { address: 'x' } })).rejects.toThrow('已归档，不能修改');

    const { u } = await undoNewest(b, 8);
    expect(u.label).toBe('撤销：归档建设点「青龙镇 大窝社区」');
    expect(siteRow(b, 40)?.archived_at).toBeNull();
    expect((await b.send('register.get', {})).siteCount).toBe(137);
    b.close();
  });
});

describe('applySiteChanges (for the annex import)', () => {
  it('adds and archives within the caller’s transaction and batch; one undo takes both back', async () => {
    const b = openTempBackend();
    const ctx = b.ctxFor('import');
    const batchId = `import:${newBatchId()}`;
    expect(() => applySiteChanges(ctx, 8, { add: [], archive: [] }, batchId)).toThrow(/inside the caller/);
    const result = b.db
      .transaction(() =>
        applySiteChanges(ctx, 8, { add: [{ ...FIELDS, seq: 99, budgetYuan: null, startYear: null }], archive: [40] }, batchId),
      )
      .immediate();
    expect(result.archived).toEqual([40]);
    const d = await b.send('project.get', { id: 8 });
    expect(d.sites.map((s) => [s.seq, s.town])).toEqual([[2, '朱衣镇']]);
    const { u } = await undoNewest(b, 8);
    expect(u).toMatchObject({ batchId, label: '撤销本次导入（1 个项目）' });
    expect((await b.send('project.get', { id: 8 })).sites.map((s) => s.id)).toEqual([40]);
    b.close();
  });
});
