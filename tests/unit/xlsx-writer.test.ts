// The direct workbook writer (xlsx-writer.ts) that the annex and the summary list export
// through (issue 9): text of every hard kind reads back as itself through our reader, ExcelJS
// (the fallback) and openpyxl; the annex's layout is there as ExcelJS reads it (fonts,
// borders, fill, widths, heights, merges, frozen header, print set-up, hidden sheet, the
// live SUM with its cached value); the zip is sound (CRCs checked) and a part our zip guard
// would take for a bomb is stored.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAnnexWorkbook, buildSummaryWorkbook, workbookBuffer } from '../../src/backend/xlsx/annex-export';
import { readWorkbookGrid } from '../../src/backend/xlsx/read-workbook';
import type { SheetDoc } from '../../src/backend/xlsx/sheet-doc';
import { displayWidth, wrappedLines } from '../../src/backend/xlsx/sheet-layout';
import { writeXlsx } from '../../src/backend/xlsx/xlsx-writer';
import { needsPreserve, xmlCellText } from '../../src/backend/xlsx/xml-text';
import { readCentralDirectory } from '../../src/backend/xlsx/zip-guard';
import { zipParts } from '../../src/backend/xlsx/zip-writer';
import { ANNEX_SHEET_NAME, EXTRA_SHEET_NAME, SUMMARY_SHEET_NAME } from '../../src/domain/xlsx/annex-columns';
import { hasOpenpyxl, python, tempDir } from '../fixtures/xlsx/corpus';
import { syntheticProjects } from '../fixtures/xlsx/large-annex';

const HARD_TEXTS = [
  'a&b<c>"\'',
  'Q_x0041_Q',
  '_x005F_x0041_',
  '_x000D_',
  'x\ry',
  'x\r\ny',
  '\u0001\u001f\u000b',
  'a\tb\nc',
  ' lead',
  'trail ',
  '\n',
  '',
  '\uD800x',
  'y\uDC00',
  '😀👨‍👩‍👧',
  '\uFFFE\uFFFF',
  ']]>',
  '=1+1',
  '@SUM(A1)',
  '&amp;&#65;',
  '<?xml?>',
  '项目 名称\u3000',
] as const;
const NUMBERS = [0, -0, 1.5, -2.25, 6625.1, 1e21, 123456789012, 0.1 + 0.2] as const;

