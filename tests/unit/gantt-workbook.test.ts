import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempBackend } from './helpers/temp-db';
import type { Backend } from '../../src/backend/backend';
import { insertMilestone } from '../../src/backend/repositories/progress-repo';
import { buildGanttWorkbook, GANTT_SHEET_NAME, LIGHT_FILLS } from '../../src/backend/xlsx/gantt-workbook';

let backend: Backend;

beforeAll(() => {
  backend = openTempBackend();
});

afterAll(() => backend.close());

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const f = cell.fill;
  return f?.type === 'pattern' && f.pattern !== 'none' ? `${f.pattern}:${f.fgColor?.argb ?? ''}` : undefined;
}

describe('gantt workbook', () => {
  it('writes month columns with filled planned months, round-tripping through xlsx', async () => {
    const ctx = backend.ctxFor('cli');
    const first = (await backend.send('gantt.get', {})).projects.find((p) => p.project.seq === 1);
    if (!first) throw new Error('seed missing');
    insertMilestone(backend.db, { projectId: first.project.id, siteId: null, kind: '开工', plannedDate: '2023-06-15', actualDate: null });

    const wb = await buildGanttWorkbook(ctx);
    const buf = await wb.xlsx.writeBuffer();
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(buf);
    const ws = back.getWorksheet(GANTT_SHEET_NAME);
    if (!ws) throw new Error('sheet missing');

    expect(String(ws.getCell('A1').value)).toContain('重点项目进度甘特图');
    expect(ws.getCell('A3').value).toBe('序号');
    // 7 fixed columns, then 2021-01 .. 2026-12 (the plan plus this year)
    expect(ws.getCell(3, 8).value).toBe('2021年');
    expect(ws.getCell(4, 8).value).toBe('1月');
    expect(ws.getCell(3, 8 + 12 * 5).value).toBe('2026年');
    expect(ws.getCell(4, 7 + 72).value).toBe('12月');

    // 序号 1 (2023—2025年, overdue, never reported): Dec 2022 empty, Jan 2023..Dec 2025 grey (未填报), 2026 hatched up to Nov
    const row = 5;
    expect(ws.getCell(row, 1).value).toBe(1);
    const col = (y: number, m: number): number => 7 + (y - 2021) * 12 + m;
    expect(fillOf(ws.getCell(row, col(2022, 12)))).toBeUndefined();
    expect(fillOf(ws.getCell(row, col(2023, 1)))).toBe(`solid:${LIGHT_FILLS.grey}`);
    expect(fillOf(ws.getCell(row, col(2025, 12)))).toBe(`solid:${LIGHT_FILLS.grey}`);
    expect(fillOf(ws.getCell(row, col(2026, 11)))).toBe('lightUp:FFD32F2F');
    expect(fillOf(ws.getCell(row, col(2026, 12)))).toBeUndefined();
    expect(ws.getCell(row, col(2023, 6)).value).toBe('◆');
    expect(ws.getCell(row, 7).value).toBe('未填报');
    expect(ws.getCell(row, 7).note).toBe('未填报进度');

    // every project has a row
    const seqs = Array.from({ length: 15 }, (_, i) => ws.getCell(5 + i, 1).value);
    expect(seqs).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));

    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 4 });
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.paperSize).toBe(8);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.printTitlesRow).toBe('3:4');
  });
});
