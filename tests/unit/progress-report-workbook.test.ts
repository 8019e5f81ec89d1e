// 进度月报: the export's layout (title with the month, stage drop-downs, prefilled values,
// hidden ids, row heights, print set-up), and its import through the generic pipeline:
// preview, apply as one batch that history.undo reverts exactly, unchanged rows adding
// nothing, and bad files refused cell by cell with the database left byte-identical.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/backend/backend';
import { cellText, type GridRow } from '../../src/backend/xlsx/grid';
import { readWorkbookGrid } from '../../src/backend/xlsx/read-workbook';
import type { Site } from '../../src/domain/model';
import { runCli } from '../../src/cli/run-cli';
import { hasOpenpyxl, python } from '../fixtures/xlsx/corpus';
import { openTempBackend, tempDir } from './helpers/temp-db';
import { rejection, sectioned } from './helpers/api-results';

const HAS_OPENPYXL = hasOpenpyxl();
if (!HAS_OPENPYXL) console.warn('跳过 openpyxl 用例：/usr/bin/python3 没有 openpyxl');
const WAN = 10_000;
const LONG = '主体结构封顶，正在进行内外墙装饰装修和水电安装，室外附属工程同步推进，预计年底完成全部土建工程并开始设备采购。';
const HEADERS = ['序号', '项目名称', '点位（乡镇/村）', '建设阶段', '形象进度（%）', '形象进度描述', '本月完成投资（万元）', '累计完成投资（万元）', '存在问题', '填报人', '项目ID（勿改）', '点位ID（勿改）'];

let dir = '';
let b: Backend;
let p10 = 0;
let p1 = 0;
let sites: Site[] = [];
let exported = { fileName: '', base64: '' };

function progressRows(db: Backend['db']): unknown[] {
  return db.prepare('SELECT * FROM progress ORDER BY id').all();
}

/** The database files' bytes after a checkpoint: what "byte-identical" compares. */
function dbDigest(backend: Backend, dbPath: string): string {
  backend.db.pragma('wal_checkpoint(TRUNCATE)');
  const h = createHash('sha256');
  for (const f of [dbPath, `${dbPath}-wal`]) if (fs.existsSync(f)) h.update(fs.readFileSync(f));
  return h.digest('hex');
}

/** The sheet row of a project (siteId null) or site, found by the hidden id columns K and L. */
async function rowOf(base64: string, projectId: number, siteId: number | null): Promise<number> {
  const grid = await readWorkbookGrid(Buffer.from(base64, 'base64'), 'x.xlsx');
  const sheet = grid.sheets.find((s) => s.name === '进度月报');
  const row = sheet?.rows.find((r) => r.cells[10]?.value === projectId && (r.cells[11]?.value ?? null) === siteId);
  if (!row) throw new Error(`no row for ${projectId}/${siteId}`);
  return row.rowNumber;
}

/** The export, edited with ExcelJS as an officer would in Excel. */
async function edited(edit: (ws: ExcelJS.Worksheet) => void | Promise<void>, from = exported.base64): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(from, 'base64') as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('进度月报');
  if (!ws) throw new Error('no sheet');
  await edit(ws);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

beforeAll(async () => {
  dir = tempDir('progress-report-');
  b = openTempBackend({ dbPath: path.join(dir, 'a.db') });
  const reg = await b.send('register.get', {});
  p10 = reg.projects.find((p) => p.seq === 10)?.id ?? 0;
  p1 = reg.projects.find((p) => p.seq === 1)?.id ?? 0;
  sites = (await b.send('progress.list', { projectId: p10 })).sites;
  const [s1] = sites;
  if (!s1) throw new Error('seed');
  await b.send('progress.record', {
    entries: [
      { projectId: p10, siteId: null, reportMonth: '2026-09', stage: '在建', percent: 30, description: LONG, investPeriodYuan: 10 * WAN, investCumulativeYuan: 200 * WAN, problems: '' },
      { projectId: p10, siteId: s1.id, reportMonth: '2026-09', stage: '在建', percent: 40, description: '基础完成', investPeriodYuan: 5 * WAN, investCumulativeYuan: 50 * WAN, problems: '雨季影响工期', author: '张三' },
      { projectId: p1, siteId: null, reportMonth: '2026-10', stage: '前期工作', percent: 5, description: '可研编制中', investPeriodYuan: 0, investCumulativeYuan: 12_3456, problems: '' },
    ],
  });
  exported = await b.send('xlsx.export', { kind: 'progress' });
  fs.writeFileSync(path.join(dir, 'report.xlsx'), Buffer.from(exported.base64, 'base64'));
});

