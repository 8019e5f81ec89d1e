// 资金构成: export with live formulas and cached values; LibreOffice recalculates them (cached
// values removed first, so it must) to the app's figures; export → import is lossless;
// finance's edits (made with openpyxl) import through the pipeline as one undoable batch;
// bad files are refused naming sheet, row and column, with nothing written.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../src/backend/backend';
import { readWorkbookGrid } from '../../src/backend/xlsx/read-workbook';
import type { FundingView } from '../../src/domain/api/funding';
import type { FundingCellEdit } from '../../src/domain/funding/types';
import { cellText } from '../../src/backend/xlsx/grid';
import { hasOpenpyxl, python, tempDir } from '../fixtures/xlsx/corpus';
import { HAS_SOFFICE, rawRate, recalculatedSheets } from '../e2e/libreoffice-recalc';
import { rejection, sectioned } from './helpers/api-results';

const HAS_OPENPYXL = hasOpenpyxl();
const WAN = 10_000;

let dir = '';
let backend: Backend;
let view: FundingView;
let file = '';
let base64 = '';

function amountsOf(b: Backend): unknown[] {
  return b.db.prepare('SELECT project_id, source_id, year, kind, amount_yuan FROM funding ORDER BY project_id, source_id, year, kind').all();
}

/** A seeded backend filled with a varied set of amounts (fractions of 万元, a zero, an over-arrival). */
async function filled(dbPath: string): Promise<Backend> {
  const b = openBackend({ dbPath, user: 'tester', today: () => '2026-11-29' });
  const v = await b.send('funding.get', {});
  const [p1, p2, p3] = v.projects;
  const [central, municipal, lottery, county] = v.sources;
  if (!p1 || !p2 || !p3 || !central || !municipal || !lottery || !county) throw new Error('seed');
  const cells: FundingCellEdit[] = [
    { projectId: p1.id, sourceId: central.id, year: 2023, kind: 'planned', amountYuan: 4000 * WAN },
    { projectId: p1.id, sourceId: county.id, year: 2023, kind: 'planned', amountYuan: 1234_5678 },
    { projectId: p1.id, sourceId: central.id, year: 2024, kind: 'planned', amountYuan: 1390_4322 },
    { projectId: p1.id, sourceId: central.id, year: 2023, kind: 'arrived', amountYuan: 3000 * WAN },
    { projectId: p1.id, sourceId: county.id, year: 2024, kind: 'arrived', amountYuan: 1 },
    { projectId: p1.id, sourceId: central.id, year: 2024, kind: 'paid', amountYuan: 2999 * WAN },
    { projectId: p2.id, sourceId: municipal.id, year: 2023, kind: 'planned', amountYuan: 0 },
    { projectId: p2.id, sourceId: lottery.id, year: 2024, kind: 'arrived', amountYuan: 55 * WAN },
    { projectId: p3.id, sourceId: lottery.id, year: 2025, kind: 'planned', amountYuan: 300 * WAN },
    { projectId: p3.id, sourceId: lottery.id, year: 2025, kind: 'arrived', amountYuan: 150 * WAN },
    { projectId: p3.id, sourceId: lottery.id, year: 2025, kind: 'paid', amountYuan: 75 * WAN },
    { projectId: p3.id, sourceId: lottery.id, year: 2027, kind: 'paid', amountYuan: 1 * WAN }, // outside the window
  ];
  const r = await b.send('funding.save', { cells, confirm: true });
  if (r.status !== 'saved') throw new Error('not saved');
  return b;
}

beforeAll(async () => {
  dir = tempDir('funding-workbook-');
  backend = await filled(path.join(dir, 'a.db'));
  view = await backend.send('funding.get', {});
  const exported = await backend.send('xlsx.export', { kind: 'funding' });
  expect(exported.fileName).toBe('奉节县民政事业发展“十四五”规划-资金构成.xlsx');
  base64 = exported.base64;
  file = path.join(dir, 'funding.xlsx');
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
});

