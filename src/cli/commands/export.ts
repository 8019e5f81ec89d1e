import fs from 'node:fs';
import path from 'node:path';
import { exportKinds, monthSchema, type ExportKind } from '../../domain/api/xlsx';
import { ApiError } from '../../domain/api/errors';
import { stringFlag, UsageError } from '../args';
import { planFlag } from '../plan-arg';
import type { CliCommand } from './types';

function isKind(s: string | undefined): s is ExportKind {
  return (exportKinds as readonly string[]).includes(s ?? '');
}

export const exportCommand: CliCommand = {
  name: 'export',
  summary: '导出附件1明细、重点项目清单、甘特图、资金构成或进度月报为 Excel 工作簿',
  usage: 'export annex|summary|gantt|funding|progress --out FILE.xlsx [--plan ID|TITLE] [--month YYYY-MM] [--db PATH]',
  valueFlags: ['out', 'plan', 'month'],
  async run(args, io) {
    const kind = args.positionals[0];
    if (!isKind(kind) || args.positionals.length > 1) throw new UsageError('请指定要导出的内容：annex、summary、gantt、funding 或 progress');
    const out = stringFlag(args, 'out');
    if (!out) throw new UsageError('缺少 --out FILE.xlsx');
    const month = stringFlag(args, 'month');
    if (month !== undefined && !monthSchema.safeParse(month).success) throw new UsageError(`选项 --month 应为 YYYY-MM，收到「${month}」`);
    const backend = io.openBackend();
    try {
      const planId = await planFlag(args, backend.send);
      const file = await backend.send('xlsx.export', {
        kind,
        ...(planId !== undefined ? { planId } : {}),
        ...(month !== undefined ? { month } : {}),
      });
      try {
        fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
        fs.writeFileSync(out, Buffer.from(file.base64, 'base64'));
      } catch (e) {
        throw new ApiError('invalid', `无法写入 ${out}：${e instanceof Error ? e.message : String(e)}`);
      }
      io.out(`已导出 ${out}`);
      return 0;
    } finally {
      backend.close();
    }
  },
};
