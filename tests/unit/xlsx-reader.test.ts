// The direct XML reader against ExcelJS on the same files, and its edge cases.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../src/backend/backend';
import { readWorkbookGrid } from '../../src/backend/xlsx/read-workbook';
import { decodeXmlText, readSharedStrings, readSheetXml } from '../../src/backend/xlsx/sheet-xml-reader';
import { annexWorkbook, messyAnnex, prefixedNamespaceXlsx, tempDir } from '../fixtures/xlsx/corpus';

let dir = '';
beforeAll(() => {
  dir = tempDir('xlsx-reader-');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function bothReaders(bytes: Buffer) {
  const direct = await readWorkbookGrid(bytes, 'x.xlsx');
  const viaExcelJs = await readWorkbookGrid(bytes, 'x.xlsx', { viaExcelJs: true });
  return { direct, viaExcelJs };
}

describe('direct reader agrees with ExcelJS', () => {
  it('on the messy workbook (rich text, merges, formulas, text numbers, blank rows, notes)', async () => {
    const { direct, viaExcelJs } = await bothReaders(Buffer.from(await messyAnnex().xlsx.writeBuffer()));
    expect(direct).toEqual(viaExcelJs);
    const sheet = direct.sheets[1];
    expect(sheet?.rows.find((r) => r.rowNumber === 6)?.cells[2]?.value).toBe('新建'); // merged C5:C6
    expect(sheet?.rows.find((r) => r.rowNumber === 5)?.cells[1]?.value).toBe('测试县养老服务中心建设项目'); // rich text
    expect(sheet?.rows.find((r) => r.rowNumber === 10)?.cells[6]).toEqual({ value: 7950, formula: 'SUM(G5:G9)' });
  });

  it('on our own export of the seeded plan, including the hidden sheet', async () => {
    const b = openBackend({ dbPath: path.join(dir, 's.db'), user: 't' });
    try {
      const file = await b.send('xlsx.export', { kind: 'annex' });
      const { direct, viaExcelJs } = await bothReaders(Buffer.from(file.base64, 'base64'));
      expect(direct).toEqual(viaExcelJs);
      expect(direct.sheets.map((s) => [s.name, s.hidden])).toEqual([
        ['附件1 重点项目清单明细', false],
        ['_项目附加信息', true],
      ]);
    } finally {
      b.close();
    }
  });

  it('on a prefixed-namespace workbook (ExcelJS after normalisation)', async () => {
    const bytes = await prefixedNamespaceXlsx([['序号', '项目名称'], [1, 'A&B <甲>']]);
    const { direct, viaExcelJs } = await bothReaders(bytes);
    expect(direct).toEqual(viaExcelJs);
    expect(direct.sheets[0]?.rows[1]?.cells[1]?.value).toBe('A&B <甲>');
  });
});

describe('direct reader details', () => {
  it('decodes entities and OOXML _xHHHH_ escapes', () => {
    expect(decodeXmlText('a&amp;b&lt;c&gt;&quot;&apos;&#20013;&#x6587;_x000D_')).toBe('a&b<c>"\'中文\r');
  });

  it('joins rich-text runs and leaves out phonetic guides', () => {
    const xml = '<sst><si><t>纯文本</t></si><si><r><t>富</t></r><r><rPr><b/></rPr><t xml:space="preserve">文本 </t></r><rPh sb="0" eb="1"><t>フ</t></rPh></si><si/></sst>';
    expect(readSharedStrings(xml)).toEqual(['纯文本', '富文本 ', '']);
  });

  it('reads cell types, rows without r attributes, and empty formula results', () => {
    const xml =
      '<worksheet><sheetData><row><c t="b"><v>1</v></c><c t="e"><v>#REF!</v></c><c t="str"><f>A1&amp;"x"</f><v>TRUEx</v></c></row>' +
      '<row r="3"><c r="C3"><f>SUM(A1:A2)</f><v></v></c><c r="D3" t="inlineStr"><is><t>行内</t></is></c></row><row r="4"/></sheetData>' +
      '<mergeCells count="1"><mergeCell ref="D3:E4"/></mergeCells></worksheet>';
    const rows = readSheetXml(xml, []);
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 3, 4]);
    expect(rows[0]?.cells.map((c) => c.value)).toEqual(['TRUE', '#REF!', 'TRUEx']);
    expect(rows[1]?.cells.map((c) => c.value)).toEqual([null, null, null, '行内', '行内']);
    expect(rows[1]?.cells[2]?.formula).toBe('SUM(A1:A2)');
    expect(rows[2]?.cells[3]?.value).toBe('行内');
  });

  it('falls back to ExcelJS when the XML is beyond it, and reports a workbook neither can read', async () => {
    const good = Buffer.from(await annexWorkbook([[1, '甲', '新建', '局', '镇', '内容', 100, '2023-2025']]).xlsx.writeBuffer());
    const zip = await JSZip.loadAsync(good);
    // a shared-string index past the table: the direct reader throws, ExcelJS gives up too
    const sheet = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    zip.file('xl/worksheets/sheet1.xml', sheet.replace(/<c r="B3"([^>]*)t="s"><v>\d+<\/v>/, '<c r="B3"$1t="s"><v>9999</v>'));
    const broken = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const grid = await readWorkbookGrid(broken, 'odd.xlsx').catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
    // ExcelJS reads a missing shared string as undefined; either way nothing half-read gets through
    if (grid instanceof Error) expect(grid.message).toContain('odd.xlsx');
    else expect(grid.sheets[0]?.rows[2]?.cells[1]?.value ?? null).toBeNull();

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('甲');
    const notXml = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    notXml.file('xl/workbook.xml', '<<<not xml');
    const bad = await notXml.generateAsync({ type: 'nodebuffer' });
    await expect(readWorkbookGrid(bad, 'garbled.xlsx')).rejects.toMatchObject({ code: 'bad_file' });
  });

  it('stays linear on hostile XML: unclosed elements are refused quickly, not backtracked over', () => {
    const hostileRows = `<worksheet><sheetData>${'<row r="1">'.repeat(200_000)}</sheetData></worksheet>`;
    const hostileCells = `<worksheet><sheetData><row r="1">${'<c r="A1"><v>1'.repeat(200_000)}</row></sheetData></worksheet>`;
    for (const xml of [hostileRows, hostileCells]) {
      const t0 = performance.now();
      expect(() => readSheetXml(xml, [])).toThrow(/unclosed/);
      expect(performance.now() - t0).toBeLessThan(1000);
    }
    const t0 = performance.now();
    expect(() => readSharedStrings(`<sst>${'<si><t>a'.repeat(100_000)}</sst>`)).toThrow(/unclosed/);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
