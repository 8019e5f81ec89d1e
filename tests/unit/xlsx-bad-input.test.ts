import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../src/backend/backend';
import { readCentralDirectory } from '../../src/backend/xlsx/zip-guard';
import { runCli } from '../../src/cli/run-cli';
import { annexWorkbook, declaredSizeBomb, OLE_XLS, ratioBomb, save, tempDir } from '../fixtures/xlsx/corpus';

let dir = '';
let dbPath = '';

beforeAll(() => {
  dir = tempDir('xlsx-bad-');
  dbPath = path.join(dir, 'tracker.db');
  openBackend({ dbPath, user: 'tester' }).close();
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function dbHash(): string {
  const h = createHash('sha256');
  for (const f of [dbPath, `${dbPath}-wal`]) if (fs.existsSync(f)) h.update(fs.readFileSync(f));
  return h.digest('hex');
}

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function refused(fileName: string, bytes: Buffer | ExcelJS.Workbook): Promise<string> {
  const file = path.join(dir, fileName);
  if (Buffer.isBuffer(bytes)) fs.writeFileSync(file, bytes);
  else await save(bytes, file);
  const before = dbHash();
  const r = await cli(['import', 'annex', file, '--db', dbPath]);
  expect(r.code).toBe(1);
  expect(r.out).toBe('');
  expect(r.err).not.toMatch(/\n\s+at |Error:|TypeError/);
  expect(r.err).toContain(fileName);
  expect(dbHash()).toBe(before);
  expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  return r.err;
}

const ROW = [1, '甲项目', '新建', '局', '甲镇', '内容', 100, '2023-2025'];

describe('bad files are refused with a Chinese message, exit 1, the database unchanged', () => {
  it('not a zip', async () => {
    expect(await refused('random.xlsx', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0, 0]))).toContain('文件格式无法识别');
  });

  it('an old .xls renamed to .xlsx', async () => {
    expect(await refused('old.xlsx', OLE_XLS)).toContain('旧版 Excel 97-2003 工作簿（.xls）');
  });

  it('a CSV, in UTF-8 or GBK', async () => {
    expect(await refused('list.xlsx', Buffer.from('序号,项目名称,投资估算\n1,甲,100\n'))).toContain('文本文件（如 CSV）');
    const gbk = Buffer.from([0xd0, 0xf2, 0xba, 0xc5, 0x2c, 0xc3, 0xfb, 0xb3, 0xc6, 0x0a]); // 序号,名称 in GBK
    expect(await refused('gbk.xlsx', gbk)).toContain('文本文件（如 CSV）');
  });

  it('an empty file', async () => {
    expect(await refused('empty-file.xlsx', Buffer.alloc(0))).toContain('0 字节');
  });

  it('a truncated download', async () => {
    const good = Buffer.from(await annexWorkbook([ROW]).xlsx.writeBuffer());
    expect(await refused('cut.xlsx', good.subarray(0, Math.floor(good.length / 2)))).toContain('文件不完整');
    // cut just before the end of the central directory record
    expect(await refused('cut2.xlsx', good.subarray(0, good.length - 10))).toContain('文件不完整');
  });

  it('a zip whose declared sizes exceed the cap, refused before inflating', async () => {
    const bomb = await declaredSizeBomb(300 * 1024 * 1024);
    expect(() => readCentralDirectory(bomb, 'bomb.xlsx')).toThrow(/压缩炸弹/);
    expect(await refused('bomb.xlsx', bomb)).toContain('解压后将超过 200 MB 的上限');
  });

  it('an entry with a bomb-like compression ratio', async () => {
    expect(await refused('ratio.xlsx', await ratioBomb(3 * 1024 * 1024))).toMatch(/压缩比高达 \d+ 倍/);
  });

  it('a zip that lies about an entry size (smaller than the data) is caught while inflating', async () => {
    const liar = await declaredSizeBomb(10);
    expect(await refused('liar.xlsx', liar)).toContain('实际大小与声明不符');
  });

  it('a zip that is not a workbook', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('readme.txt', 'hello');
    expect(await refused('other.xlsx', await zip.generateAsync({ type: 'nodebuffer' }))).toContain('不是 Excel 工作簿');
  });

  it('an empty workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    expect(await refused('blank.xlsx', wb)).toContain('工作簿是空的');
  });

  it('a header without a required column names the column', async () => {
    const wb = annexWorkbook([[1, '甲', '新建', '局', '镇', '内容', '2023-2025']], {
      header: ['序号', '项目名称', '建设性质', '项目建设主体', '项目建设地', '拟建设规模和建设内容', '建设年限'],
    });
    const err = await refused('nocol.xlsx', wb);
    expect(err).toContain('文件 nocol.xlsx，工作表「附件1」，第 2 行：缺少必需的列“投资估算（万元）”。');
  });

  it('a sheet without any header', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('数据').addRow(['甲', 1, 2]);
    expect(await refused('nohead.xlsx', wb)).toContain('找不到表头');
  });

  it('names every bad cell at once: text amount, negative amount, end before start, empty name, bad nature', async () => {
    const wb = annexWorkbook(
      [
        [1, '甲项目', '新建', '局', '甲镇', '内容', '约300', '2023-2025'],
        [2, '乙项目', '新建', '局', '乙镇', '内容', -5, '2023-2025'],
        [3, '丙项目', '新建', '局', '丙镇', '内容', 100, '2025-2023'],
        [4, '', '新建', '局', '丁镇', '内容', 100, '2023-2025'],
        [5, '戊项目', '翻新', '局', '戊镇', '内容', 100, '明年'],
        [5, '己项目', '新建', '局', '己镇', '内容', 100, '2024'],
      ],
      { total: 500 },
    );
    const err = await refused('many.xlsx', wb);
    expect(err.split('\n')[0]).toBe('many.xlsx：发现 7 处问题，未导入任何数据。');
    for (const line of [
      '文件 many.xlsx，工作表「附件1」，第 3 行，G 列：投资估算应为数字，读到“约300”。',
      '文件 many.xlsx，工作表「附件1」，第 4 行，G 列：投资估算不能为负数，读到 -5。',
      '文件 many.xlsx，工作表「附件1」，第 5 行，H 列：建设年限有误：结束年份 2023 早于开始年份 2025。',
      '文件 many.xlsx，工作表「附件1」，第 6 行，B 列：项目名称为空。',
      '文件 many.xlsx，工作表「附件1」，第 7 行，C 列：建设性质应为 新建、扩建 或 改扩建，读到“翻新”。',
      '文件 many.xlsx，工作表「附件1」，第 7 行，H 列：“明年”不是建设年限（应如 2023-2025）',
      '文件 many.xlsx，工作表「附件1」，第 8 行，A 列：序号 5 与第 7 行重复。',
    ]) {
      expect(err).toContain(line);
    }
  });

  it('a missing file is exit 1 too', async () => {
    const r = await cli(['import', 'annex', path.join(dir, 'nope.xlsx'), '--db', dbPath]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('找不到或无法读取文件');
  });

  it('a good file with --dry-run prints the preview and writes nothing', async () => {
    const file = await save(annexWorkbook([ROW]), path.join(dir, 'good.xlsx'));
    const before = dbHash();
    const r = await cli(['import', 'annex', file, '--dry-run', '--db', dbPath]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('导入到：新建规划「测试县民政事业发展“十五五”规划」');
    expect(r.out).toContain('  + 1 甲项目');
    expect(r.out).toContain('试运行');
    expect(dbHash()).toBe(before);
  });

  it('a failure inside the apply transaction rolls everything back', async () => {
    // 序号 valid, but the DB refuses the 16th row (a trigger standing in for any late failure)
    const rows = Array.from({ length: 20 }, (_, i) => [i + 1, `项目${i + 1}`, '新建', '局', '甲镇', '内容', 10, '2023-2025']);
    const file = await save(annexWorkbook(rows), path.join(dir, 'late.xlsx'));
    const b = openBackend({ dbPath, user: 'tester' });
    b.db.exec("CREATE TRIGGER fail_late BEFORE INSERT ON project WHEN NEW.name = '项目16' BEGIN SELECT RAISE(ABORT, 'late failure'); END");
    const count = () => (b.db.prepare('SELECT (SELECT COUNT(*) FROM project) + (SELECT COUNT(*) FROM plan) + (SELECT COUNT(*) FROM change_log) AS n').get() as { n: number }).n;
    const before = count();
    const preview = await b.send('xlsx.importPreview', { fileName: 'late.xlsx', base64: fs.readFileSync(file).toString('base64') });
    await expect(b.send('xlsx.importApply', { token: preview.token })).rejects.toThrow('导入未完成，数据库未作任何改动：late failure');
    expect(count()).toBe(before);
    b.db.exec('DROP TRIGGER fail_late');
    b.close();
  });
});

