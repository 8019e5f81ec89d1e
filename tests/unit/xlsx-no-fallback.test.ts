// The fast XML reader must read every workbook of the annex corpus itself: falling back to
// ExcelJS is for files beyond it, and a fallback here would be a reader bug hiding behind
// the slower path (it is logged, and this test fails).
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../src/backend/backend';
import { readWorkbookGrid } from '../../src/backend/xlsx/read-workbook';
import { annexWorkbook, hasOpenpyxl, hasTool, libreOfficeXlsx, messyAnnex, prefixedNamespaceXlsx, python, tempDir } from '../fixtures/xlsx/corpus';
import { largeAnnexBytes } from '../fixtures/xlsx/large-annex';
import { openTempBackend } from './helpers/temp-db';

let dir = '';
let backend: Backend;
beforeAll(() => {
  dir = tempDir('xlsx-no-fallback-');
  backend = openTempBackend();
});
afterAll(() => {
  backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
afterEach(() => vi.restoreAllMocks());

async function readsDirectly(bytes: Buffer, fileName: string): Promise<number> {
  const warn = vi.spyOn(console, 'warn');
  const fallbacks: string[] = [];
  const grid = await readWorkbookGrid(bytes, fileName, { onFallback: (reason) => fallbacks.push(reason) });
  expect(fallbacks).toEqual([]);
  expect(warn).not.toHaveBeenCalled();
  return grid.sheets.reduce((n, s) => n + s.rows.length, 0);
}

const buffer = async (wb: ExcelJS.Workbook): Promise<Buffer> => Buffer.from(await wb.xlsx.writeBuffer());

describe('the annex corpus never needs the ExcelJS fallback', () => {
  it('ExcelJS-made annexes: plain, with a total row, messy', async () => {
    const rows = [[1, '甲项目', '新建', '局', '甲镇', '内容', 100, '2023-2025']];
    expect(await readsDirectly(await buffer(annexWorkbook(rows)), 'plain.xlsx')).toBeGreaterThan(2);
    expect(await readsDirectly(await buffer(annexWorkbook(rows, { total: 100 })), 'total.xlsx')).toBeGreaterThan(3);
    expect(await readsDirectly(await buffer(messyAnnex()), 'messy.xlsx')).toBeGreaterThan(10);
  });

  it('raw XML with every element prefixed (WPS, OpenXML SDK)', async () => {
    const bytes = await prefixedNamespaceXlsx([
      ['序号', '项目名称', '投资估算（万元）', '建设年限'],
      [1, '甲项目', 100, '2023-2025'],
    ]);
    expect(await readsDirectly(bytes, 'prefixed.xlsx')).toBe(2);
  });

  it('our own exports: annex (with its hidden sheet), summary, and a 10,000-row annex', async () => {
    for (const kind of ['annex', 'summary'] as const) {
      const file = await backend.send('xlsx.export', { kind });
      expect(await readsDirectly(Buffer.from(file.base64, 'base64'), file.fileName)).toBeGreaterThan(15);
    }
    expect(await readsDirectly(await largeAnnexBytes(10_000), 'large.xlsx')).toBeGreaterThan(20_000);
  }, 60_000);

  it.skipIf(!hasOpenpyxl())('a workbook openpyxl wrote', async () => {
    const file = path.join(dir, 'openpyxl.xlsx');
    python(
      `
import sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.append(["附件1 某县“十五五”规划重点项目清单明细"])
ws.merge_cells("A1:H1")
ws.append(["序号", "项目名称", "建设性质", "建设主体", "项目建设地", "建设规模和内容", "总投资（万元）", "建设年限"])
ws.append([1, "某县养老院建设项目", "新建", "某县民政局", "甲镇", "床位100张", "1,200", "2026—2028年"])
ws.append(["合计", None, None, None, None, None, "=SUM(G3:G3)", None])
wb.save(sys.argv[1])
`,
      [file],
    );
    expect(await readsDirectly(fs.readFileSync(file), 'openpyxl.xlsx')).toBe(4);
  });

  it.skipIf(!hasTool('soffice'))('a workbook LibreOffice wrote', async () => {
    const file = libreOfficeXlsx('序号,项目名称,投资估算（万元）,建设年限\n1,甲项目,100,2023-2025\n', dir);
    expect(await readsDirectly(fs.readFileSync(file), 'lo.xlsx')).toBe(2);
  }, 180_000);
});
