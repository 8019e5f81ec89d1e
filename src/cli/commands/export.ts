import fs from 'node:fs';
import path from 'node:path';
import { exportKinds, type ExportKind } from '../../domain/api/xlsx';
import { ApiError } from '../../domain/api/errors';
import { intFlag, stringFlag, UsageError } from '../args';
import type { CliCommand } from './types';

function isKind(s: string | undefined): s is ExportKind {
  return (exportKinds as readonly string[]).includes(s ?? '');
}

export const exportCommand: CliCommand = {
  name: 'export',
  summary: '导出附件1明细、重点项目清单或甘特图为 Excel 工作簿',
  usage: 'export annex|summary|gantt --out FILE.xlsx [--plan ID] [--db PATH]',
  valueFlags: ['out', 'plan'],
  async run(args, io) {
    const kind = args.positionals[0];
    if (!isKind(kind) || args.positionals.length > 1) throw new UsageError('请指定要导出的内容：annex、summary 或 gantt');
    const out = stringFlag(args, 'out');
    if (!out) throw new UsageError('缺少 --out FILE.xlsx');
    const planId = intFlag(args, 'plan');
    const backend = io.openBackend();
    try {
      const file = await backend.send('xlsx.export', planId === undefined ? { kind } : { kind, planId });
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