describe('CLI export', () => {
  it('writes the annex and refuses a wrong kind with usage exit 2', async () => {
    const out = path.join(dir, 'out', 'annex.xlsx');
    const r = await cli(['export', 'annex', '--out', out, '--db', dbPath]);
    expect(r).toMatchObject({ code: 0, out: `已导出 ${out}` });
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect((await cli(['export', 'pdf', '--out', out, '--db', dbPath])).code).toBe(2);
  });
});

describe('CLI export gantt', () => {
  it('writes the Gantt workbook built by the Gantt feature', async () => {
    const out = path.join(dir, 'out', 'gantt.xlsx');
    const r = await cli(['export', 'gantt', '--out', out, '--db', dbPath]);
    expect(r).toMatchObject({ code: 0, out: `已导出 ${out}` });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.length).toBeGreaterThan(0);
  });
});

describe('CLI import --plan', () => {
  it('imports into a plan named by title (new) or by id (existing), printing the backup path', async () => {
    const file = await save(annexWorkbook([[1, '丁项目', '扩建', '局', '丁镇', '内容', 12.5, '2026—2027年']]), path.join(dir, 'plan.xlsx'));
    const named = await cli(['import', 'annex', file, '--plan', '某县民政事业发展“十五五”规划', '--db', dbPath]);
    expect(named.code).toBe(0);
    expect(named.out).toContain('导入到：新建规划「某县民政事业发展“十五五”规划」');
    expect(named.out).toMatch(/导入前的备份：.*-import\.db/);
    const b = openBackend({ dbPath, user: 'tester' });
    const plan = b.db.prepare("SELECT id, start_year AS s, end_year AS e FROM plan WHERE title LIKE '某县%'").get() as { id: number; s: number; e: number };
    b.close();
    expect(plan).toMatchObject({ s: 2026, e: 2030 });
    const again = await cli(['import', 'annex', file, '--plan', String(plan.id), '--dry-run', '--db', dbPath]);
    expect(again.out).toContain(`导入到：现有规划「某县民政事业发展“十五五”规划」（编号 ${plan.id}）`);
    expect(again.out).toContain('新增 0 项，修改 0 项，不变 1 项');
  });
});
