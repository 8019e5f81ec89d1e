import { backupTo } from '../../backend/db/backup';
import { ApiError } from '../../domain/api/errors';
import { stringFlag, UsageError } from '../args';
import type { CliCommand } from './types';

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: '用 SQLite 在线备份接口备份数据库',
  usage: 'backup --out FILE [--db PATH]',
  valueFlags: ['out'],
  async run(args, io) {
    const out = stringFlag(args, 'out');
    if (!out) throw new UsageError('缺少 --out FILE');
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
