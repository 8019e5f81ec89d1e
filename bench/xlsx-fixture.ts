// The 10,000-row annex both spreadsheet benches work on, and the plain ExcelJS workbook
// of the same cells that the export is compared with.
import ExcelJS from 'exceljs';
import type { Project } from '../src/domain/model';
import { yuanToWan } from '../src/domain/money';
import { EXTRA_COLUMNS } from '../src/domain/xlsx/annex-columns';
import { formatWindow } from '../src/domain/xlsx/parse-window';
import { buildAnnexWorkbook, workbookBuffer } from '../src/backend/xlsx/annex-export';
import { syntheticProjects } from '../tests/fixtures/xlsx/large-annex';

export const ROWS = 10_000;
export const RUNS = 5;
export const PLAN = { title: '测试县民政事业发展“十五五”规划' };

export function benchProjects(): Project[] {
  return syntheticProjects(ROWS);
}

/** our annex export of the bench projects, as the file a user would import */
export async function benchAnnexBytes(list: Project[] = benchProjects()): Promise<Buffer> {
  return workbookBuffer(buildAnnexWorkbook(PLAN, list));
}

/** The same cells our export writes (the annex sheet and the extras sheet), without any layout. */
export function plainWorkbook(list: readonly Project[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['附件1  测试县民政事业发展“十五五”规划重点项目清单明细']);
  ws.addRow(['序号', '项目名称', '建设性质', '项目建设主体', '项目建设地', '拟建设规模和建设内容', '投资估算（万元）', '建设年限']);
  for (const p of list) {
    ws.addRow([p.seq, p.name, p.nature, p.owner, p.locationText, p.scaleText, yuanToWan(p.investmentYuan), formatWindow(p.startYear, p.endYear, p.remark)]);
  }
  ws.addRow(['合计（万元）', '', '', '', '', '', list.reduce((s, p) => s + yuanToWan(p.investmentYuan), 0), '']);
  const extras = wb.addWorksheet('Sheet2');
  extras.addRow([...EXTRA_COLUMNS]);
  for (const p of list) {
    extras.addRow([p.seq, p.name, p.seqPrinted ?? '', p.category, p.startDate ?? '', p.endDate ?? '', p.responsibleUnit, p.leader, p.note]);
  }
  return wb;
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}
