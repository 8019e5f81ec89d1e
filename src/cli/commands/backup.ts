import path from 'node:path';
import { backupDirFor, backupTo, listBackups } from '../../backend/db/backup';
import { BACKUP_KIND_LABELS } from '../../backend/db/backup-names';
import { DEFAULT_RETENTION } from '../../backend/db/backup-retention';
import { formatBytes } from '../../backend/db/disk-space';
import { ApiError } from '../../domain/api/errors';
import { stringFlag, UsageError } from '../args';
import type { CliCommand, CliIO } from './types';

/** Pads to a width in terminal columns: a Chinese character takes two. */
function padColumns(text: string, width: number): string {
  const used = [...text].reduce((n, ch) => n + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  return text + ' '.repeat(Math.max(0, width - used));
}

function printList(io: CliIO): void {
  const dir = backupDirFor(io.dbPath);
  const backups = listBackups(io.dbPath);
  if (backups.length === 0) {
    io.out(`还没有 ${path.basename(io.dbPath)} 的自动备份（文件夹 ${dir}）。`);
    return;
  }
  io.out(`${path.basename(io.dbPath)} 的自动备份（文件夹 ${dir}），从新到旧：`);
  io.out(`${padColumns('类型', 6)}  ${padColumns('时间', 19)}  ${padColumns('大小', 9)}  文件`);
  for (const b of backups) {
    io.out(`${padColumns(BACKUP_KIND_LABELS[b.kind], 6)}  ${b.at.replace('T', ' ')}  ${padColumns(formatBytes(b.size), 9)}  ${b.name}`);
  }
  const total = backups.reduce((sum, b) => sum + b.size, 0);
  const r = DEFAULT_RETENTION;
  io.out(`共 ${backups.length} 个，${formatBytes(total)}。`);
  io.out(
    `保留规则：每日备份保留最近 ${r.daily} 天、${r.weekly} 周、${r.monthly} 个月各一份；导入前、恢复前的备份各保留最近 ${r.events.import}、${r.events.restore} 份。`,
  );
  io.out('恢复：npm run tracker -- restore 文件名');
}

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: '用 SQLite 在线备份接口备份数据库；--list 列出自动备份',
  usage: 'backup --out FILE | backup --list [--db PATH]',
  valueFlags: ['out'],
  boolFlags: ['list'],
  async run(args, io) {
    const out = stringFlag(args, 'out');
    const list = args.flags.has('list');
    if (args.positionals.length > 0) throw new UsageError(`多余的参数：${args.positionals.join(' ')}`);
    if (list && out) throw new UsageError('--list 与 --out 只能用一个');
    if (list) {
      // reads the folder only: works even when the database itself cannot be opened
      printList(io);
      return 0;
    }
    if (!out) throw new UsageError('缺少 --out FILE（或用 --list 列出自动备份）');
    const backend = io.openBackend();
    try {
      await backupTo(backend.db, out);
    } catch (e) {
      throw new ApiError('invalid', `备份失败（${out}）：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      backend.close();
    }
    io.out(`已备份到 ${out}`);
    return 0;
  },
};
