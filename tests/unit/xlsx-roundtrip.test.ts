import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../src/backend/backend';
import { listProjects } from '../../src/backend/repositories/projects-repo';
import { listPlans } from '../../src/backend/repositories/plans-repo';
import type { AnnexImportPreview, ImportPreview } from '../../src/domain/api/xlsx';
import type { Project } from '../../src/domain/model';
import { messyAnnex, save, tempDir } from '../fixtures/xlsx/corpus';

let dir = '';
let seeded: Backend;

beforeAll(() => {
  dir = tempDir('xlsx-roundtrip-');
  seeded = openBackend({ dbPath: path.join(dir, 'seeded.db'), user: 'tester' });
});

afterAll(() => {
  seeded.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The annex part of the preview union (the default kind), or a failed test. */
function annex(p: ImportPreview): AnnexImportPreview {
  if (p.kind !== 'annex') throw new Error(`expected an annex preview, got ${p.kind}`);
  return p;
}

const comparable = ({ id: _id, planId: _planId, ...rest }: Project) => rest;

describe('annex round trip', () => {
  it('export → import into an empty database gives identical projects', async () => {
    const file = await seeded.send('xlsx.export', { kind: 'annex' });
    expect(file.fileName).toBe('奉节县民政事业发展“十四五”规划-附件1 重点项目清单明细.xlsx');
    const empty = openBackend({ dbPath: path.join(dir, 'empty.db'), user: 'tester', seed: false });
    try {
      const preview = annex(await empty.send('xlsx.importPreview', { fileName: file.fileName, base64: file.base64 }));
      expect(preview.planId).toBeNull();
      expect(preview.planTitle).toBe('奉节县民政事业发展“十四五”规划');
      expect(preview.added).toHaveLength(15);
      expect(preview.warnings).toEqual([]);
      const result = await empty.send('xlsx.importApply', { token: preview.token });
      expect(result).toMatchObject({ added: 15, changed: 0, unchanged: 0 });
      expect(result.backupPath && fs.existsSync(result.backupPath)).toBe(true);

      const srcPlan = listPlans(seeded.db)[0];
      const dstPlan = listPlans(empty.db)[0];
      expect(dstPlan).toMatchObject({ title: srcPlan?.title, startYear: 2021, endYear: 2025 });
      const before = listProjects(seeded.db, srcPlan?.id ?? 0).map(comparable);
      const after = listProjects(empty.db, dstPlan?.id ?? 0).map(comparable);
      expect(after).toEqual(before);
      expect(after.find((p) => p.seq === 12)).toMatchObject({ remark: '前期论证', startYear: 2022, endYear: 2025 });
      expect(after.find((p) => p.seq === 15)?.seqPrinted).toBe('115');
      const sites = empty.db.prepare('SELECT COUNT(*) AS n FROM site').get() as { n: number };
      expect(sites.n).toBeGreaterThan(100);
      const log = empty.db.prepare("SELECT COUNT(*) AS n FROM change_log WHERE door = 'import'").get() as { n: number };
      expect(log.n).toBe(1 + 15 + sites.n); // the plan, 15 projects and their sites, each a '*' row

      // importing the same file again changes nothing
      const again = annex(await empty.send('xlsx.importPreview', { fileName: file.fileName, base64: file.base64 }));
      expect(again.planId).toBe(dstPlan?.id);
      expect(again.unchanged).toHaveLength(15);
      expect(again.added.length + again.changed.length).toBe(0);
    } finally {
      empty.close();
    }
  });

  it('the summary list exports with its own columns and total', async () => {
    const file = await seeded.send('xlsx.export', { kind: 'summary' });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('重点项目清单');
    expect(ws?.getRow(2).values).toEqual([undefined, '序号', '项目名称', '项目建设地', '投资估算（万元）', '备注']);
    expect(ws?.getRow(3).getCell(5).value).toBe('重大前期');
    expect(ws?.getRow(18).getCell(4).value).toEqual({ formula: 'SUM(D3:D17)', result: 63760 });
  });
});

describe('messy workbook', () => {
  it('previews changes field by field and warns about a 合计 that skipped text numbers', async () => {
    const file = await save(messyAnnex(), path.join(dir, 'messy.xlsx'));
    const db = openBackend({ dbPath: path.join(dir, 'messy.db'), user: 'tester', seed: false });
    try {
      const base64 = fs.readFileSync(file).toString('base64');
      const preview = annex(await db.send('xlsx.importPreview', { fileName: 'messy.xlsx', base64 }));
      expect(preview.sheet).toBe('附件1 项目明细');
      expect(preview.planTitle).toBe('测试县民政事业发展“十五五”规划');
      expect(preview.added.map((a) => a.name)).toEqual([
        '测试县养老服务中心建设项目',
        '测试县儿童福利院建设项目',
        '测试县殡葬服务中心迁建工程',
        '测试县村（社区）便民服务中心建设项目',
      ]);
      const total = preview.warnings.find((w) => w.message.includes('合计'));
      expect(total).toMatchObject({ file: 'messy.xlsx', sheet: '附件1 项目明细', row: 10, column: 'G' });
      expect(total?.message).toContain('合计行为 7,950 万元，而各行相加为 16,075 万元');
      expect(total?.message).toContain('第 6、8 行');
      await db.send('xlsx.importApply', { token: preview.token });
      const plan = listPlans(db.db)[0];
      expect(plan).toMatchObject({ startYear: 2026, endYear: 2030 });
      const projects = listProjects(db.db, plan?.id ?? 0);
      expect(projects.map((p) => [p.seq, p.nature, p.investmentYuan, p.startYear, p.endYear, p.remark, p.category])).toEqual([
        [1, '新建', 66_250_000, 2023, 2025, '', '养老'],
        [2, '新建', 66_250_000, 2023, 2025, '', '儿童福利与未成年人保护'],
        [3, '改扩建', 15_000_000, 2022, 2025, '前期论证', '殡葬'],
        [4, '扩建', 13_250_000, 2024, 2026, '', '城乡社区'],
      ]);
      expect(projects[0]?.scaleText).toBe('建筑面积5000m²，\n设计床位300张。');
      expect(projects[0]?.metrics.beds?.min).toBe(300);
      const sites = db.db.prepare('SELECT town, village FROM site WHERE project_id = ? ORDER BY seq').all(projects[3]?.id);
      expect(sites).toEqual([
        { town: '甲镇', village: '一村' },
        { town: '甲镇', village: '二村' },
        { town: '乙镇', village: '三社区' },
      ]);

      // edit the file: the preview lists each changed field with old and new values
      const wb = messyAnnex();
      const ws = wb.getWorksheet('附件1 项目明细');
      if (!ws) throw new Error('sheet missing');
      ws.getCell('G8').value = 1800;
      ws.getCell('H8').value = '2022-2026';
      const changedFile = await save(wb, path.join(dir, 'messy2.xlsx'));
      const p2 = annex(await db.send('xlsx.importPreview', { fileName: 'messy2.xlsx', base64: fs.readFileSync(changedFile).toString('base64') }));
      expect(p2.planId).toBe(plan?.id);
      expect(p2.unchanged).toHaveLength(3);
      expect(p2.changed).toEqual([
        {
          seq: 3,
          name: '测试县殡葬服务中心迁建工程',
          changes: [
            { field: 'investmentYuan', label: '投资估算（万元）', oldValue: '1,500 万元', newValue: '1,800 万元' },
            { field: 'endYear', label: '结束年份', oldValue: '2025', newValue: '2026' },
            { field: 'remark', label: '备注', oldValue: '前期论证', newValue: '（空）' },
          ],
        },
      ]);
      const r2 = await db.send('xlsx.importApply', { token: p2.token });
      expect(r2).toMatchObject({ added: 0, changed: 1, unchanged: 3 });
      const log = db.db.prepare("SELECT field FROM change_log WHERE door = 'import' AND entity_id = ? AND field != '*' ORDER BY id").all(projects[2]?.id);
      expect(log).toEqual([{ field: 'investmentYuan' }, { field: 'endYear' }, { field: 'remark' }]);
      await expect(db.send('xlsx.importApply', { token: p2.token })).rejects.toMatchObject({ code: 'not_found' });
    } finally {
      db.close();
    }
  });
});

describe('stale previews', () => {
  it('refuses to apply a preview when the register changed after it, and writes nothing', async () => {
    const file = await seeded.send('xlsx.export', { kind: 'annex' });
    const wb = new (await import('exceljs')).default.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('附件1 重点项目清单明细');
    if (!sheet) throw new Error('sheet missing');
    sheet.getCell('G3').value = 7000;
    const base64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const preview = annex(await seeded.send('xlsx.importPreview', { fileName: 'a.xlsx', base64 }));
    expect(preview.changed.map((c) => c.seq)).toEqual([1]);
    const detail = await seeded.send('project.get', { id: listProjects(seeded.db, preview.planId ?? 0)[1]?.id ?? 0 });
    await seeded.send('project.update', { id: detail.project.id, patch: { leader: '张三' } });
    await seeded.send('project.update', { id: detail.project.id, patch: { investmentYuan: 1 } });
    const before = seeded.db.prepare('SELECT COUNT(*) AS n FROM change_log').get();
    await expect(seeded.send('xlsx.importApply', { token: preview.token })).rejects.toMatchObject({ code: 'conflict' });
    expect(seeded.db.prepare('SELECT COUNT(*) AS n FROM change_log').get()).toEqual(before);
    expect(listProjects(seeded.db, preview.planId ?? 0)[0]?.investmentYuan).toBe(66_250_000);
  });
});
