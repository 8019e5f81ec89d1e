import fs from 'node:fs';
import path from 'node:path';
import type { ImportPreview } from '../../domain/api/xlsx';
import { ApiError, describeIssue } from '../../domain/api/errors';
import { applyImport, previewImport } from '../../backend/services/import-service';
import { stringFlag, UsageError } from '../args';
import type { CliCommand, CliIO } from './types';

const LIST_LIMIT = 50;

export function printPreview(p: ImportPreview, io: Pick<CliIO, 'out'>): void {
  io.out(`文件：${p.fileName}　工作表：${p.sheet}`);
  io.out(p.planId === null ? `导入到：新建规划「${p.planTitle}」` : `导入到：现有规划「${p.planTitle}」（编号 ${p.planId}）`);
  io.out(`新增 ${p.added.length} 项，修改 ${p.changed.length} 项，不变 ${p.unchanged.length} 项`);
  for (const a of p.added.slice(0, LIST_LIMIT)) io.out(`  + ${a.seq} ${a.name}`);
  if (p.added.length > LIST_LIMIT) io.out(`  …另有 ${p.added.length - LIST_LIMIT} 个新增项目`);
  for (const c of p.changed.slice(0, LIST_LIMIT)) {
    io.out(`  ~ ${c.seq} ${c.name}`);
    for (const f of c.changes) io.out(`      ${f.label}：${f.oldValue} → ${f.newValue}`);
  }
  if (p.changed.length > LIST_LIMIT) io.out(`  …另有 ${p.changed.length - LIST_LIMIT} 个修改的项目`);
  for (const w of p.warnings) io.out(`提醒：${describeIssue(w)}`);
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: '导入附件1（先预览；不加 --dry-run 时备份后一次写入）',
  usage: 'import annex FILE.xlsx [--dry-run] [--plan TITLE|ID] [--db PATH]',
  valueFlags: ['plan'],
  boolFlags: ['dry-run'],
  async run(args, io) {
    const [kind, file, ...extra] = args.positionals;
    if (kind !== 'annex' || !file || extra.length > 0) throw new UsageError('用法：import annex FILE.xlsx');
    const fileName = path.basename(file);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      throw new ApiError('bad_file', `找不到或无法读取文件 ${file}`);
    }
    const planTitle = stringFlag(args, 'plan');
    const progress = (phase: string, done: number, total: number): void => {
      if (total > 1000) io.err(`${phase}… ${done}/${total}`);
    };
    const backend = io.openBackend();
    try {
      const ctx = backend.ctxFor('cli');
      const preview = await previewImport(ctx, planTitle ? { fileName, bytes, planTitle } : { fileName, bytes }, progress);
      printPreview(preview, io);
      if (args.flags.has('dry-run')) {
        io.out('（试运行：未写入任何数据）');
        return 0;
      }
      const result = await applyImport(ctx, preview.token, progress);
      io.out(`已导入到规划编号 ${result.planId}：新增 ${result.added} 项，修改 ${result.changed} 项，不变 ${result.unchanged} 项。`);
      if (result.backupPath) io.out(`导入前的备份：${result.backupPath}`);
      return 0;
    } finally {
      backend.close();
    }
  },
};
