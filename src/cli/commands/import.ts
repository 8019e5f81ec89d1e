import fs from 'node:fs';
import path from 'node:path';
import { ApiError, describeIssue } from '../../domain/api/errors';
import { importKinds, IMPORT_KIND_LABELS, monthSchema, type ImportKind, type ImportPreview } from '../../domain/api/xlsx';
import { stringFlag, UsageError } from '../args';
import type { CliCommand, CliIO } from './types';

const LIST_LIMIT = 50;

function isImportKind(s: string | undefined): s is ImportKind {
  return (importKinds as readonly string[]).includes(s ?? '');
}

export function printPreview(p: ImportPreview, io: Pick<CliIO, 'out'>): void {
  io.out(`文件：${p.fileName}　工作表：${p.sheet}`);
  if (p.kind === 'annex') {
    io.out(p.planId === null ? `导入到：新建规划「${p.planTitle}」` : `导入到：现有规划「${p.planTitle}」（编号 ${p.planId}）`);
    io.out(`新增 ${p.added.length} 项，修改 ${p.changed.length} 项，不变 ${p.unchanged.length} 项`);
    for (const a of p.added.slice(0, LIST_LIMIT)) io.out(`  + ${a.seq} ${a.name}`);
    if (p.added.length > LIST_LIMIT) io.out(`  …另有 ${p.added.length - LIST_LIMIT} 个新增项目`);
    for (const c of p.changed.slice(0, LIST_LIMIT)) {
      io.out(`  ~ ${c.seq} ${c.name}`);
      for (const f of c.changes) io.out(`      ${f.label}：${f.oldValue} → ${f.newValue}`);
    }
    if (p.changed.length > LIST_LIMIT) io.out(`  …另有 ${p.changed.length - LIST_LIMIT} 个修改的项目`);
    for (const s of p.sites.added.slice(0, LIST_LIMIT)) io.out(`  + 建设点 ${s.projectSeq} ${s.projectName}：${s.site}`);
    for (const s of p.sites.archived.slice(0, LIST_LIMIT)) io.out(`  - 建设点归档 ${s.projectSeq} ${s.projectName}：${s.site}`);
  } else {
    io.out(`导入到：${p.target}`);
    io.out(p.sections.map((s) => `${s.label} ${s.items.length} 项`).join('，'));
    for (const s of p.sections) {
      if (s.key === 'unchanged') continue;
      for (const item of s.items.slice(0, LIST_LIMIT)) {
        io.out(`  ${s.label}：${item.title}`);
        for (const f of item.changes) io.out(`      ${f.label}：${f.oldValue} → ${f.newValue}`);
      }
      if (s.items.length > LIST_LIMIT) io.out(`  …另有 ${s.items.length - LIST_LIMIT} 项`);
    }
  }
  for (const w of p.warnings) io.out(`提醒：${describeIssue(w)}`);
}

/** Files from this size get a progress log (a 10,000-row annex is about 1 MB). */
const PROGRESS_FROM_BYTES = 256 * 1024;

/** Progress on stderr, at most once per step and 10 %: a log, not an animation. */
function progressPrinter(io: Pick<CliIO, 'err'>): (phase: string, done: number, total: number, percent?: number) => void {
  let last = '';
  return (phase, _done, _total, percent) => {
    if (percent === undefined) return;
    const line = `${phase}… ${Math.floor(percent / 10) * 10}%`;
    if (line === last) return;
    last = line;
    io.err(line);
  };
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: '导入附件1、资金构成或进度月报（先预览；不加 --dry-run 时备份后一次写入）',
  usage: 'import annex|funding|progress FILE.xlsx [--dry-run] [--plan TITLE|ID] [--month YYYY-MM] [--db PATH]',
  valueFlags: ['plan', 'month'],
  boolFlags: ['dry-run'],
  async run(args, io) {
    const [kind, file, ...extra] = args.positionals;
    if (!isImportKind(kind) || !file || extra.length > 0) throw new UsageError('用法：import annex|funding|progress FILE.xlsx');
    const month = stringFlag(args, 'month');
    if (month !== undefined && !monthSchema.safeParse(month).success) throw new UsageError(`选项 --month 应为 YYYY-MM，收到「${month}」`);
    const fileName = path.basename(file);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      throw new ApiError('bad_file', `找不到或无法读取文件 ${file}`);
    }
    const planTitle = stringFlag(args, 'plan');
    const backend = io.openBackend();
    try {
      // through the one handler table, like every other door; progress comes back by callback
      const send = bytes.length >= PROGRESS_FROM_BYTES ? backend.sendWith({ progress: progressPrinter(io) }) : backend.send;
      const preview = await send('xlsx.importPreview', {
        kind,
        fileName,
        base64: bytes.toString('base64'),
        ...(planTitle !== undefined ? { planTitle } : {}),
        ...(month !== undefined ? { month } : {}),
      });
      printPreview(preview, io);
      if (args.flags.has('dry-run')) {
        io.out('（试运行：未写入任何数据）');
        return 0;
      }
      const result = await send('xlsx.importApply', { token: preview.token });
      const where = result.planId !== null ? `规划编号 ${result.planId}` : IMPORT_KIND_LABELS[kind];
      io.out(`已导入到${where}：${result.summary}`);
      if (result.backupPath) io.out(`导入前的备份：${result.backupPath}`);
      for (const w of result.warnings) io.err(`提醒：${w}`);
      return 0;
    } finally {
      backend.close();
    }
  },
};
