// An import's new rows are logged in the compact form (history/row-digest.ts): the name and one
// digest instead of every row again. Undo must still restore the database exactly, refuse when
// an imported row was changed since (even outside the log), and the history must still read well.
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/backend/backend';
import { largeAnnexBytes } from '../fixtures/xlsx/large-annex';
import { openTempBackend } from './helpers/temp-db';

let backend: Backend;
beforeEach(() => {
  backend = openTempBackend();
});
afterEach(() => backend.close());

/** Every row of every table but the log itself (which an undo only adds to). */
function dump(db: Database.Database): Record<string, unknown[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('change_log', 'change_batch') AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).raw(true).all()]));
}

async function importAnnex(rows: number): Promise<{ batchId: string; planId: number }> {
  const base64 = (await largeAnnexBytes(rows, '紧凑记录测试规划')).toString('base64');
  const preview = await backend.send('xlsx.importPreview', { fileName: '紧凑.xlsx', base64 });
  const r = await backend.send('xlsx.importApply', { token: preview.token });
  if (r.planId === null) throw new Error('no plan');
  return { batchId: r.batchId, planId: r.planId };
}

describe('undo of an import logged compactly', () => {
  it('restores every table exactly, and the undo logs each removed row whole', async () => {
    const before = dump(backend.db);
    const { batchId, planId } = await importAnnex(40);
    const logged = backend.db.prepare("SELECT entity, new_value FROM change_log WHERE batch_id = ? AND field = '*'").all(batchId) as { entity: string; new_value: string }[];
    const projects = logged.filter((r) => r.entity === 'project');
    expect(projects).toHaveLength(40);
    // compact: the name, no copy of the row's other columns
    expect(projects.every((r) => !r.new_value.includes('scale_text'))).toBe(true);
    expect(projects.filter((r) => r.new_value.includes('#digest'))).toHaveLength(1);

    const undoable = await backend.send('history.undoable', { planId });
    expect(undoable).toMatchObject({ batchId, blocked: null, label: '撤销本次导入（紧凑.xlsx，40 个项目）' });
    const r = await backend.send('history.undo', { batchId, confirm: true });
    expect(r.removedProjectIds).toHaveLength(40);
    expect(dump(backend.db)).toEqual(before);
    // the removed rows are in the log whole, as the undo found them
    const removed = backend.db.prepare("SELECT old_value FROM change_log WHERE batch_id = ? AND entity = 'project'").all(`undo:${batchId}`) as { old_value: string }[];
    expect(removed).toHaveLength(40);
    expect(JSON.parse(removed[0]?.old_value ?? '{}')).toMatchObject({ plan_id: planId, scale_text: expect.any(String), investment_yuan: expect.any(Number) });
  });

  it('refuses, changing nothing, when an imported row was changed outside the log; undoes once it is as imported again', async () => {
    const { batchId } = await importAnnex(25);
    // a column the compact rows do not carry (only the digest covers it)
    const target = backend.db.prepare("SELECT p.id, p.note FROM project p JOIN change_log c ON c.entity = 'project' AND c.entity_id = p.id WHERE c.batch_id = ? ORDER BY p.id DESC LIMIT 1").get(batchId) as { id: number; note: string };
    backend.db.prepare('UPDATE project SET note = ? WHERE id = ?').run('别处改过的备注', target.id);
    const changed = dump(backend.db);
    const logRows = (): number => (backend.db.prepare('SELECT COUNT(*) AS n FROM change_log').get() as { n: number }).n;
    const rowsBefore = logRows();
    await expect(backend.send('history.undo', { batchId, confirm: true })).rejects.toThrow('无法撤销：本次新建的 25 个项目中有记录在这次修改之后又被改动过');
    expect(dump(backend.db)).toEqual(changed);
    expect(logRows()).toBe(rowsBefore);

    backend.db.prepare('UPDATE project SET note = ? WHERE id = ?').run(target.note, target.id);
    await backend.send('history.undo', { batchId, confirm: true });
    expect((backend.db.prepare('SELECT COUNT(*) AS n FROM project WHERE id = ?').get(target.id) as { n: number }).n).toBe(0);
  });

  it('a project created by the import shows its creation in its history, by name', async () => {
    const { batchId } = await importAnnex(5);
    const id = (backend.db.prepare("SELECT entity_id AS id FROM change_log WHERE batch_id = ? AND entity = 'project' ORDER BY id DESC LIMIT 1").get(batchId) as { id: number }).id;
    const detail = await backend.send('project.get', { id });
    const created = detail.history.find((h) => h.field === '*' && h.entity === 'project');
    expect(JSON.parse(created?.newValue ?? '{}')).toMatchObject({ name: detail.project.name });
    const undoable = await backend.send('history.undoable', { projectId: id });
    expect(undoable?.batchId).toBe(batchId);
  });
});