let dir = '';
beforeAll(() => {
  dir = tempDir('xlsx-writer-');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function hardDoc(): SheetDoc {
  return {
    kind: 'sheet-doc',
    creator: '测试',
    created: new Date(Date.UTC(2026, 10, 29, 10, 0, 0)),
    sheets: [
      { name: "A'b&<c>", rows: HARD_TEXTS.map((t, i) => ({ values: [t, NUMBERS[i % NUMBERS.length] ?? 0] })) },
      { name: '隐藏', hidden: true, rows: [{ values: ['x', null, 'z'] }] },
    ],
  };
}

describe('text and numbers read back as written', () => {
  it('escapes XML, control characters and a literal "_xHHHH_"', () => {
    expect(xmlCellText('a&b<c>"')).toBe('a&amp;b&lt;c&gt;"');
    expect(xmlCellText('Q_x0041_Q')).toBe('Q_x005F_x0041_Q');
    expect(xmlCellText('_x12')).toBe('_x12');
    expect(xmlCellText('a\u0001b\rc')).toBe('a_x0001_b_x000D_c');
    expect(xmlCellText('a\tb\nc')).toBe('a\tb\nc');
    expect(xmlCellText('\uD800x😀')).toBe('_xD800_x😀');
    expect(xmlCellText('纯文本')).toBe('纯文本');
    expect([' a', 'a ', 'a\nb', 'a b'].map(needsPreserve)).toEqual([true, true, true, false]);
  });

  it('through our reader and ExcelJS alike', async () => {
    const bytes = writeXlsx(hardDoc());
    const direct = await readWorkbookGrid(bytes, 'hard.xlsx');
    const viaExcelJs = await readWorkbookGrid(bytes, 'hard.xlsx', { viaExcelJs: true });
    for (const grid of [direct, viaExcelJs]) {
      expect(grid.sheets.map((s) => [s.name, s.hidden])).toEqual([
        ["A'b&<c>", false],
        ['隐藏', true],
      ]);
      const rows = grid.sheets[0]?.rows ?? [];
      expect(rows.map((r) => r.cells[0]?.value)).toEqual([...HARD_TEXTS]);
      // -0 is written as 0
      expect(rows.map((r) => r.cells[1]?.value)).toEqual(HARD_TEXTS.map((_, i) => (NUMBERS[i % NUMBERS.length] ?? 0) + 0));
      expect(rows.every((r) => r.cells.every((c) => c.formula === null))).toBe(true);
      expect(grid.sheets[1]?.rows[0]?.cells.map((c) => c.value)).toEqual(['x', null, 'z']);
    }
  });

  it.skipIf(!hasOpenpyxl())('through openpyxl (which decodes no control characters but \\n and \\t)', () => {
    const file = path.join(dir, 'hard.xlsx');
    fs.writeFileSync(file, writeXlsx(hardDoc()));
    const out = python(
      `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
print(json.dumps({"sheets": wb.sheetnames, "states": [s.sheet_state for s in wb.worksheets], "rows": [[c.value for c in r] for r in ws.iter_rows()]}, ensure_ascii=False))
`,
      [file],
    );
    const r = JSON.parse(out) as { sheets: string[]; states: string[]; rows: [string | null, number][] };
    expect(r.sheets).toEqual(["A'b&<c>", '隐藏']);
    expect(r.states).toEqual(['visible', 'hidden']);
    // openpyxl keeps Excel's "_xHHHH_" escapes of characters XML cannot carry as they are;
    // everything else, the literal "_x0041_" included, comes back exactly
    const plain = HARD_TEXTS.map((t, i) => [t, i] as const).filter(([t]) => !/[\u0000-\u0008\u000b-\u001f\ud800-\udfff\ufffe\uffff]|_x005F/.test(t));
    expect(plain.length).toBeGreaterThan(12);
    for (const [t, i] of plain) expect(r.rows[i]?.[0] ?? '', JSON.stringify(t)).toBe(t);
    // the surrogate pair of an emoji is not a control character: it comes back too
    expect(r.rows[HARD_TEXTS.indexOf('😀👨‍👩‍👧')]?.[0]).toBe('😀👨‍👩‍👧');
    expect(r.rows.map((row) => row[1])).toEqual(HARD_TEXTS.map((_, i) => (NUMBERS[i % NUMBERS.length] ?? 0) + 0));
  });
});

describe('the annex as ExcelJS reads it', () => {
  const projects = syntheticProjects(5);
  projects[1] = { ...projects[1]!, locationText: '甲镇、乙镇、丙镇、丁镇、戊镇、己镇、庚镇、辛镇、壬镇、癸镇、子镇、丑镇、寅镇', leader: '', note: '附注' };

  async function load(doc: SheetDoc): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await workbookBuffer(doc)) as unknown as ArrayBuffer);
    return wb;
  }

  it('keeps every layout guarantee: title, header, data, total, widths, heights, print set-up, hidden sheet', async () => {
    const wb = await load(buildAnnexWorkbook({ title: '测试县民政事业发展“十五五”规划' }, projects));
    expect(wb.creator).toBe('民政重点项目台账');
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      [ANNEX_SHEET_NAME, 'visible'],
      [EXTRA_SHEET_NAME, 'hidden'],
    ]);
    const ws = wb.getWorksheet(ANNEX_SHEET_NAME);
    if (!ws) throw new Error('sheet missing');

    // title: merged A1:H1, 16pt bold 宋体, centred, 36pt
    expect(ws.getCell('A1').value).toBe('附件1  测试县民政事业发展“十五五”规划重点项目清单明细');
    expect(ws.getCell('H1').isMerged).toBe(true);
    expect(ws.getCell('A1').font).toMatchObject({ name: '宋体', size: 16, bold: true });
    expect(ws.getCell('A1').alignment).toMatchObject({ horizontal: 'center', vertical: 'middle', wrapText: true });
    expect(ws.getRow(1).height).toBe(36);

    // header: bold 11pt, grey fill, thin borders, 32pt
    const head = ws.getCell('G2');
    expect(head.value).toBe('投资估算（万元）');
    expect(head.font).toMatchObject({ name: '宋体', size: 11, bold: true });
    expect(head.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } });
    expect(head.border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } });
    expect(ws.getRow(2).height).toBe(32);

    // data: 10pt, bordered, wrapped; 序号, 性质, 金额, 年限 centred, the rest left
    expect(ws.getRow(3).values).toEqual([undefined, 1, '测试县第1号民政服务设施建设项目', '改扩建', '测试县民政局', '朱衣镇', projects[0]?.scaleText, 100, '2021-2022（前期论证）']);
    expect([1, 2, 3, 7, 8].map((c) => ws.getCell(3, c).alignment?.horizontal)).toEqual(['center', 'left', 'center', 'center', 'center']);
    expect(ws.getCell('F3').font).toMatchObject({ name: '宋体', size: 10 });
    expect(ws.getCell('F3').alignment?.wrapText).toBe(true);
    expect(ws.getCell('D3').border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' } });
    // heights from the wrapped text: the long 建设地 of project 2 wraps in the 28-wide column
    const lines = wrappedLines(projects[1]?.locationText ?? '', 28);
    expect(lines).toBeGreaterThan(1);
    expect(ws.getRow(4).height).toBeGreaterThanOrEqual(lines * 13.5);
    for (let r = 3; r <= 7; r++) expect(ws.getRow(r).height).toBeGreaterThanOrEqual(20);

    // total: merged A:F, live SUM with its cached value, bold and bordered
    expect(ws.getCell('A8').value).toBe('合计（万元）');
    expect(ws.getCell('F8').isMerged).toBe(true);
    expect(ws.getCell('G8').value).toEqual({ formula: 'SUM(G3:G7)', result: projects.reduce((s, p) => s + p.investmentYuan, 0) / 10_000 });
    expect(ws.getCell('G8').font).toMatchObject({ bold: true, size: 11 });
    expect(ws.getCell('H8').border).toMatchObject({ right: { style: 'thin' } });

    expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => ws.getColumn(c).width)).toEqual([6, 30, 9, 14, 28, 60, 18, 14]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, topLeftCell: 'A3' });
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      // (ExcelJS drops the "$" of the defined names)
      printTitlesRow: '1:2',
      printArea: 'A1:H8',
    });
    expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页，共 &N 页');

    // the hidden sheet: a row per project, empty fields absent
    const extra = wb.getWorksheet(EXTRA_SHEET_NAME);
    expect(extra?.getRow(1).getCell(10).value).toBe('备注');
    expect(extra?.getRow(3).values).toEqual([undefined, 2, '测试县第2号民政服务设施建设项目', undefined, '殡葬', undefined, undefined, '测试县民政局', undefined, '附注']);
  });

  it('an empty plan: title, header and a total of 0', async () => {
    const bytes = await workbookBuffer(buildSummaryWorkbook({ title: '空规划' }, []));
    const grid = await readWorkbookGrid(bytes, 'empty.xlsx');
    expect(grid.sheets.map((s) => s.name)).toEqual([SUMMARY_SHEET_NAME]);
    const rows = grid.sheets[0]?.rows ?? [];
    expect(rows.map((r) => r.cells[0]?.value)).toEqual(['空规划重点项目清单', '序号', '合计（万元）']);
    expect(rows[2]?.cells[3]).toEqual({ value: 0, formula: '0' });
    const wb = await load(buildSummaryWorkbook({ title: '空规划' }, []));
    expect(wb.getWorksheet(SUMMARY_SHEET_NAME)?.pageSetup.printArea).toBe('A1:E3');
  });

  it('a 2,000-row annex reads the same through our reader and through ExcelJS', async () => {
    const bytes = await workbookBuffer(buildAnnexWorkbook({ title: '规划' }, syntheticProjects(2000)));
    const direct = await readWorkbookGrid(bytes, 'big.xlsx');
    expect(direct).toEqual(await readWorkbookGrid(bytes, 'big.xlsx', { viaExcelJs: true }));
    expect(direct.sheets.map((s) => s.rows.length)).toEqual([2003, 2001]);
  }, 60_000);
});

