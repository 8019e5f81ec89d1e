// Exports the register as the annex workbooks (and the Gantt workbook, built by the Gantt feature).
import type { ExportKind } from '../../domain/api/xlsx';
import type { ServiceContext } from '../context';
import { getPlan, resolvePlanId } from '../repositories/plans-repo';
import { listProjects } from '../repositories/projects-repo';
import { buildAnnexWorkbook, buildSummaryWorkbook, workbookBuffer } from '../xlsx/annex-export';
import { buildGanttWorkbook } from '../xlsx/gantt-workbook';

export interface ExportedWorkbook {
  fileName: string;
  bytes: Buffer;
}

const KIND_NAMES: Record<ExportKind, string> = {
  annex: '附件1 重点项目清单明细',
  summary: '重点项目清单',
  gantt: '项目进度甘特图',
};

/** A file name Windows accepts: no \ / : * ? " < > | */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\r\n]+/g, '_').trim();
}

export async function exportWorkbook(ctx: ServiceContext, kind: ExportKind, planId?: number): Promise<ExportedWorkbook> {
  const id = resolvePlanId(ctx.db, planId);
  const plan = getPlan(ctx.db, id);
  const fileName = safeFileName(`${plan.title}-${KIND_NAMES[kind]}.xlsx`);
  if (kind === 'gantt') {
    const wb = await buildGanttWorkbook(ctx, id);
    return { fileName, bytes: await workbookBuffer(wb) };
  }
  const projects = listProjects(ctx.db, id);
  const wb = kind === 'annex' ? buildAnnexWorkbook(plan, projects) : buildSummaryWorkbook(plan, projects);
  return { fileName, bytes: await workbookBuffer(wb) };
}
