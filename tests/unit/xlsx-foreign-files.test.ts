// Files written by other programs: WPS/OpenXML-SDK style prefixed namespaces (raw XML),
// LibreOffice and openpyxl; and our own exports read back by LibreOffice and openpyxl.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../src/backend/backend';
import { parseAnnexWorkbook } from '../../src/backend/xlsx/annex-import';
import { readWorkbookGrid } from '../../src/backend/xlsx/read-workbook';
import { unprefixXml } from '../../src/backend/xlsx/normalise-namespaces';
import { hasOpenpyxl, hasTool, libreOfficeXlsx, prefixedNamespaceXlsx, python, soffice, tempDir } from '../fixtures/xlsx/corpus';

const HAS_SOFFICE = hasTool('soffice');
const HAS_OPENPYXL = hasOpenpyxl();
const HAS_PDFTOTEXT = hasTool('pdftotext');
if (!HAS_SOFFICE) console.warn('跳过 LibreOffice 用例：未安装 soffice');
if (!HAS_OPENPYXL) console.warn('跳过 openpyxl 用例：/usr/bin/python3 没有 openpyxl');

let dir = '';
let seeded: Backend;
let annexFile = '';

beforeAll(async () => {
  dir = tempDir('xlsx-foreign-');
  seeded = openBackend({ dbPath: path.join(dir, 'seeded.db'), user: 'tester' });
  const file = await seeded.send('xlsx.export', { kind: 'annex' });
  annexFile = path.join(dir, 'annex.xlsx');
  fs.writeFileSync(annexFile, Buffer.from(file.base64, 'base64'));
});

