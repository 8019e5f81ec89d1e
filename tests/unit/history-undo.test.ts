// The one undo rule (history.undoable / history.undo) over the change_log semantics of CONTRACTS.md.
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../src/backend/backend';
import { logRowInsert, logRowUpdate, newBatchId, noteBatchSource } from '../../src/backend/history/change-writer';
import { createProjectWithSites, saveProjectPatch } from '../../src/backend/services/project-service';
import { ApiError } from '../../src/domain/api/errors';
import { confirmationQuestion } from '../../src/domain/api/history';
import type { ProjectInsert } from '../../src/backend/repositories/projects-repo';
import { openTempBackend } from './helpers/temp-db';

const count = (b: Backend, sql: string, ...params: unknown[]): number => (b.db.prepare(sql).get(...params) as { n: number }).n;
const logRows = (b: Backend): number => count(b, 'SELECT COUNT(*) AS n FROM change_log');

async function undoNewest(b: Backend, scope: { projectId?: number; planId?: number }, confirm?: boolean) {
  const u = await b.send('history.undoable', scope);
  if (!u) throw new Error('nothing to undo');
  return b.send('history.undo', { batchId: u.batchId, ...(confirm ? { confirm } : {}) });
}

async function refusal(p: Promise<unknown>): Promise<ApiError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(e)}`);
  return e;
}

// Raw rows (not the progress engineer's repository, whose shape is still moving): only columns of migration 1.
function insertProgressRow(b: Backend, projectId: number, siteId: number | null, date: string, percent: number): Record<string, unknown> {
  const r = b.db
    .prepare("INSERT INTO progress (project_id, site_id, date, stage, percent, author, created_at) VALUES (?, ?, ?, '在建', ?, 'tester', ?)")
    .run(projectId, siteId, date, percent, '2026-11-29T00:00:00.000Z');
  return b.db.prepare('SELECT * FROM progress WHERE id = ?').get(r.lastInsertRowid) as Record<string, unknown>;
}

function insertMilestoneRow(b: Backend, projectId: number, siteId: number | null): number {
  const r = b.db
    .prepare("INSERT INTO milestone (project_id, site_id, kind, planned_date, actual_date) VALUES (?, ?, '开工', '2024-03-01', NULL)")
    .run(projectId, siteId);
  return Number(r.lastInsertRowid);
}

const NEW_PROJECT: ProjectInsert = {
  seq: 16,
  seqPrinted: null,
  name: '奉节县新建测试养老院',
  category: '养老',
  nature: '新建',
  owner: '县民政局',
  locationText: '朱衣镇',
  scaleText: '床位100张',
  metrics: {},
  investmentYuan: 10_000_000,
  startYear: 2024,
  endYear: 2025,
  startDate: null,
  endDate: null,
  remark: '',
  responsibleUnit: '',
  leader: '',
  note: '',
};

function importNewProject(b: Backend): { id: number; batchId: string } {
  const ctx = b.ctxFor('import');
  const batchId = `import:${newBatchId()}`;
  const id = b.db
    .transaction(() => {
      const pid = createProjectWithSites(
        ctx,
        1,
        {
          ...NEW_PROJECT,
          sites: [
            { seq: 1, town: '朱衣镇', village: '', address: '', scaleText: '', budgetYuan: null, startYear: null, endYear: null },
            { seq: 2, town: '夔州街道', village: '', address: '', scaleText: '', budgetYuan: null, startYear: null, endYear: null },
          ],
        },
        batchId,
      );
      noteBatchSource(ctx, batchId, '附件1.xlsx');
      return pid;
    })
    .immediate();
  return { id, batchId };
}

describe('undo of a project field edit', () => {
  it('names the field, restores it, logs the undo as its own batch, and only once', async () => {
    const b = openTempBackend();
    await b.send('project.update', { id: 8, patch: { investmentYuan: 32_005_000 } });
    const u = await b.send('history.undoable', { projectId: 8 });
    expect(u).toMatchObject({ label: '撤销：修改 投资估算', door: 'cli', user: 'tester', count: 1, confirm: null, blocked: null });
    const r = await b.send('history.undo', { batchId: u?.batchId ?? '' });
    expect(r).toMatchObject({ undone: 1, removedProjectIds: [] });
    const d = await b.send('project.get', { id: 8 });
    expect(d.project.investmentYuan).toBe(30_000_000);
    const [undoRow, edit] = d.history;
    expect(undoRow).toMatchObject({ isUndo: true, field: 'investmentYuan', oldValue: '32005000', newValue: '30000000' });
    expect(edit).toMatchObject({ isUndo: false, undoneBy: undoRow?.id });
    expect(await b.send('history.undoable', { projectId: 8 })).toBeNull();
    const again = await refusal(b.send('history.undo', { batchId: u?.batchId ?? '' }));
    expect(again.code).toBe('conflict');
    expect(again.message).toContain('已经撤销过了');
    const ofUndo = await refusal(b.send('history.undo', { batchId: undoRow?.batchId ?? '' }));
    expect(ofUndo.message).toContain('撤销操作本身不能再撤销');
    await expect(b.send('history.undo', { batchId: 'no-such-batch' })).rejects.toThrow('找不到这次修改');
    b.close();
  });

  it('restores several fields of one save together (the window moves as one)', async () => {
    const b = openTempBackend();
    await b.send('project.update', { id: 7, patch: { startYear: 2024, endYear: 2026, leader: '王五' } });
    expect((await b.send('history.undoable', { projectId: 7 }))?.label).toBe('撤销：修改 开始年份、结束年份、责任人');
    await undoNewest(b, { projectId: 7 });
    const p = (await b.send('project.get', { id: 7 })).project;
    expect([p.startYear, p.endYear, p.leader]).toEqual([2022, 2023, '']);
    b.close();
  });
});

describe('undo of a project created by an import (issue 7, item 10)', () => {
  it('removes the project and its sites after a confirmation, and logs real deletes, never null → null', async () => {
    const b = openTempBackend();
    const { id, batchId } = importNewProject(b);
    expect((await b.send('register.get', {})).projects).toHaveLength(16);
    const u = await b.send('history.undoable', { projectId: id });
    expect(u?.batchId).toBe(batchId);
    expect(u?.label).toBe('撤销本次导入（附件1.xlsx，1 个项目）');
    expect(u?.confirm).toContain('撤销将删除 1 个项目（「奉节县新建测试养老院」）');

    // without the confirmation: refused with the question, nothing written
    const before = logRows(b);
    const asked = await refusal(b.send('history.undo', { batchId }));
    expect(asked.code).toBe('conflict');
    expect(confirmationQuestion(asked)).toBe(u?.confirm);
    expect(logRows(b)).toBe(before);
    expect((await b.send('project.get', { id })).sites).toHaveLength(2);

    const r = await b.send('history.undo', { batchId, confirm: true });
    expect(r.removedProjectIds).toEqual([id]);
    await expect(b.send('project.get', { id })).rejects.toThrow(`找不到项目（编号 ${id}）`);
    expect(count(b, 'SELECT COUNT(*) AS n FROM site WHERE project_id = ?', id)).toBe(0);
    const view = await b.send('register.get', {});
    expect(view.projects).toHaveLength(15);
    expect(view.siteCount).toBe(137);
    // the old bug: a '*' row from null to null, and the creation marked undone while the project stayed
    expect(count(b, "SELECT COUNT(*) AS n FROM change_log WHERE field = '*' AND old_value IS NULL AND new_value IS NULL")).toBe(0);
    const undoRows = b.db.prepare("SELECT entity, old_value, new_value FROM change_log WHERE batch_id LIKE 'undo:%'").all() as {
      entity: string;
      old_value: string | null;
      new_value: string | null;
    }[];
    expect(undoRows.map((x) => x.entity)).toEqual(['site', 'site', 'project']);
    expect(undoRows.every((x) => x.old_value !== null && x.new_value === null)).toBe(true);
    expect(JSON.parse(undoRows[2]?.old_value ?? '{}')).toMatchObject({ id, name: '奉节县新建测试养老院', investment_yuan: 10_000_000 });
    expect(count(b, 'SELECT COUNT(*) AS n FROM change_log WHERE batch_id = ? AND undone_by IS NULL', batchId)).toBe(0);
    b.close();
  });

  it('refuses to remove a created project on which progress was recorded since', async () => {
    const b = openTempBackend();
    const { id, batchId } = importNewProject(b);
    const ctx = b.ctxFor('ui');
    b.db
      .transaction(() => {
        logRowInsert(ctx, 'progress', insertProgressRow(b, id, null, '2026-10-31', 20), id, newBatchId());
      })
      .immediate();
    // the newest save of the project is now the progress entry; the import behind it is blocked
    const blocked = await b.send('history.undoable', {});
    expect(blocked?.label).toBe('撤销：填报进度');
    const err = await refusal(b.send('history.undo', { batchId, confirm: true }));
    expect(err.code).toBe('conflict');
    expect(err.message).toContain('已有 1 条进度记录');
    expect((await b.send('project.get', { id })).project.name).toBe('奉节县新建测试养老院');
    b.close();
  });
});

describe('generic undo of a multi-row batch', () => {
  it('takes back a whole grid save: inserted progress rows and an updated milestone', async () => {
    const b = openTempBackend();
    const ctx = b.ctxFor('ui');
    const milestone = insertMilestoneRow(b, 10, null);
    const batchId = newBatchId();
    b.db
      .transaction(() => {
        for (const site of [101, 102, 103]) logRowInsert(ctx, 'progress', insertProgressRow(b, 10, site, '2026-11-01', 40), 10, batchId);
        b.db.prepare('UPDATE milestone SET actual_date = ? WHERE id = ?').run('2024-03-15', milestone);
        logRowUpdate(ctx, 'milestone', milestone, 10, 'actual_date', null, '2024-03-15', batchId);
      })
      .immediate();
    const u = await b.send('history.undoable', { planId: 1 });
    expect(u).toMatchObject({ batchId, count: 4, label: '撤销：4 项修改' });
    expect((await b.send('history.undo', { batchId })).undone).toBe(4);
    expect(count(b, 'SELECT COUNT(*) AS n FROM progress')).toBe(0);
    expect((b.db.prepare('SELECT actual_date FROM milestone WHERE id = ?').get(milestone) as { actual_date: string | null }).actual_date).toBeNull();
    b.close();
  });

  it('labels a grid of progress rows as 月度填报 and the whole database scope finds it', async () => {
    const b = openTempBackend();
    const ctx = b.ctxFor('ui');
    const batchId = newBatchId();
    b.db
      .transaction(() => {
        for (let i = 1; i <= 3; i++) logRowInsert(ctx, 'progress', insertProgressRow(b, 10, null, `2026-0${i}-28`, 10 * i), 10, batchId);
      })
      .immediate();
    expect((await b.send('history.undoable', {}))?.label).toBe('撤销月度填报（3 条）');
    b.close();
  });
});

describe('undo never clobbers a newer edit', () => {
  it('refuses an older save when a later save changed the same row, and changes nothing', async () => {
    const b = openTempBackend();
    await b.send('project.update', { id: 3, patch: { name: '第一次改名' } });
    const first = await b.send('history.undoable', { projectId: 3 });
    await b.call('project.update', { id: 3, patch: { leader: '李四' } }, 'ui');
    const before = logRows(b);
    const err = await refusal(b.send('history.undo', { batchId: first?.batchId ?? '' }));
    expect(err.code).toBe('conflict');
    expect(err.message).toBe('无法撤销：之后 tester（界面）又修改了项目「第一次改名」，请先撤销那次修改。');
    expect(logRows(b)).toBe(before);
    expect((await b.send('project.get', { id: 3 })).project.name).toBe('第一次改名');
    // once the later save is undone, the older one can be
    await undoNewest(b, { projectId: 3 });
    await undoNewest(b, { projectId: 3 });
    expect((await b.send('project.get', { id: 3 })).project.name).toBe('奉节县社会组织服务中心建设项目');
    b.close();
  });

  it('shows an import that a later edit blocks as blocked, with the reason', async () => {
    const b = openTempBackend();
    const ctx = b.ctxFor('import');
    const batchId = `import:${newBatchId()}`;
    b.db
      .transaction(() => {
        saveProjectPatch(ctx, 1, { note: '导入备注一' }, batchId);
        saveProjectPatch(ctx, 2, { note: '导入备注二' }, batchId);
      })
      .immediate();
    await b.send('project.update', { id: 2, patch: { note: '手工改过' } });
    const u = await b.send('history.undoable', { projectId: 1 });
    expect(u).toMatchObject({ batchId, label: '撤销本次导入（2 个项目）' });
    expect(u?.blocked).toContain('又修改了项目「奉节县未成年人保护中心建设项目」');
    await expect(b.send('history.undo', { batchId })).rejects.toThrow('请先撤销那次修改');
    b.close();
  });

  it('refuses when the row was changed outside the log, and rolls the whole batch back', async () => {
    const b = openTempBackend();
    const ctx = b.ctxFor('ui');
    const batchId = newBatchId();
    b.db
      .transaction(() => {
        saveProjectPatch(ctx, 1, { leader: '甲' }, batchId);
        saveProjectPatch(ctx, 2, { leader: '乙' }, batchId);
      })
      .immediate();
    b.db.prepare('UPDATE project SET leader = ? WHERE id = 2').run('丙');
    const before = logRows(b);
    const err = await refusal(b.send('history.undo', { batchId }));
    expect(err.message).toContain('在这次修改之后又被改动过');
    expect(logRows(b)).toBe(before);
    expect((await b.send('project.get', { id: 1 })).project.leader).toBe('甲');
    b.close();
  });
});