afterAll(() => {
  backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('export', () => {
  it('has the layout, one row per project and year, and cached values equal to the app figures', async () => {
    const grid = await readWorkbookGrid(fs.readFileSync(file), 'funding.xlsx');
    const sheet = grid.sheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.name).toBe('资金构成');
    const text = (r: number) => (sheet.rows.find((x) => x.rowNumber === r)?.cells ?? []).map(cellText);
    expect(text(1)[0]).toBe('奉节县民政事业发展“十四五”规划重点项目资金构成表');
    expect(text(2).slice(0, 4)).toEqual(['序号', '项目名称', '年度', '计划安排（万元）']);
    expect(text(2).slice(21)).toEqual(['到位率', '支付率']);
    expect(text(3).slice(3, 9)).toEqual(['中央补助', '市级补助', '福彩公益金', '县级配套', '社会投资', '小计']);
    const body = sheet.rows.filter((r) => r.rowNumber >= 4);
    const total = body.at(-1);
    expect(cellText(total?.cells[0])).toBe('合计');
    // rows: each project's window years, plus 2027 for project 3 (it has an amount then)
    const windowRows = view.projects.reduce((n, p) => n + p.endYear - p.startYear + 1, 0);
    expect(body.length - 1).toBe(windowRows + 1);
    const p3 = view.projects[2];
    expect(body.some((r) => cellText(r.cells[1]) === p3?.name && r.cells[2]?.value === 2027)).toBe(true);
    // cached 合计 values and 到位率 are the app's
    const t = view.totals.total;
    expect(total?.cells[8]?.value).toBeCloseTo(t.plannedYuan / WAN, 6);
    expect(total?.cells[14]?.value).toBeCloseTo(t.arrivedYuan / WAN, 6);
    expect(total?.cells[20]?.value).toBeCloseTo(t.paidYuan / WAN, 6);
    expect(total?.cells[21]?.value).toBeCloseTo(t.arrivalRate ?? NaN, 12);
    expect(total?.cells[22]).toEqual({ value: expect.closeTo(t.paymentRate ?? NaN, 12), formula: 'IF(O' + total?.rowNumber + '=0,"",U' + total?.rowNumber + '/O' + total?.rowNumber + ')' });
    expect(total?.cells[8]?.formula).toBe(`SUM(I4:I${(total?.rowNumber ?? 0) - 1})`);
    // a row with nothing planned has an empty 到位率 (guarded, not #DIV/0!)
    const empty = body.find((r) => r.cells[8]?.value === 0);
    expect(empty?.cells[21]).toEqual({ value: null, formula: expect.stringMatching(/^IF\(I\d+=0,"",O\d+\/I\d+\)$/) });
  });

  it.skipIf(!HAS_OPENPYXL)('carries the annex print set-up', () => {
    const out = python(
      `
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
print(json.dumps({
  "freeze": ws.freeze_panes, "orientation": ws.page_setup.orientation, "paper": ws.page_setup.paperSize,
  "fitToWidth": ws.page_setup.fitToWidth, "fitToHeight": ws.page_setup.fitToHeight,
  "fitToPage": ws.sheet_properties.pageSetUpPr.fitToPage, "printTitles": ws.print_title_rows,
  "merged": [str(r) for r in ws.merged_cells.ranges], "wrap": ws["B4"].alignment.wrap_text,
  "widthB": ws.column_dimensions["B"].width, "height4": ws.row_dimensions[4].height,
  "footer": ws.oddFooter.center.text, "rateFormat": ws["V4"].number_format, "amountFormat": ws["D4"].number_format,
}, ensure_ascii=False))
`,
      [file],
    );
    const r = JSON.parse(out) as Record<string, unknown>;
    expect(r).toMatchObject({
      freeze: 'D4',
      orientation: 'landscape',
      paper: 9,
      fitToWidth: 1,
      fitToHeight: 0,
      fitToPage: true,
      printTitles: '$1:$3',
      wrap: true,
      widthB: 32,
      footer: '第 &P 页，共 &N 页',
      rateFormat: '0.00%',
      amountFormat: '#,##0.00##',
    });
    expect(r.height4).toBeGreaterThanOrEqual(20);
    expect(r.merged).toEqual(expect.arrayContaining(['A1:W1', 'D2:I2', 'J2:O2', 'P2:U2', 'A2:A3', 'V2:V3']));
  });
});

describe.skipIf(!HAS_SOFFICE)('LibreOffice recalculation', () => {
  it('recomputes every subtotal, 合计 and rate to the figures funding.get gives', async () => {
    // cached formula results are removed first, so the figures can only come from LibreOffice's own calculation
    const sheets = await recalculatedSheets(file, path.join(dir, 'lo'));
    const rows = sheets.get('资金构成') ?? [...sheets.values()][0];
    if (!rows) throw new Error('no sheet');
    const total = rows.find((r) => r[0] === '合计');
    if (!total) throw new Error('no 合计 row in ' + JSON.stringify(rows.slice(-2)));
    const num = (s: string | undefined): number => Number(s);
    // the raw value, though LibreOffice keeps the percent format's sign: "46.28158989%"
    const pct = (s: string | undefined): number => rawRate(s) ?? NaN;
    const t = view.totals.total;
    expect(num(total[8])).toBeCloseTo(t.plannedYuan / WAN, 6);
    expect(num(total[14])).toBeCloseTo(t.arrivedYuan / WAN, 6);
    expect(num(total[20])).toBeCloseTo(t.paidYuan / WAN, 6);
    expect(pct(total[21])).toBeCloseTo(t.arrivalRate ?? NaN, 9);
    expect(pct(total[22])).toBeCloseTo(t.paymentRate ?? NaN, 9);
    // per source totals
    view.sources.forEach((s, i) => {
      const bySource = view.totals.bySource.find((x) => x.sourceId === s.id);
      expect(num(total[3 + i]) || 0).toBeCloseTo((bySource?.plannedYuan ?? 0) / WAN, 6);
      expect(num(total[9 + i]) || 0).toBeCloseTo((bySource?.arrivedYuan ?? 0) / WAN, 6);
    });
    // every project-year row against funding.get for that year
    const byYear = new Map<number, FundingView>();
    for (const r of rows.filter((x) => /^\d+$/.test(x[0] ?? '') && /^\d{4}$/.test(x[2] ?? ''))) {
      const year = Number(r[2]);
      let yv = byYear.get(year);
      if (!yv) {
        yv = await backend.send('funding.get', { year });
        byYear.set(year, yv);
      }
      const p = yv.projects.find((x) => x.name === r[1]);
      const f = yv.totals.byProject.find((x) => x.projectId === p?.id);
      if (!f) throw new Error(`no figures for ${r[1]} ${year}`);
      expect(num(r[8])).toBeCloseTo(f.plannedYuan / WAN, 6);
      expect(num(r[14])).toBeCloseTo(f.arrivedYuan / WAN, 6);
      expect(num(r[20])).toBeCloseTo(f.paidYuan / WAN, 6);
      if (f.arrivalRate === null) expect(r[21]).toBe('');
      else expect(pct(r[21])).toBeCloseTo(f.arrivalRate, 9);
      if (f.paymentRate === null) expect(r[22]).toBe('');
      else expect(pct(r[22])).toBeCloseTo(f.paymentRate, 9);
    }
    expect(byYear.size).toBeGreaterThanOrEqual(5);
  }, 180_000);
});

describe('import', () => {
  it('round trip into another database is lossless; importing the same file again changes nothing', async () => {
    const other = openBackend({ dbPath: path.join(dir, 'b.db'), user: 'tester' });
    try {
      const preview = sectioned(await other.send('xlsx.importPreview', { kind: 'funding', fileName: 'funding.xlsx', base64 }), 'funding');
      expect(preview.target).toBe('规划「奉节县民政事业发展“十四五”规划」');
      expect(preview.writes).toBe(12);
      const changed = preview.sections.find((s) => s.key === 'changed');
      expect(changed?.items[0]).toEqual({
        key: expect.any(String),
        title: '1. 奉节县朱衣社会福利院建设项目　2023年（第 4 行）',
        changes: [
          { field: expect.any(String), label: '中央补助·计划安排', oldValue: '（空）', newValue: '4,000 万元' },
          { field: expect.any(String), label: '县级配套·计划安排', oldValue: '（空）', newValue: '1,234.5678 万元' },
          { field: expect.any(String), label: '中央补助·到位', oldValue: '（空）', newValue: '3,000 万元' },
        ],
      });
      expect(preview.warnings.map((w) => w.message)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^【导入即确认】「2\. .*」福彩公益金：到位 55 万元，超过计划安排 0 万元。$/)]),
      );
      const result = await other.send('xlsx.importApply', { token: preview.token });
      expect(result).toMatchObject({ kind: 'funding', added: 12, changed: 0 });
      expect(amountsOf(other)).toEqual(amountsOf(backend));
      const log = other.db.prepare("SELECT COUNT(*) AS n, COUNT(DISTINCT batch_id) AS b FROM change_log WHERE entity = 'funding' AND door = 'import'").get();
      expect(log).toEqual({ n: 12, b: 1 });

      const again = sectioned(await other.send('xlsx.importPreview', { kind: 'funding', fileName: 'funding.xlsx', base64 }), 'funding');
      expect(again.writes).toBe(0);
      expect(again.sections.find((s) => s.key === 'changed')?.items).toEqual([]);
    } finally {
      other.close();
    }
  });

  it.skipIf(!HAS_OPENPYXL)('imports what finance filled in with another program, as one batch that history.undo reverts', async () => {
    const edited = path.join(dir, 'edited.xlsx');
    // row 4 = project 1, 2023; D = 中央补助 planned, J = 中央补助 arrived, E = 市级补助 planned
    python(
      `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
ws["J4"] = 3500
ws["E4"] = "１,000.5"
ws["G4"] = None
wb.save(sys.argv[2])
`,
      [file, edited],
    );
    const before = amountsOf(backend);
    const preview = sectioned(await backend.send('xlsx.importPreview', { kind: 'funding', fileName: 'edited.xlsx', base64: fs.readFileSync(edited).toString('base64') }), 'funding');
    expect(preview.writes).toBe(3);
    expect(preview.sections[0]?.items.map((i) => i.changes.map((c) => `${c.label}:${c.oldValue}→${c.newValue}`))).toEqual([
      ['市级补助·计划安排:（空）→1,000.5 万元', '县级配套·计划安排:1,234.5678 万元→（空）', '中央补助·到位:3,000 万元→3,500 万元'],
    ]);
    const result = await backend.send('xlsx.importApply', { token: preview.token });
    expect(result).toMatchObject({ added: 1, changed: 2, summary: '写入 3 个金额：新增 1 个，修改 1 个，清除 1 个。' });
    const p1 = (await backend.send('funding.get', { projectId: view.projects[0]?.id ?? 0 })).totals.total;
    expect(p1.arrivedYuan).toBe(3500 * WAN + 1);
    const undoable = await backend.send('history.undoable', { projectId: view.projects[0]?.id ?? 0 });
    expect(undoable?.batchId).toBe(result.batchId);
    await backend.send('history.undo', { batchId: result.batchId });
    expect(amountsOf(backend)).toEqual(before);
  });

  it('refuses a bad file naming sheet, row and column, and writes nothing', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    ws.getCell('D4').value = '约300';
    ws.getCell('C5').value = '明年';
    ws.getCell('B6').value = '不存在的项目';
    ws.getCell('K3').value = '专项债券';
    ws.getCell('P7').value = -5;
    const bad = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const before = amountsOf(backend);
    const parseError = await rejection(backend.send('xlsx.importPreview', { kind: 'funding', fileName: 'bad.xlsx', base64: bad }));
    expect(parseError.code).toBe('bad_file');
    expect(parseError.issues).toEqual([
      { file: 'bad.xlsx', sheet: '资金构成', row: 4, column: 'D', message: '应为金额（万元），读到“约300”。' },
      { file: 'bad.xlsx', sheet: '资金构成', row: 5, column: 'C', message: '年度应为 1990 至 2100 之间的四位年份，读到“明年”。' },
      { file: 'bad.xlsx', sheet: '资金构成', row: 7, column: 'P', message: '金额不能为负数，读到 -5。' },
    ]);
    // the parse passes once the cells are fixed; then the database check names the project and the source
    ws.getCell('D4').value = 300;
    ws.getCell('C5').value = 2024;
    ws.getCell('P7').value = null;
    const bad2 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const diffError = await rejection(backend.send('xlsx.importPreview', { kind: 'funding', fileName: 'bad.xlsx', base64: bad2 }));
    expect(diffError.issues).toEqual([
      { file: 'bad.xlsx', sheet: '资金构成', row: 3, column: 'K', message: '资金来源“专项债券”不存在，请先在“设置 → 资金来源”中添加，或改成已有的来源名称。' },
      { file: 'bad.xlsx', sheet: '资金构成', row: 6, column: 'B', message: '规划「奉节县民政事业发展“十四五”规划」中没有项目“不存在的项目”。' },
    ]);
    expect(amountsOf(backend)).toEqual(before);
  });
});
