// Issue 10 item 7: exported workbooks carry a row height fitting each row's wrapped text
// (LibreOffice, WPS and Excel keep stored heights, so without one wrapped lines are drawn
// over the next rows), and "投资估算（万元）" does not leave "）" alone on a line. The annex is
// printed through LibreOffice: no two text lines on a page overlap, every 规模 text is complete.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/backend/backend';
import type { ExportKind } from '../../src/domain/api/xlsx';
import { hasTool, soffice } from '../fixtures/xlsx/corpus';
import { openTempBackend, tempDir } from './helpers/temp-db';

const CAN_PRINT = hasTool('soffice') && hasTool('pdftotext') && hasTool('pdftoppm');
if (!CAN_PRINT) console.warn('跳过打印用例：未安装 soffice / poppler-utils');

/** pt per line of 10pt 宋体, the height Excel gives a one-line row of it */
const LINE_PT = 13.5;
const DEFAULT_ROW_PT = 15;

// the measure, written out again here rather than imported: CJK and full-width count 2
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return w;
}

/** lines a text needs in a column `columnWidth` wide (one character kept for padding) */
function lines(text: string, columnWidth: number, fontSize: number): number {
  const chars = columnWidth - 1;
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil((width(line) * fontSize) / 10 / chars)), 0);
}

interface Shortfall {
  row: number;
  column: number;
  lines: number;
  height: number | undefined;
}

/** Rows shorter than the wrapped text of one of their (unmerged, visible) cells needs, in columns up to `lastColumn`. */
function shortRows(ws: ExcelJS.Worksheet, lastColumn = Infinity): { checked: number; short: Shortfall[] } {
  const short: Shortfall[] = [];
  let checked = 0;
  ws.eachRow((row) => {
    row.eachCell((cell, col) => {
      const column = ws.getColumn(col);
      if (col > lastColumn || cell.isMerged || column.hidden || !cell.alignment?.wrapText || typeof cell.value !== 'string') return;
      const n = lines(cell.value, column.width ?? 9, cell.font?.size ?? 10);
      checked++;
      if (n > 1 && !(row.height >= n * LINE_PT && row.height > DEFAULT_ROW_PT)) short.push({ row: row.number, column: col, lines: n, height: row.height });
    });
  });
  return { checked, short };
}

let dir = '';
let backend: Backend;
const files = new Map<ExportKind, Buffer>();

async function sheetOf(kind: ExportKind): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(files.get(kind) as unknown as ArrayBuffer);
  const ws = wb.worksheets.find((w) => w.state !== 'hidden');
  if (!ws) throw new Error(`${kind}: no visible sheet`);
  return ws;
}

beforeAll(async () => {
  dir = tempDir('xlsx-row-heights-');
  backend = openTempBackend();
  for (const kind of ['annex', 'summary', 'funding', 'progress', 'gantt'] as const) {
    const file = await backend.send('xlsx.export', { kind });
    files.set(kind, Buffer.from(file.base64, 'base64'));
  }
});

afterAll(() => {
  backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('row heights follow the wrapped text and the column widths', () => {
  it.each(['annex', 'summary', 'funding', 'progress', 'gantt'] as const)('%s: every row fits its longest wrapped cell', async (kind) => {
    const ws = await sheetOf(kind);
    // the Gantt's month columns (3.6 wide, "12月" in 8pt) are left to their fixed header height
    const { checked, short } = shortRows(ws, kind === 'gantt' ? 7 : Infinity);
    expect(checked).toBeGreaterThan(10);
    expect(short).toEqual([]);
  });

  it('the annex and the summary give the long 建设地 and 规模 texts tall rows', async () => {
    const annex = await sheetOf('annex');
    // project 10 (村（社区）便民服务中心): 55 villages in a 28-wide column, 规模 in a 60-wide one
    const row10 = annex.getRow(12);
    expect(row10.getCell(1).value).toBe(10);
    const location = String(row10.getCell(5).value);
    expect(lines(location, 28, 10)).toBeGreaterThan(10);
    expect(row10.height).toBeGreaterThanOrEqual(lines(location, 28, 10) * LINE_PT);
    // every data row carries a height, a one-line row included
    for (let r = 3; r <= 17; r++) expect(annex.getRow(r).height, `附件1 第 ${r} 行`).toBeGreaterThanOrEqual(20);

    const summary = await sheetOf('summary');
    const s10 = summary.getRow(12);
    expect(s10.height).toBeGreaterThanOrEqual(lines(String(s10.getCell(3).value), 50, 10) * LINE_PT);
  });

  it('"投资估算（万元）" fits on one line where the header does not break it by hand', async () => {
    for (const kind of ['annex', 'summary'] as const) {
      const ws = await sheetOf(kind);
      const header = ws.getRow(2);
      let col = 0;
      header.eachCell((cell, c) => {
        if (cell.value === '投资估算（万元）') col = c;
      });
      expect(col, kind).toBeGreaterThan(0);
      expect(lines('投资估算（万元）', ws.getColumn(col).width ?? 0, 10), kind).toBe(1);
    }
    // the Gantt's narrow column breaks it before the bracket
    const gantt = await sheetOf('gantt');
    expect(gantt.getCell(3, 4).value).toBe('投资估算\n（万元）');
  });
});

interface Box {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The words of each page of a PDF, with their boxes (pdftotext -bbox-layout). */
function pageWords(pdf: string): Box[][] {
  const xml = spawnSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
  return xml
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        x0: Number(m[1]),
        y0: Number(m[2]),
        x1: Number(m[3]),
        y1: Number(m[4]),
        text: m[5] ?? '',
      })),
    );
}

