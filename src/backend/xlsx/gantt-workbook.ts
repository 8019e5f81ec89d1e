// The Gantt as a spreadsheet, the way offices ask for it: one column per month, the
// planned months of each project filled in the colour of its traffic light, overdue
// months hatched red up to this month, milestones as ◆; title, frozen panes, repeated
// header rows and an A3 landscape print set-up. Used by `export gantt` and 'xlsx.export'.
// Every text from the database goes through cellTextValue (a literal "_x0041_" stays itself).
import ExcelJS from 'exceljs';
import type { GanttData } from '../../domain/api/gantt';
import { LIGHT_LABELS, TRAFFIC_LIGHTS, type TrafficLight } from '../../domain/facts/traffic-light';
import { yuanToWan } from '../../domain/money';
import { plannedWindow, windowLabelExact } from '../../domain/schedule';
import type { ServiceContext } from '../context';
import { cellTextValue } from './cell-text';
import { getGanttData } from '../services/gantt-service';
import { wrappedRowHeight } from './sheet-layout';

export const GANTT_SHEET_NAME = '项目进度甘特图';

const FONT = '宋体';
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF9E9E9E' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** light tints that still read on a monochrome printer */
export const LIGHT_FILLS: Record<TrafficLight, string> = {
  done: 'FF90CAF9',
  green: 'FFA5D6A7',
  yellow: 'FFFFE082',
  red: 'FFEF9A9A',
  grey: 'FFCFD8DC',
};

const FIXED_COLUMNS = [
  { title: '序号', width: 6 },
  { title: '项目名称', width: 36 },
  { title: '类别', width: 12 },
  // broken by hand: left to wrap, the header leaves "）" alone on a line
  { title: '投资估算\n（万元）', width: 11 },
  { title: '建设年限', width: 12 },
  { title: '进度', width: 7 },
  { title: '状态', width: 7 },
] as const;

/** months as 'YYYY-MM' from the first to the last year, inclusive */
function monthsOf(firstYear: number, lastYear: number): string[] {
  const out: string[] = [];
  for (let y = firstYear; y <= lastYear; y++) for (let m = 1; m <= 12; m++) out.push(`${y}-${String(m).padStart(2, '0')}`);
  return out;
}

/** first to last year shown: the plan, any bar beyond it, and this year (so overdue shows) */
export function yearSpan(data: GanttData): { first: number; last: number } {
  let first = data.plan.startYear;
  let last = Math.max(data.plan.endYear, Number(data.today.slice(0, 4)));
  for (const gp of data.projects) {
    const w = plannedWindow(gp.window);
    first = Math.min(first, Number(w.start.slice(0, 4)));
    last = Math.max(last, Number(w.end.slice(0, 4)), Number((gp.actualEnd ?? '0').slice(0, 4)));
  }
  return { first, last };
}