afterAll(() => {
  b.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('export', () => {
  it('is for the month before today by default, named and titled with it', async () => {
    expect(exported.fileName).toBe('奉节县民政事业发展“十四五”规划-进度月报-2026-10.xlsx');
    const grid = await readWorkbookGrid(Buffer.from(exported.base64, 'base64'), 'r.xlsx');
    const sheet = grid.sheets[0];
    if (!sheet) throw new Error('no sheet');
    const text = (r: number) => (sheet.rows.find((x) => x.rowNumber === r)?.cells ?? []).map(cellText);
    expect(sheet.name).toBe('进度月报');
    expect(text(1)[0]).toBe('奉节县民政事业发展“十四五”规划重点项目进度月报（2026年10月）');
    expect(text(2)).toEqual(HEADERS);
    // one row per project and per site: 15 projects, 137 sites
    const data = sheet.rows.filter((r) => r.rowNumber >= 3 && /^\d+(-\d+)?$/.test(cellText(r.cells[0])));
    expect(data).toHaveLength(15 + 137);
    expect(data.filter((r) => !cellText(r.cells[0]).includes('-'))).toHaveLength(15);
    // the hidden sheet names the plan and the month
    expect(grid.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['进度月报', false],
      ['进度月报信息', true],
    ]);
    expect(grid.sheets[1]?.rows.map((r) => r.cells.map(cellText))).toEqual([
      ['规划编号', '1'],
      ['规划名称', '奉节县民政事业发展“十四五”规划'],
      ['报告期', '2026-10'],
      ['导出日期', '2026-11-29'],
    ]);
  });

  it('prefills last month (本月完成投资 empty, 累计 carried) or the month’s own report, with site rows under their project', async () => {
    const grid = await readWorkbookGrid(Buffer.from(exported.base64, 'base64'), 'r.xlsx');
    const rows = grid.sheets[0]?.rows ?? [];
    const values = (r: GridRow | undefined) => Array.from({ length: 12 }, (_, i) => r?.cells[i]?.value ?? null);
    const r10 = await rowOf(exported.base64, p10, null);
    const [s1, s2] = sites;
    const r10s1 = await rowOf(exported.base64, p10, s1?.id ?? 0);
    expect(r10s1).toBe(r10 + 1);
    const byNumber = (n: number) => rows.find((r) => r.rowNumber === n);
    expect(values(byNumber(r10))).toEqual(['10', '奉节县村（社区）便民服务中心建设项目', '项目整体', '在建', 30, LONG, null, 200, null, 'tester', p10, null]);
    expect(values(byNumber(r10s1))).toEqual(['10-1', null, '公平镇 万民村', '在建', 40, '基础完成', null, 50, '雨季影响工期', '张三', p10, s1?.id]);
    // a site never reported: names and ids only
    expect(values(byNumber(r10 + 2))).toEqual(['10-2', null, expect.any(String), null, null, null, null, null, null, null, p10, s2?.id]);
    // project 1 reported October itself: its own report, 本月 included
    const r1 = await rowOf(exported.base64, p1, null);
    expect(values(byNumber(r1))).toEqual(['1', '奉节县朱衣社会福利院建设项目', '项目整体', '前期工作', 5, '可研编制中', 0, 12.3456, null, 'tester', p1, null]);
  });

  it('gives stage cells a drop-down of the 7 stages, and percent and amounts a range check', async () => {
    const zip = await JSZip.loadAsync(Buffer.from(exported.base64, 'base64'));
    const xml = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    const last = 2 + 15 + 137;
    expect(xml.match(/<dataValidation /g)).toHaveLength(3);
    expect(xml).toContain(`<dataValidation type="list" allowBlank="1" showInputMessage="1" promptTitle="建设阶段" prompt="请从下拉列表选择" showErrorMessage="1" errorTitle="建设阶段" error="请从列表中选择：前期工作、在建、完工、竣工验收、投入使用、暂停、取消" sqref="D3:D${last}"><formula1>&quot;前期工作,在建,完工,竣工验收,投入使用,暂停,取消&quot;</formula1></dataValidation>`);
    expect(xml).toMatch(new RegExp(`<dataValidation type="decimal" allowBlank="1" showErrorMessage="1" errorTitle="形象进度" error="[^"]+" sqref="E3:E${last}"><formula1>0</formula1><formula2>100</formula2>`));
    expect(xml).toMatch(new RegExp(`<dataValidation type="decimal" operator="greaterThanOrEqual" allowBlank="1" showErrorMessage="1" errorTitle="金额" error="[^"]+" sqref="G3:H${last}"><formula1>0</formula1>`));
  });

  it('sets row heights from the wrapped text and the column widths, hides the id columns', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(exported.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('进度月报');
    if (!ws) throw new Error('no sheet');
    const r10 = await rowOf(exported.base64, p10, null);
    // LONG is 55 characters = 110 width units in a 30-wide column: 4 lines
    expect(ws.getColumn(6).width).toBe(30);
    expect(ws.getRow(r10).height).toBe(Math.ceil(4 * 13.5 + 6));
    expect(ws.getRow(r10 + 1).height).toBe(20);
    expect(ws.getRow(2).height).toBeGreaterThanOrEqual(33); // "本月完成投资（万元）" wraps to 2 lines
    expect(ws.getColumn(11).hidden).toBe(true);
    expect(ws.getColumn(12).hidden).toBe(true);
    expect(ws.getCell(`F${r10}`).alignment).toMatchObject({ wrapText: true });
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
  "printArea": ws.print_area, "merged": [str(r) for r in ws.merged_cells.ranges][:1],
  "hiddenK": ws.column_dimensions["K"].hidden, "widthB": ws.column_dimensions["B"].width,
}, ensure_ascii=False))
`,
      [path.join(dir, 'report.xlsx')],
    );
    expect(JSON.parse(out)).toEqual({
      freeze: 'D3',
      orientation: 'landscape',
      paper: 9,
      fitToWidth: 1,
      fitToHeight: 0,
      fitToPage: true,
      printTitles: '$1:$2',
      printArea: ['$A$1:$J$158'], // 152 rows from row 3, a blank row, 3 note rows
      merged: ['A1:J1'],
      hiddenK: true,
      widthB: 26,
    });
  });

  it('exports a chosen month; refuses a future one', async () => {
    const sept = await b.send('xlsx.export', { kind: 'progress', month: '2026-09' });
    expect(sept.fileName).toBe('奉节县民政事业发展“十四五”规划-进度月报-2026-09.xlsx');
    const grid = await readWorkbookGrid(Buffer.from(sept.base64, 'base64'), 's.xlsx');
    expect(cellText(grid.sheets[0]?.rows[0]?.cells[0])).toBe('奉节县民政事业发展“十四五”规划重点项目进度月报（2026年9月）');
    const r10 = await rowOf(sept.base64, p10, null);
    // September's own report, with its 本月完成投资
    expect(grid.sheets[0]?.rows.find((r) => r.rowNumber === r10)?.cells[6]?.value).toBe(10);
    const e = await rejection(b.send('xlsx.export', { kind: 'progress', month: '2026-12' }));
    expect(e.message).toBe('不能导出2026年12月的进度月报：晚于本月（2026年11月），不能填报未来的月份');
  });
});

describe('import', () => {
  it('the export as it is changes nothing: unchanged rows add nothing', async () => {
    const p = sectioned(await b.send('xlsx.importPreview', { kind: 'progress', fileName: 'report.xlsx', base64: exported.base64 }), 'progress');
    expect(p.target).toBe('规划「奉节县民政事业发展“十四五”规划」2026年10月进度');
    expect(p.writes).toBe(0);
    expect(p.sections.map((s) => [s.key, s.items.length])).toEqual([
      ['added', 0],
      ['unchanged', 3],
    ]);
    const r = await b.send('xlsx.importApply', { token: p.token });
    expect(r).toMatchObject({ added: 0, unchanged: 3, backupPath: null, summary: '没有需要写入的变化。' });

    // emptying a row that held the month's own report deletes nothing (the history only grows)
    const r1 = await rowOf(exported.base64, p1, null);
    const cleared = await edited((ws) => {
      for (const c of ['D', 'E', 'F', 'G', 'H', 'I', 'J']) ws.getCell(`${c}${r1}`).value = null;
    });
    const q = sectioned(await b.send('xlsx.importPreview', { kind: 'progress', fileName: 'cleared.xlsx', base64: cleared }), 'progress');
    expect(q.writes).toBe(0);
    expect(q.warnings.map((w) => w.message)).toEqual([`第 ${r1} 行已清空：进度记录只增不删，本月已填报的进度保持不变。`]);
  });

  it('previews, applies as one batch, shows in progress.list, and history.undo restores the previous state exactly', async () => {
    const [s1, s2] = sites;
    const r10 = await rowOf(exported.base64, p10, null);
    const before = progressRows(b.db);
    const base64 = await edited((ws) => {
      ws.getCell(`E${r10}`).value = 45; // percent up
      ws.getCell(`G${r10}`).value = 30; // 本月 only: 累计 follows (200 + 30)
      ws.getCell(`I${r10}`).value = '征地协调';
      ws.getCell(`D${r10 + 2}`).value = '前期工作'; // a site never reported
      ws.getCell(`E${r10 + 2}`).value = '５％';
      ws.getCell(`H${r10 + 2}`).value = '１２.５'; // full-width text
      ws.getCell(`J${r10 + 2}`).value = '李四';
    });
    const p = sectioned(await b.send('xlsx.importPreview', { kind: 'progress', fileName: '十月进度.xlsx', base64 }), 'progress');
    expect(p.writes).toBe(2);
    const added = p.sections.find((s) => s.key === 'added')?.items ?? [];
    expect(added.map((i) => i.title)).toEqual([
      `10. 奉节县村（社区）便民服务中心建设项目（第 ${r10} 行）`,
      `10-2. 奉节县村（社区）便民服务中心建设项目 · ${s2 ? [s2.town, s2.village, s2.address].filter(Boolean).join(' ') : ''}（第 ${r10 + 2} 行）`,
    ]);
    expect(added[0]?.changes.map((c) => `${c.label}:${c.oldValue}→${c.newValue}`)).toEqual([
      '形象进度（%）:30→45',
      '本月完成投资:（空）→30 万元',
      '累计完成投资:200 万元→230 万元',
      '存在问题:（空）→征地协调',
    ]);
    expect(p.warnings.map((w) => w.message)).toEqual([`第 ${r10} 行只改了本月完成投资：累计完成投资已按“上期累计 + 本月完成投资”计算。`]);
    expect(p.sections.find((s) => s.key === 'unchanged')?.items).toHaveLength(2);

    const result = await b.send('xlsx.importApply', { token: p.token });
    expect(result).toMatchObject({ kind: 'progress', planId: 1, added: 2, changed: 0, unchanged: 2, summary: '新增 2 条进度记录（报告期 2026年10月），不变 2 行。' });
    expect(result.backupPath).toMatch(/\.db$/);
    const list = await b.send('progress.list', { projectId: p10 });
    expect(list.entries.slice(0, 2).map((e) => [e.siteId, e.reportMonth, e.stage, e.percent, e.investPeriodYuan, e.investCumulativeYuan, e.problems, e.author, e.date])).toEqual([
      [s2?.id, '2026-10', '前期工作', 5, 0, 12.5 * WAN, '', '李四', '2026-11-29'],
      [null, '2026-10', '在建', 45, 30 * WAN, 230 * WAN, '征地协调', 'tester', '2026-11-29'],
    ]);
    expect(list.entries.some((e) => e.siteId === s1?.id && e.reportMonth === '2026-10')).toBe(false);
    const log = b.db.prepare("SELECT COUNT(*) AS n, COUNT(DISTINCT batch_id) AS batches, MIN(door) AS door FROM change_log WHERE batch_id = ?").get(result.batchId);
    expect(log).toEqual({ n: 2, batches: 1, door: 'import' });

    const undoable = await b.send('history.undoable', { projectId: p10 });
    expect(undoable).toMatchObject({ batchId: result.batchId, label: '撤销本次导入（十月进度.xlsx，1 个项目）' });
    await b.send('history.undo', { batchId: result.batchId });
    expect(progressRows(b.db)).toEqual(before);
  });

  it('refuses a falling cumulative investment naming its row, and leaves the database byte-identical', async () => {
    const r10 = await rowOf(exported.base64, p10, null);
    const base64 = await edited((ws) => {
      ws.getCell(`H${r10}`).value = 150;
    });
    const digest = dbDigest(b, path.join(dir, 'a.db'));
    const e = await rejection(b.send('xlsx.importPreview', { kind: 'progress', fileName: 'bad.xlsx', base64 }));
    expect(e.code).toBe('bad_file');
    expect(e.message).toBe('bad.xlsx：发现 1 处问题，未导入任何数据。');
    expect(e.issues).toEqual([{ file: 'bad.xlsx', sheet: '进度月报', row: r10, column: 'H', message: '累计完成投资 150 万元低于上期（2026年9月）的 200 万元' }]);
    expect(dbDigest(b, path.join(dir, 'a.db'))).toBe(digest);
  });

  it('names every bad cell: unknown stage, percent out of range or falling, money that is not a number, a future month', async () => {
    const [s1] = sites;
    const r10 = await rowOf(exported.base64, p10, null);
    const rs1 = await rowOf(exported.base64, p10, s1?.id ?? 0);
    const before = progressRows(b.db);
    const bad = await edited((ws) => {
      ws.getCell(`D${r10}`).value = '施工中';
      ws.getCell(`E${rs1}`).value = 120;
      ws.getCell(`G${rs1}`).value = '约300';
      ws.getCell(`H${rs1 + 1}`).value = '三十';
      ws.getCell(`D${rs1 + 1}`).value = '在建';
      ws.getCell(`E${rs1 + 1}`).value = 10;
    });
    const e = await rejection(b.send('xlsx.importPreview', { kind: 'progress', fileName: 'bad.xlsx', base64: bad }));
    expect(e.issues).toEqual([
      { file: 'bad.xlsx', sheet: '进度月报', row: r10, column: 'D', message: '建设阶段“施工中”不在列表中，应为 前期工作、在建、完工、竣工验收、投入使用、暂停、取消 之一。' },
      { file: 'bad.xlsx', sheet: '进度月报', row: rs1, column: 'E', message: '形象进度应在 0 至 100 之间，读到 120。' },
      { file: 'bad.xlsx', sheet: '进度月报', row: rs1, column: 'G', message: '本月完成投资应为金额（万元），读到“约300”。' },
      { file: 'bad.xlsx', sheet: '进度月报', row: rs1 + 1, column: 'H', message: '累计完成投资应为金额（万元），读到“三十”。' },
    ]);

    // the parse passes; the history checks name the row: percent down without 暂停/取消
    const falling = await edited((ws) => {
      ws.getCell(`E${rs1}`).value = 35;
    });
    const e2 = await rejection(b.send('xlsx.importPreview', { kind: 'progress', fileName: 'down.xlsx', base64: falling }));
    expect(e2.issues).toEqual([
      { file: 'down.xlsx', sheet: '进度月报', row: rs1, column: 'E', message: '形象进度 35% 低于上期（2026年9月）的 40%；只有阶段为“暂停”或“取消”时进度才能下降' },
    ]);
    // … which 暂停 allows
    const paused = await edited((ws) => {
      ws.getCell(`E${rs1}`).value = 35;
      ws.getCell(`D${rs1}`).value = '暂停';
    });
    expect(sectioned(await b.send('xlsx.importPreview', { kind: 'progress', fileName: 'paused.xlsx', base64: paused }), 'progress').writes).toBe(1);

    // a future month: one message on the title cell
    const future = await edited((ws) => {
      ws.getCell('A1').value = '奉节县民政事业发展“十四五”规划重点项目进度月报（2026年12月）';
      ws.getCell(`E${r10}`).value = 50;
      ws.getCell(`E${rs1}`).value = 50;
    });
    const e3 = await rejection(b.send('xlsx.importPreview', { kind: 'progress', fileName: 'future.xlsx', base64: future }));
    expect(e3.issues).toEqual([{ file: 'future.xlsx', sheet: '进度月报', row: 1, column: 'A', message: '报告期 2026-12 晚于本月（2026年11月），不能填报未来的月份' }]);
    expect(progressRows(b.db)).toEqual(before);
  });

  it('matches rows by the hidden ids when names were edited, and by names when the ids are gone', async () => {
    const r10 = await rowOf(exported.base64, p10, null);
    const renamed = await edited((ws) => {
      ws.getCell(`B${r10}`).value = '便民服务中心（改了名字）';
      ws.getCell(`E${r10}`).value = 31;
    });
    const p = sectioned(await b.send('xlsx.importPreview', { kind: 'progress', fileName: 'renamed.xlsx', base64: renamed }), 'progress');
    expect(p.sections[0]?.items.map((i) => i.key)).toEqual([`${p10}:`]);

    // ids removed (the hidden columns deleted): 序号 "10-1" and the names still place every row
    const [s1] = sites;
    const rs1 = await rowOf(exported.base64, p10, s1?.id ?? 0);
    const noIds = await edited((ws) => {
      ws.spliceColumns(11, 2);
      ws.getCell(`E${rs1}`).value = 41;
    });
    const q = sectioned(await b.send('xlsx.importPreview', { kind: 'progress', fileName: 'noids.xlsx', base64: noIds }), 'progress');
    expect(q.sections[0]?.items.map((i) => i.key)).toEqual([`${p10}:${s1?.id}`]);
    expect(q.sections.find((s) => s.key === 'unchanged')?.items.map((i) => i.key)).toEqual([`${p1}:`, `${p10}:`]);
  });

  it.skipIf(!HAS_OPENPYXL)('imports what another program (openpyxl) filled in: text numbers, full-width digits, merged cells; it appears in progress.list', async () => {
    const file = path.join(dir, 'report.xlsx');
    const filled = path.join(dir, 'filled.xlsx');
    const [s1, s2, s3] = sites;
    // finds rows by the hidden id columns, as a script would; merges 项目名称 over the site rows (WPS habit)
    python(
      `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["进度月报"]
p10, s1, s3 = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
rows = {}
for r in range(3, ws.max_row + 1):
    k, l = ws.cell(r, 11).value, ws.cell(r, 12).value
    if k is not None:
        rows[(int(k), int(l) if l is not None else None)] = r
r = rows[(p10, s1)]
ws.cell(r, 4).value = "完工"
ws.cell(r, 5).value = "１００"
ws.cell(r, 6).value = "已完工，待验收"
ws.cell(r, 7).value = "20"
ws.cell(r, 8).value = "７０"
ws.cell(r, 9).value = None
r = rows[(p10, s3)]
ws.cell(r, 4).value = "在建"
ws.cell(r, 5).value = 12.5
ws.cell(r, 8).value = 8
pr = rows[(p10, None)]
ws.merge_cells(start_row=pr, start_column=2, end_row=pr + 3, end_column=2)
wb.save(sys.argv[2])
`,
      [file, filled, String(p10), String(s1?.id), String(s3?.id)],
    );
    const before = (await b.send('progress.list', { projectId: p10 })).entries.length;
    const p = sectioned(await b.send('xlsx.importPreview', { kind: 'progress', fileName: 'filled.xlsx', base64: fs.readFileSync(filled).toString('base64') }), 'progress');
    expect(p.writes).toBe(2);
    const r = await b.send('xlsx.importApply', { token: p.token });
    expect(r.added).toBe(2);
    const list = await b.send('progress.list', { projectId: p10 });
    expect(list.entries).toHaveLength(before + 2);
    const bySite = (id: number | undefined) => list.entries.find((e) => e.siteId === id && e.reportMonth === '2026-10');
    expect(bySite(s1?.id)).toMatchObject({ stage: '完工', percent: 100, description: '已完工，待验收', investPeriodYuan: 20 * WAN, investCumulativeYuan: 70 * WAN, problems: '' });
    expect(bySite(s3?.id)).toMatchObject({ stage: '在建', percent: 12.5, investPeriodYuan: 0, investCumulativeYuan: 8 * WAN });
    expect(bySite(s2?.id)).toBeUndefined();
    await b.send('history.undo', { batchId: r.batchId });
  });
});

describe('CLI', () => {
  async function cli(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, { TRACKER_TODAY: '2026-11-29' });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('export progress --month, import progress --dry-run and for real; a bad --month is a usage error (exit 2)', async () => {
    const db = path.join(dir, 'cli.db');
    const out = path.join(dir, 'cli-report.xlsx');
    const bad = await cli('export', 'progress', '--month', '2026-13', '--out', out, '--db', db);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('选项 --month 应为 YYYY-MM，收到「2026-13」');
    expect((await cli('import', 'progress', out, '--month', '十月', '--db', db)).code).toBe(2);

    const ex = await cli('export', 'progress', '--month', '2025-06', '--out', out, '--db', db);
    expect(ex).toMatchObject({ code: 0, out: `已导出 ${out}` });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('进度月报');
    if (!ws) throw new Error('no sheet');
    expect(ws.getCell('A1').value).toBe('奉节县民政事业发展“十四五”规划重点项目进度月报（2025年6月）');
    ws.getCell('D3').value = '在建';
    ws.getCell('E3').value = 20;
    ws.getCell('H3').value = 100;
    await wb.xlsx.writeFile(out);

    const dry = await cli('import', 'progress', out, '--dry-run', '--db', db);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('导入到：规划「奉节县民政事业发展“十四五”规划」2025年6月进度');
    expect(dry.out).toContain('新增进度记录 1 项，不变的行 0 项');
    expect(dry.out).toContain('（试运行：未写入任何数据）');
    const real = await cli('import', 'progress', out, '--db', db);
    expect(real.code).toBe(0);
    expect(real.out).toContain('新增 1 条进度记录（报告期 2025年6月），不变 0 行。');

    // July from June's figures: a falling cumulative is refused with its row named
    const july = path.join(dir, 'cli-july.xlsx');
    expect((await cli('export', 'progress', '--month', '2025-07', '--out', july, '--db', db)).code).toBe(0);
    const wb7 = new ExcelJS.Workbook();
    await wb7.xlsx.readFile(july);
    const ws7 = wb7.getWorksheet('进度月报');
    if (!ws7) throw new Error('no sheet');
    expect([ws7.getCell('D3').value, ws7.getCell('E3').value, ws7.getCell('G3').value, ws7.getCell('H3').value]).toEqual(['在建', 20, null, 100]);
    ws7.getCell('H3').value = 90;
    await wb7.xlsx.writeFile(july);
    const falling = await cli('import', 'progress', july, '--db', db);
    expect(falling.code).toBe(1);
    expect(falling.err).toContain('文件 cli-july.xlsx，工作表「进度月报」，第 3 行，H 列：累计完成投资 90 万元低于上期（2025年6月）的 100 万元');
  });
});
