// `tracker export funding` and `tracker import funding [--dry-run]` through the generic
// export/import commands: dry run writes nothing, a real run writes one batch.
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { tempDir } from './helpers/temp-db';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, {});
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function fundingRows(db: string): unknown[] {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare('SELECT project_id, source_id, year, kind, amount_yuan FROM funding ORDER BY id').all();
  } finally {
    d.close();
  }
}

describe('tracker export/import funding', () => {
  it('exports 资金构成, previews a filled-in copy with --dry-run, then imports it', async () => {
    const dir = tempDir('funding-cli-');
    const db = path.join(dir, 't.db');
    const out = path.join(dir, 'funding.xlsx');
    const exported = await cli('export', 'funding', '--out', out, '--db', db);
    expect(exported).toMatchObject({ code: 0, out: `已导出 ${out}` });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    ws.getCell('D4').value = 100; // project 1, 2023, 中央补助 计划安排
    ws.getCell('J4').value = 60; // 到位
    const filled = path.join(dir, 'filled.xlsx');
    await wb.xlsx.writeFile(filled);

    const dry = await cli('import', 'funding', filled, '--dry-run', '--db', db);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('中央补助·计划安排：（空） → 100 万元');
    expect(dry.out).toContain('中央补助·到位：（空） → 60 万元');
    expect(dry.out).toContain('（试运行：未写入任何数据）');
    expect(fundingRows(db)).toEqual([]);

    const real = await cli('import', 'funding', filled, '--db', db);
    expect(real.code).toBe(0);
    expect(real.out).toContain('写入 2 个金额：新增 2 个，修改 0 个，清除 0 个。');
    expect(fundingRows(db)).toEqual([
      { project_id: 1, source_id: 1, year: 2023, kind: 'planned', amount_yuan: 1_000_000 },
      { project_id: 1, source_id: 1, year: 2023, kind: 'arrived', amount_yuan: 600_000 },
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