export function fillGanttSheet(ws: ExcelJS.Worksheet, data: GanttData): void {
  const { first, last } = yearSpan(data);
  const months = monthsOf(first, last);
  const fixed = FIXED_COLUMNS.length;
  const lastCol = fixed + months.length;
  const thisMonth = data.today.slice(0, 7);

  ws.columns = [
    ...FIXED_COLUMNS.map((c) => ({ width: c.width })),
    ...months.map(() => ({ width: 3.6 })),
  ];

  ws.mergeCells(1, 1, 1, lastCol);
  const title = ws.getCell(1, 1);
  title.value = cellTextValue(`${data.plan.title} 重点项目进度甘特图（按月）`);
  title.font = { name: FONT, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;

  ws.mergeCells(2, 1, 2, lastCol);
  const meta = ws.getCell(2, 1);
  meta.value = `制表日期：${data.today}　　填色：计划建设月份（颜色为状态）；斜纹：超期未完成；◆：里程碑；粗框：本月`;
  meta.font = { name: FONT, size: 10 };
  meta.alignment = { horizontal: 'left', vertical: 'middle' };

  const head1 = ws.getRow(3);
  const head2 = ws.getRow(4);
  FIXED_COLUMNS.forEach((c, i) => {
    ws.mergeCells(3, i + 1, 4, i + 1);
    head1.getCell(i + 1).value = c.title;
  });
  for (let y = first; y <= last; y++) {
    const col = fixed + (y - first) * 12 + 1;
    ws.mergeCells(3, col, 3, col + 11);
    head1.getCell(col).value = `${y}年`;
  }
  months.forEach((m, i) => {
    head2.getCell(fixed + i + 1).value = `${Number(m.slice(5))}月`;
  });
  for (const row of [head1, head2]) {
    for (let c = 1; c <= lastCol; c++) {
      const cell = row.getCell(c);
      cell.font = { name: FONT, size: c > fixed ? 8 : 10, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F4' } };
    }
  }
  head1.height = 18;
  head2.height = 18;

  const sorted = [...data.projects].sort((a, b) => a.project.seq - b.project.seq);
  sorted.forEach((gp, i) => {
    const r = ws.getRow(5 + i);
    const p = gp.project;
    r.values = [p.seq, cellTextValue(p.name), cellTextValue(p.category), yuanToWan(p.investmentYuan), windowLabelExact(gp.window), gp.percent === null ? '' : gp.percent / 100, LIGHT_LABELS[gp.light]];
    r.getCell(7).note = cellTextValue(gp.lightReason);
    // the name wraps: without a stored height its second line is drawn over the next row
    r.height = wrappedRowHeight(p.name, FIXED_COLUMNS[1].width);
    for (let c = 1; c <= fixed; c++) {
      const cell = r.getCell(c);
      cell.font = { name: FONT, size: 10 };
      cell.border = BORDER;
      cell.alignment = { vertical: 'middle', horizontal: c === 2 || c === 3 ? 'left' : 'center', wrapText: c === 2 };
    }
    r.getCell(4).numFmt = '#,##0.####';
    r.getCell(4).alignment = { vertical: 'middle', horizontal: 'right' };
    r.getCell(6).numFmt = '0%';

    const { start, end } = plannedWindow(gp.window);
    const startM = start.slice(0, 7);
    const endM = end.slice(0, 7);
    const finished = gp.finished;
    const msMonths = new Map<string, string[]>();
    for (const m of gp.milestones) {
      const d = m.actualDate ?? m.plannedDate;
      if (d) msMonths.set(d.slice(0, 7), [...(msMonths.get(d.slice(0, 7)) ?? []), `${m.kind} ${d}`]);
    }
    months.forEach((m, k) => {
      const cell = r.getCell(fixed + k + 1);
      cell.border = BORDER;
      if (m >= startM && m <= endM) {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: LIGHT_FILLS[gp.light] } };
      } else if (!finished && m > endM && m <= thisMonth) {
        cell.fill = { type: 'pattern', pattern: 'lightUp', fgColor: { argb: 'FFD32F2F' }, bgColor: { argb: 'FFFFFFFF' } };
      }
      const ms = msMonths.get(m);
      if (ms) {
        cell.value = '◆';
        cell.note = cellTextValue(ms.join('\n'));
        cell.font = { name: FONT, size: 8 };
        cell.alignment = { horizontal: 'center', vertical: 'middle' };
      }
      if (m === thisMonth) cell.border = { ...BORDER, left: { style: 'medium', color: { argb: 'FFD32F2F' } }, right: { style: 'medium', color: { argb: 'FFD32F2F' } } };
    });
  });

  // legend under the table: each entry spans four month columns
  const legendRow = ws.getRow(5 + sorted.length + 1);
  legendRow.getCell(2).value = '图例';
  legendRow.getCell(2).font = { name: FONT, size: 9, bold: true };
  legendRow.getCell(2).alignment = { horizontal: 'right' };
  const entries: { label: string; fill: ExcelJS.Fill }[] = [
    ...TRAFFIC_LIGHTS.map((l) => ({
      label: LIGHT_LABELS[l],
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: LIGHT_FILLS[l] } } satisfies ExcelJS.Fill,
    })),
    { label: '超期', fill: { type: 'pattern', pattern: 'lightUp', fgColor: { argb: 'FFD32F2F' }, bgColor: { argb: 'FFFFFFFF' } } },
  ];
  entries.forEach((e, k) => {
    const col = fixed + 1 + k * 4;
    if (col + 3 > lastCol) return;
    ws.mergeCells(legendRow.number, col, legendRow.number, col + 3);
    const cell = legendRow.getCell(col);
    cell.value = e.label;
    cell.fill = e.fill;
    cell.font = { name: FONT, size: 9 };
    cell.alignment = { horizontal: 'center' };
    cell.border = BORDER;
  });

  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 4, topLeftCell: `C5`, activeCell: 'C5' }];
  ws.pageSetup = {
    // OOXML paper size 8 is A3; ExcelJS's PaperSize enum simply omits it
    paperSize: 8 as ExcelJS.PaperSize,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '3:4',
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: '第 &P 页 / 共 &N 页' };
}

export async function buildGanttWorkbook(ctx: ServiceContext, planId?: number): Promise<ExcelJS.Workbook> {
  const data = getGanttData(ctx, planId);
  const wb = new ExcelJS.Workbook();
  wb.creator = ctx.user;
  wb.created = new Date(`${data.today}T00:00:00`);
  const ws = wb.addWorksheet(GANTT_SHEET_NAME, { properties: { tabColor: { argb: 'FF1F5FA8' } } });
  fillGanttSheet(ws, data);
  return wb;
}
