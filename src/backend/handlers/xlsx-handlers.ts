// Spreadsheet import/export over the one handler table; the logic lives in the services.
import { ApiError } from '../../domain/api/errors';
import { exportWorkbook } from '../services/export-service';
import { applyImport, previewImport } from '../services/import-service';
import type { HandlerTable } from './types';

/** Base64 → bytes, refusing text that is not base64 (a JSON/IPC caller's mistake, not a bad file). */
function decodeBase64(base64: string, fileName: string): Buffer {
  const clean = base64.replace(/^data:[^,]*,/, '');
  if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(clean)) throw new ApiError('invalid', `${fileName}：文件内容编码有误（应为 base64）。`);
  return Buffer.from(clean, 'base64');
}

export const xlsxHandlers = {
  'xlsx.export': async ({ kind, planId }, ctx) => {
    const file = await exportWorkbook(ctx, kind, planId);
    return { fileName: file.fileName, base64: file.bytes.toString('base64') };
  },
  'xlsx.importPreview': async ({ fileName, base64, planId, planTitle }, ctx) => {
    const req: Parameters<typeof previewImport>[1] = { fileName, bytes: decodeBase64(base64, fileName) };
    if (planId !== undefined) req.planId = planId;
    if (planTitle !== undefined) req.planTitle = planTitle;
    return previewImport(ctx, req);
  },
  'xlsx.importApply': ({ token }, ctx) => applyImport(ctx, token),
} satisfies HandlerTable<'xlsx.export' | 'xlsx.importPreview' | 'xlsx.importApply'>;
