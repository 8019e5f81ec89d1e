import { checkDatabase } from '../../backend/db/backup';
import type { CliCommand } from './types';

export const checkCommand: CliCommand = {
  name: 'check',
  summary: '检查数据库完整性（integrity_check 与 foreign_key_check）',
  usage: 'check [--db PATH]',
  async run(_args, io) {
    const backend = io.openBackend();
    try {
      const r = checkDatabase(backend.db);
      if (r.ok) {
        io.out('数据库完整性检查通过（integrity_check: ok，外键无异常）');
        return 0;
      }
      for (const line of r.integrity.filter((l) => l !== 'ok')) io.err(`完整性问题：${line}`);
      for (const fk of r.foreignKeys) io.err(`外键问题：表 ${fk.table} 第 ${fk.rowid} 行引用的 ${fk.parent} 不存在`);
      return 1;
    } finally {
      backend.close();
    }
  },
};
