// Spreadsheet import/export over the one handler table; the logic lives in the services and
// the import pipeline. A jobId given with a preview or apply makes its progress readable by
// xlsx.importProgress (HTTP and IPC callers poll it); ctx.progress (the CLI's) gets it too.
import { ApiError } from '../../domain/api/errors';
import type { ServiceContext } from '../context';
import { bothReporters, finishJob, jobSnapshot, startJob } from '../import/jobs';
import type { ImportOptions } from '../import/kind';
import { applyWorkbook, previewWorkbook } from '../import/pipeline';
import { exportWorkbook } from '../services/export-service';
import type { HandlerTable } from './types';

/** Base64 → bytes, refusing text that is not base64 (a JSON/IPC caller's mistake, not a bad file). */
function decodeBase64(base64: string, fileName: string): Buffer {
  const clean = base64.replace(/^data:[^,]*,/, '');
  if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(clean)) throw new ApiError('invalid', `${fileName}：文件内容编码有误（应为 base64）。`);
  return Buffer.from(clean, 'base64');
}

/** Runs `fn` with the job's progress added to ctx.progress; the job is marked finished however it ends. */
async function withJob<T>(ctx: ServiceContext, jobId: string | undefined, fn: (ctx: ServiceContext) => Promise<T>): Promise<T> {
  if (jobId === undefined) return fn(ctx);
  const progress = bothReporters(ctx.progress, startJob(jobId));
  try {
    return await fn(progress ? { ...ctx, progress } : ctx);
  } finally {
    finishJob(jobId);
  }
}

export const xlsxHandlers = {
  'xlsx.export': async ({ kind, planId, month }, ctx) => {
    const file = await exportWorkbook(ctx, kind, { ...(planId !== undefined ? { planId } : {}), ...(month !== undefined ? { month } : {}) });
    return { fileName: file.fileName, base64: file.bytes.toString('base64') };
  },
  'xlsx.importPreview': ({ kind, fileName, base64, planId, planTitle, month, jobId }, ctx) => {
    const options: ImportOptions = {};
    if (planId !== undefined) options.planId = planId;
    if (planTitle !== undefined) options.planTitle = planTitle;
    if (month !== undefined) options.month = month;
    const bytes = decodeBase64(base64, fileName);
    return withJob(ctx, jobId, (c) => previewWorkbook(c, { kind, fileName, bytes, options }));
  },
  'xlsx.importApply': ({ token, jobId }, ctx) => withJob(ctx, jobId, (c) => applyWorkbook(c, token)),
  'xlsx.importProgress': ({ jobId }) => jobSnapshot(jobId),
} satisfies HandlerTable<'xlsx.export' | 'xlsx.importPreview' | 'xlsx.importApply' | 'xlsx.importProgress'>;