describe('the zip', () => {
  it('is sound: every CRC checks out', async () => {
    const zip = await JSZip.loadAsync(writeXlsx(hardDoc()), { checkCRC32: true });
    const names = Object.keys(zip.files);
    expect(names[0]).toBe('[Content_Types].xml');
    expect(names).toEqual(expect.arrayContaining(['xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']));
    for (const n of names) expect((await zip.file(n)?.async('uint8array'))?.length ?? 0, n).toBeGreaterThan(0);
  });

  it('stores a part our zip guard would take for a bomb, and what compresses badly', () => {
    const repetitive = Buffer.alloc(3 * 1024 * 1024, 'a');
    // xorshift32: bytes deflate cannot shrink, the same on every run
    let x = 2463534242;
    const random = Buffer.from(
      Array.from({ length: 4096 }, () => {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        return x & 0xff;
      }),
    );
    const bytes = zipParts(
      [
        { name: 'bomb.xml', data: repetitive },
        { name: 'noise.bin', data: random },
        { name: 'small.xml', data: Buffer.from('<a>'.repeat(1000)) },
      ],
      { date: new Date(0), level: 6, keepStored: (p, size) => p.data.length > 1024 * 1024 && p.data.length / size > 100 },
    );
    expect(readCentralDirectory(bytes, 'x.zip').map((e) => [e.name, e.method])).toEqual([
      ['bomb.xml', 0],
      ['noise.bin', 0],
      ['small.xml', 8],
    ]);
  });
});

describe('the row-height measure', () => {
  it('counts CJK, full-width and astral characters as two, by code point', () => {
    expect(displayWidth('ab项目（）')).toBe(10);
    expect(displayWidth('😀x')).toBe(3);
    expect(displayWidth('\uD800x')).toBe(3);
    expect(wrappedLines('一二三四五六', 7)).toBe(2);
    expect(wrappedLines('a\n\nb', 10)).toBe(3);
  });
});