/** Pairs of words on one page drawn over each other (more than 1pt each way). */
function overlaps(pages: Box[][]): string[] {
  const out: string[] = [];
  pages.forEach((boxes, p) => {
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (!a || !b) continue;
        const ox = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
        const oy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
        if (ox > 1 && oy > 1) out.push(`第 ${p + 1} 页：“${a.text}” 与 “${b.text}”`);
      }
    }
  });
  return out;
}

function toPdf(name: string, bytes: Buffer): string {
  const xlsx = path.join(dir, `${name}.xlsx`);
  fs.writeFileSync(xlsx, bytes);
  soffice(['--convert-to', 'pdf', '--outdir', dir, xlsx], dir);
  return path.join(dir, `${name}.pdf`);
}

describe.skipIf(!CAN_PRINT)('the annex printed by LibreOffice', () => {
  it('draws no text over other text, prints every 规模 complete and the amount header on one line', async () => {
    const pdf = toPdf('annex', files.get('annex') ?? Buffer.alloc(0));
    const pages = pageWords(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(overlaps(pages)).toEqual([]);

    const layout = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
    expect(layout).toContain('投资估算（万元）');
    expect(layout.split('\n').filter((l) => l.trim() === '）')).toEqual([]);
    // the 规模 column: the words from where the first project's 规模 starts to the (centred)
    // amount header, top to bottom, page after page; each project's 规模 reads out whole there
    const ws = await sheetOf('annex');
    const first = String(ws.getCell(3, 6).value).slice(0, 8);
    const left = pages.flat().find((w) => w.text.startsWith(first))?.x0 ?? NaN;
    const right = pages.flat().find((w) => w.text === '投资估算（万元）')?.x0 ?? NaN;
    expect(left).toBeLessThan(right);
    const column = pages
      .flatMap((words) => words.filter((w) => w.x0 > left - 1 && w.x0 < right).sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0))
      .map((l) => l.text)
      .join('')
      .replace(/\s/g, '');
    for (let r = 3; r <= 17; r++) {
      const scale = String(ws.getCell(r, 6).value ?? '').replace(/\s/g, '');
      expect(scale.length, `第 ${r} 行`).toBeGreaterThan(0);
      expect(column, `第 ${r} 行的规模`).toContain(scale);
    }

    // page 1 as a picture for a person to look at
    const out = path.resolve('test-results');
    fs.mkdirSync(out, { recursive: true });
    spawnSync('pdftoppm', ['-r', '110', '-f', '1', '-l', '1', '-singlefile', '-png', pdf, path.join(out, 'annex-page1')]);
    expect(fs.statSync(path.join(out, 'annex-page1.png')).size).toBeGreaterThan(10_000);
  }, 180_000);

  it('the same check catches the overlap of an annex with one-line rows', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(files.get('annex') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    for (let r = 3; r <= 17; r++) ws.getRow(r).height = DEFAULT_ROW_PT;
    const pdf = toPdf('annex-unsized', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(overlaps(pageWords(pdf)).length).toBeGreaterThan(0);
  }, 180_000);
});
