// Exports a plan as a workbook of the asked kind, built by the kind's entry in EXPORT_BUILDERS.
import type { ExportKind } from '../../domain/api/xlsx';
import { safeFileName } from '../../domain/file-name';
import type { ServiceContext } from '../context';
import { getPlan, resolvePlanId } from '../repositories/plans-repo';
import { workbookBuffer } from '../xlsx/annex-export';
import { EXPORT_BUILDERS, type ExportRequest } from './export-builders';

export interface ExportedWorkbook {
  fileName: string;
  bytes: Buffer;
}

export async function exportWorkbook(ctx: ServiceContext, kind: ExportKind, opts: { planId?: number; month?: string } = {}): Promise<ExportedWorkbook> {
  const plan = getPlan(ctx.db, resolvePlanId(ctx.db, opts.planId));
  const builder = EXPORT_BUILDERS[kind];
  const month = opts.month ?? builder.defaultMonth?.(ctx);
  const req: ExportRequest = month !== undefined ? { plan, month } : { plan };
  const wb = await builder.build(ctx, req);
  const fileName = safeFileName(`${plan.title}-${builder.name}${month ? `-${month}` : ''}.xlsx`);
  return { fileName, bytes: await workbookBuffer(wb) };
}
