// The generic import pipeline with the annex kind: one batch per import (undone as one),
// site changes from a new 项目建设地, progress reported, and no backup left by a failure.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/backend/backend';
import { backupDirFor } from '../../src/backend/db/backup';
import type Database from 'better-sqlite3';
import type { AnnexImportPreview, ImportPreview } from '../../src/domain/api/xlsx';
import { openTempBackend } from './helpers/temp-db';

let backend: Backend;
let dbPath = '';

beforeEach(() => {
  backend = openTempBackend();
  dbPath = backend.db.name;
});
afterEach(() => backend.close());

function annex(p: ImportPreview): AnnexImportPreview {
  if (p.kind !== 'annex') throw new Error(`expected an annex preview, got ${p.kind}`);
  return p;
}

/** Everything an import may touch, minus timestamps. */
function contentHash(db: Database.Database): string {
  const h = createHash('sha256');
  for (const sql of [
    'SELECT id, title, issuer, start_year, end_year FROM plan ORDER BY id',
    'SELECT * FROM project ORDER BY id',
    'SELECT * FROM site ORDER BY id',
  ]) {
    h.update(JSON.stringify(db.prepare(sql).raw(true).all()));
  }
  return h.digest('hex');
}

function importBackups(): string[] {
  const dir = backupDirFor(dbPath);
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.includes('-import')) : [];
}

/** The seed's own annex export with edits: project 1's amount, project 13's places, one new project. */
async function editedExport(): Promise<{ fileName: string; base64: string }> {
  const file = await backend.send('xlsx.export', { kind: 'annex' });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('附件1 重点项目清单明细');
  if (!ws) throw new Error('annex sheet missing');
  ws.getCell('G3').value = 7000; // project 1
  ws.getCell('E15').value = '新民镇、兴隆镇、吐祥镇、大树镇'; // project 13: was 12 towns
  ws.spliceRows(18, 0, [16, '奉节县流水线测试项目', '新建', '奉节县民政局', '朱衣镇', '建筑面积100m²', 10, '2025']);
  return { fileName: '附件1-流水线.xlsx', base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
}

describe('import pipeline (annex)', () => {
  it('previews site changes, applies everything as one batch with progress, and one undo restores the database', async () => {
    const before = contentHash(backend.db);
    const file = await editedExport();
    const percents: number[] = [];
    const send = backend.sendWith({ progress: (_phase, _done, _total, percent) => percent !== undefined && percents.push(percent) });

    const preview = annex(await send('xlsx.importPreview', file));
    expect(preview.added.map((a) => a.name)).toEqual(['奉节县流水线测试项目']);
    expect(preview.changed.map((c) => c.seq)).toEqual([1, 13]);
    const p13 = preview.sites;
    expect(p13.added).toEqual([{ projectSeq: 13, projectName: expect.any(String), site: '大树镇' }]);
    expect(p13.archived.map((s) => s.site)).toEqual(['公平镇', '朱衣镇', '草堂镇', '五马镇', '白帝镇', '青莲镇', '汾河镇', '永乐镇', '安坪镇']);
    expect(preview.writes).toBe(1 + 2 + 1 + 9);
    expect(percents.at(-1)).toBe(100);
    expect(percents).toEqual([...percents].sort((a, b) => a - b)); // never goes back

    percents.length = 0;
    const result = await send('xlsx.importApply', { token: preview.token });
    expect(result).toMatchObject({ kind: 'annex', added: 1, changed: 2, unchanged: 13, warnings: [] });
    expect(result.summary).toBe('新增 1 项，修改 2 项，不变 13 项，建设点新增 1 个、归档 9 个。');
    expect(percents.at(-1)).toBe(100);
    expect(result.backupPath && fs.existsSync(result.backupPath)).toBe(true);

    const id13 = (backend.db.prepare('SELECT id FROM project WHERE seq = 13 AND plan_id = 1').get() as { id: number }).id;
    const listed = backend.db.prepare('SELECT town FROM site WHERE project_id = ? AND archived_at IS NULL ORDER BY seq').all(id13);
    expect(listed).toEqual([{ town: '新民镇' }, { town: '兴隆镇' }, { town: '吐祥镇' }, { town: '大树镇' }]);
    const archived = backend.db.prepare('SELECT DISTINCT archived_at AS at FROM site WHERE project_id = ? AND archived_at IS NOT NULL').all(id13);
    expect(archived).toEqual([{ at: '2026-11-29' }]);

    // one import = one batch, every row through the import door, the file named for the undo label
    const batches = backend.db.prepare("SELECT DISTINCT batch_id AS b FROM change_log WHERE door = 'import'").all();
    expect(batches).toEqual([{ b: result.batchId }]);
    const undoable = await backend.send('history.undoable', {});
    expect(undoable?.batchId).toBe(result.batchId);
    expect(undoable?.label).toContain('附件1-流水线.xlsx');

    await backend.send('history.undo', { batchId: result.batchId, confirm: true });
    expect(contentHash(backend.db)).toBe(before);
  });

  it('a failure inside the apply transaction writes nothing and leaves no backup', async () => {
    const before = contentHash(backend.db);
    const preview = await backend.send('xlsx.importPreview', await editedExport());
    backend.db.exec("CREATE TRIGGER boom BEFORE INSERT ON project BEGIN SELECT RAISE(ABORT, 'boom'); END");
    await expect(backend.send('xlsx.importApply', { token: preview.token })).rejects.toThrow('导入未完成，数据库未作任何改动');
    expect(contentHash(backend.db)).toBe(before);
    expect(importBackups()).toEqual([]);
  });

  it('a stale preview and a bad file leave no backup either', async () => {
    const file = await editedExport();
    const preview = await backend.send('xlsx.importPreview', file);
    await backend.send('project.update', { id: 2, patch: { leader: '李四' } });
    await expect(backend.send('xlsx.importApply', { token: preview.token })).rejects.toMatchObject({ code: 'conflict' });
    await expect(backend.send('xlsx.importPreview', { fileName: 'x.xlsx', base64: Buffer.from('not a zip').toString('base64') })).rejects.toMatchObject({
      code: 'bad_file',
    });
    expect(importBackups()).toEqual([]);
  });

  it('reports progress by job id to callers that poll (HTTP, IPC)', async () => {
    const file = await editedExport();
    const jobId = 'job-0123456789';
    expect(await backend.send('xlsx.importProgress', { jobId })).toBeNull();
    const preview = await backend.send('xlsx.importPreview', { ...file, jobId });
    expect(await backend.send('xlsx.importProgress', { jobId })).toMatchObject({ finished: true, percent: 100 });
    await backend.send('xlsx.importApply', { token: preview.token, jobId });
    expect(await backend.send('xlsx.importProgress', { jobId })).toMatchObject({ finished: true, percent: 100, phase: '写入数据库' });
  });

  it('an empty file is a bad file, and an unknown kind is invalid input', async () => {
    await expect(backend.send('xlsx.importPreview', { kind: 'annex', fileName: 'a.xlsx', base64: '' })).rejects.toMatchObject({ code: 'bad_file' });
    await expect(backend.call('xlsx.importPreview', { kind: 'budget', fileName: 'a.xlsx', base64: '' }, 'ui')).rejects.toMatchObject({ code: 'invalid' });
  });
});

