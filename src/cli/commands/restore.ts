import fs from 'node:fs';
import path from 'node:path';
import { backupDirFor } from '../../backend/db/backup';
import { restoreDatabase } from '../../backend/db/restore';
import { UsageError } from '../args';
import type { CliCommand } from './types';

/** A name from `backup --list` is looked up in the backups folder when it is not a path from here. */
function resolveBackup(arg: string, dbPath: string): string {
  if (fs.existsSync(arg)) return arg;
  const inBackups = path.join(backupDirFor(dbPath), arg);
  return fs.existsSync(inBackups) ? inBackups : arg;
}

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: '用备份恢复数据库（先检查备份、备份当前数据库，再整体替换）',
  usage: 'restore FILE [--db PATH]',
  async run(args, io) {
    const [arg, ...extra] = args.positionals;
    if (!arg || extra.length > 0) throw new UsageError('请指定一个备份文件（npm run tracker -- backup --list 可列出备份）');
    const file = resolveBackup(arg, io.dbPath);
    // No connection may be open here: restore checks that no one is using the database.
    const report = await restoreDatabase(io.dbPath, file);
    io.out(`已检查备份 ${report.restoredFrom}：是台账数据库（结构版本 ${report.schemaVersion}），完整性检查通过。`);
    if (report.previousSavedAs) {
      io.out(
        report.previousSavedHow === 'raw'
          ? `当前数据库无法读取，已按原样复制保存到 ${report.previousSavedAs}`
          : `已先备份当前数据库到 ${report.previousSavedAs}`,
      );
    } else {
      io.out(`${io.dbPath} 原先不存在，无需先备份。`);
    }
    for (const f of report.removed) io.out(`已删除旧数据库的日志文件 ${f}`);
    io.out(`已用 ${report.restoredFrom} 替换数据库 ${io.dbPath}。`);
    const backend = io.openBackend({ seed: false, create: 'never' });
    try {
      const plans = await backend.send('plans.list', {});
      io.out(`恢复后的数据库可以打开：${plans.length} 个规划。`);
    } finally {
      backend.close();
    }
    return 0;
  },
};