afterAll(() => {
  seeded.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const HEAD = ['序号', '项目名称', '建设性质', '项目建设主体', '项目建设地', '拟建设规模和建设内容', '投资估算（万元）', '建设年限'];

/** Parses through both readers and checks they agree cell for cell. */
async function parseFile(file: string) {
  const bytes = fs.readFileSync(file);
  const direct = await readWorkbookGrid(bytes, path.basename(file));
  const viaExcelJs = await readWorkbookGrid(bytes, path.basename(file), { viaExcelJs: true });
  expect(direct).toEqual(viaExcelJs);
  return parseAnnexWorkbook(direct, path.basename(file));
}

describe('prefixed namespaces (WPS, OpenXML SDK)', () => {
  const rows = [
    ['附件1  某县“十五五”规划重点项目清单明细'],
    HEAD,
    [1, '某县养老院建设项目', '新建', '某县民政局', '甲镇', '床位100张', 1200, '2026-2028'],
    [2, '某县公墓建设项目', '扩建', '某县民政局', '乙镇丙村', '墓位1000个', '８００', '2027—2029年'],
  ];

  it('ExcelJS alone cannot read it; after normalising it can', async () => {
    const buf = await prefixedNamespaceXlsx(rows);
    const raw = new ExcelJS.Workbook();
    await expect(raw.xlsx.load(buf as unknown as ArrayBuffer)).rejects.toThrow(/sheetNo|undefined/);
    const file = path.join(dir, 'wps.xlsx');
    fs.writeFileSync(file, buf);
    const parsed = await parseFile(file);
    expect(parsed.errors).toEqual([]);
    expect(parsed.planTitle).toBe('某县“十五五”规划');
    expect(parsed.projects.map((p) => [p.seq, p.name, p.investmentYuan, p.startYear, p.endYear])).toEqual([
      [1, '某县养老院建设项目', 12_000_000, 2026, 2028],
      [2, '某县公墓建设项目', 8_000_000, 2027, 2029],
    ]);
  });

  it('rewrites only the prefixed main namespace', () => {
    const xml = '<x:worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"/></x:sheetData><x:drawing r:id="rId1"/></x:worksheet>';
    expect(unprefixXml(xml)).toBe(
      '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"/></sheetData><drawing r:id="rId1"/></worksheet>',
    );
    const plain = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';
    expect(unprefixXml(plain)).toBe(plain);
  });
});

describe.skipIf(!HAS_SOFFICE)('LibreOffice', () => {
  it('reads a workbook LibreOffice wrote from a CSV', async () => {
    const csv = [
      '附件1  某县“十五五”规划重点项目清单明细,,,,,,,',
      '单位：万元,,,,,,,',
      HEAD.join(','),
      '1,某县养老院建设项目,新建,某县民政局,甲镇,"建筑面积5000m²，床位300张",6625,2026-2028',
      '2,某县殡葬服务中心迁建工程,新建,某县民政局,乙镇丙社区,占地面积37654m²,8100,2026-2030（前期论证）',
      '合计,,,,,,14725,',
      '注：投资按2025年价格估算。,,,,,,,',
    ].join('\n');
    const file = libreOfficeXlsx(csv, dir);
    const parsed = await parseFile(file);
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.planTitle).toBe('某县“十五五”规划');
    expect(parsed.projects.map((p) => [p.seq, p.investmentYuan, p.startYear, p.endYear, p.remark])).toEqual([
      [1, 66_250_000, 2026, 2028, ''],
      [2, 81_000_000, 2026, 2030, '前期论证'],
    ]);
  }, 120_000);

  it('opens our export without complaint: CSV and PDF conversions carry the content', () => {
    const outDir = path.join(dir, 'lo-out');
    fs.mkdirSync(outDir, { recursive: true });
    soffice(['--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', outDir, annexFile], dir);
    const csv = fs.readFileSync(path.join(outDir, 'annex.csv'), 'utf8');
    const lines = csv.trim().split('\n');
    expect(lines[0]).toContain('附件1  奉节县民政事业发展“十四五”规划重点项目清单明细');
    expect(lines[1]).toBe(HEAD.join(','));
    expect(lines[2]).toMatch(/^1,奉节县朱衣社会福利院建设项目,新建,奉节县民政局,朱衣镇,.*,6625,2023-2025（重大前期）$/);
    // LibreOffice recalculated the live SUM itself
    expect(lines.at(-1)).toMatch(/^合计（万元）,,,,,,63760,$/);

    soffice(['--convert-to', 'pdf', '--outdir', outDir, annexFile], dir);
    const pdf = path.join(outDir, 'annex.pdf');
    expect(fs.statSync(pdf).size).toBeGreaterThan(10_000);
    if (HAS_PDFTOTEXT) {
      const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
      expect(text).toContain('重点项目清单明细');
      expect(text).toContain('投资估算');
      expect(text).toContain('63760');
    }
  }, 180_000);
});

describe.skipIf(!HAS_OPENPYXL)('openpyxl', () => {
  it('reads our export: sheet names, title, headers, SUM formula, frozen header, print set-up', () => {
    const out = python(
      `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
print(json.dumps({
  "sheets": wb.sheetnames,
  "hidden": [s.title for s in wb.worksheets if s.sheet_state != "visible"],
  "title": ws["A1"].value,
  "merged": [str(r) for r in ws.merged_cells.ranges],
  "headers": [c.value for c in ws[2]],
  "first": [c.value for c in ws[3]],
  "total": [ws["A18"].value, ws["G18"].value],
  "freeze": ws.freeze_panes,
  "orientation": ws.page_setup.orientation,
  "fitToWidth": ws.page_setup.fitToWidth,
  "fitToHeight": ws.page_setup.fitToHeight,
  "fitToPage": ws.sheet_properties.pageSetUpPr.fitToPage,
  "printTitles": ws.print_title_rows,
  "wrap": ws["F3"].alignment.wrap_text,
  "widthF": ws.column_dimensions["F"].width,
  "footer": ws.oddFooter.center.text,
}, ensure_ascii=False))
`,
      [annexFile],
    );
    const r = JSON.parse(out) as Record<string, unknown>;
    expect(r).toMatchObject({
      sheets: ['附件1 重点项目清单明细', '_项目附加信息'],
      hidden: ['_项目附加信息'],
      title: '附件1  奉节县民政事业发展“十四五”规划重点项目清单明细',
      headers: HEAD,
      total: ['合计（万元）', '=SUM(G3:G17)'],
      freeze: 'A3',
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
      fitToPage: true,
      printTitles: '$1:$2',
      wrap: true,
      widthF: 60,
      footer: '第 &P 页，共 &N 页',
    });
    expect(r.merged).toEqual(expect.arrayContaining(['A1:H1', 'A18:F18']));
    expect(r.first).toEqual([1, '奉节县朱衣社会福利院建设项目', '新建', '奉节县民政局', '朱衣镇', '占地面积21500㎡，建设床位500张。', 6625, '2023-2025（重大前期）']);
  });

  it('reads a workbook openpyxl wrote: merged title, text and full-width numbers, a 合计 with no cached value', async () => {
    const file = path.join(dir, 'openpyxl.xlsx');
    python(
      `
import sys, openpyxl
from openpyxl.styles import Alignment
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "明细"
ws.append(["附件1 某县“十五五”规划重点项目清单明细"])
ws.merge_cells("A1:H1")
ws.append(["序号", "项目名称", "建设性质", "建设主体", "项目建设地", "建设规模和内容", "总投资（万元）", "建设年限"])
ws.append([1, "某县养老院建设项目", "新建", "某县民政局", "甲镇", "床位\\n100张", "1,200", "2026—2028年"])
ws.append([2, "某县社区服务中心建设项目", "改扩建", "某县民政局", "乙镇", "用房", "３００", "2027至2028"])
ws.append(["合计", None, None, None, None, None, "=SUM(G3:G4)", None])
ws["F3"].alignment = Alignment(wrap_text=True)
wb.save(sys.argv[1])
`,
      [file],
    );
    const parsed = await parseFile(file);
    expect(parsed.errors).toEqual([]);
    expect(parsed.sheet).toBe('明细');
    expect(parsed.projects.map((p) => [p.name, p.scaleText, p.investmentYuan, p.startYear, p.endYear, p.nature])).toEqual([
      ['某县养老院建设项目', '床位\n100张', 12_000_000, 2026, 2028, '新建'],
      ['某县社区服务中心建设项目', '用房', 3_000_000, 2027, 2028, '改扩建'],
    ]);
  });
});
