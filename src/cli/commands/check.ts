import { checkDatabase } from '../../backend/db/backup';
import type { CliCommand } from './types';

export const checkCommand: CliCommand = {
  name: 'check',
  summary: '检查数据库完整性（integrity_check 与 foreign_key_check）；拒绝非台账数据库而不改动它',
  usage: 'check [--db PATH]',
  async run(_args, io) {
    // Opening already refuses (unchanged) a foreign, empty, non-SQLite or newer file, naming it.
    const backend = io.openBackend();
    try {
      const r = checkDatabase(backend.db);
      const mode = backend.readOnly ? '（数据库为只读，只能查看）' : '';
      if (r.ok) {
        io.out(`数据库完整性检查通过（integrity_check: ok，外键无异常）：${io.dbPath}${mode}`);
        return 0;
      }
      for (const line of r.integrity.filter((l) => l !== 'ok')) io.err(`完整性问题：${line}`);
      for (const fk of r.foreignKeys) io.err(`外键问题：表 ${fk.table} 第 ${fk.rowid} 行引用的 ${fk.parent} 不存在`);
      io.err(`请用备份恢复：npm run tracker -- backup --list 查看备份，restore 文件名 恢复。`);
      return 1;
    } finally {
      backend.close();
    }
  },
};
