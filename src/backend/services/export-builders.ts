// REGISTRATION POINT for workbook exports: one builder per export kind (附件1, 清单, 甘特图,
// 资金构成, 进度月报); the export service names the file and writes the bytes.
import type ExcelJS from 'exceljs';
import type { ExportKind } from '../../domain/api/xlsx';
import type { Plan } from '../../domain/model';
import type { ServiceContext } from '../context';
import { listProjects } from '../repositories/projects-repo';
import { buildAnnexWorkbook, buildSummaryWorkbook } from '../xlsx/annex-export';
import type { SheetDoc } from '../xlsx/sheet-doc';
import { buildFundingWorkbook } from '../xlsx/funding-workbook';
import { buildGanttWorkbook } from '../xlsx/gantt-workbook';
import { listFundingSources } from '../repositories/reference-repo';
import { planAmounts } from './funding-service';
import { buildProgressReportWorkbook, progressReportSheet } from '../xlsx/progress-report-workbook';
import { defaultReportMonth } from '../../domain/xlsx/progress-report-columns';

export interface ExportRequest {
  plan: Plan;
  /** 'YYYY-MM' when the caller chose a month (进度月报) */
  month?: string;
}

export interface ExportBuilder {
  /** the workbook's name in the file name: "<plan title>-<name>[-<month>].xlsx" */
  name: string;
  /** an ExcelJS workbook, or plain sheets for the direct writer (big tables: xlsx-writer.ts) */
  build(ctx: ServiceContext, req: ExportRequest): ExcelJS.Workbook | SheetDoc | Promise<ExcelJS.Workbook>;
  /** the month used when the caller names none (it then also goes into the file name) */
  defaultMonth?(ctx: ServiceContext): string;
}

export const EXPORT_BUILDERS: Record<ExportKind, ExportBuilder> = {
  annex: { name: '附件1 重点项目清单明细', build: (ctx, { plan }) => buildAnnexWorkbook(plan, listProjects(ctx.db, plan.id)) },
  summary: { name: '重点项目清单', build: (ctx, { plan }) => buildSummaryWorkbook(plan, listProjects(ctx.db, plan.id)) },
  gantt: { name: '项目进度甘特图', build: (ctx, { plan }) => buildGanttWorkbook(ctx, plan.id) },
  funding: {
    name: '资金构成',
    build: (ctx, { plan }) =>
      buildFundingWorkbook({ plan, projects: listProjects(ctx.db, plan.id), sources: listFundingSources(ctx.db), amounts: planAmounts(ctx, plan.id) }),
  },
  progress: {
    name: '进度月报',
    defaultMonth: (ctx) => defaultReportMonth(ctx.today()),
    build: (ctx, { plan, month }) => buildProgressReportWorkbook(progressReportSheet(ctx, plan.id, month)),
  },
};
