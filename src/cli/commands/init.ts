import { inspectDatabaseFile } from '../../backend/db/open-checks';
import type { CliCommand } from './types';

export const initCommand: CliCommand = {
  name: 'init',
  summary: '创建数据库（默认填入规划数据；--empty 只建空库）',
  usage: 'init [--empty] [--db PATH]',
  boolFlags: ['empty'],
  async run(args, io) {
    const before = inspectDatabaseFile(io.dbPath).state;
    const existed = before !== 'missing' && before !== 'empty' && before !== 'blank';
    // init alone may turn an empty file (0 bytes, or SQLite without tables) into a database
    const backend = io.openBackend({ seed: !args.flags.has('empty'), create: 'init' });
    try {
      const plans = await backend.send('plans.list', {});
      io.out(existed ? `数据库已存在：${io.dbPath}（${plans.length} 个规划），未作改动` : `已创建数据库：${io.dbPath}（${plans.length} 个规划）`);
      return 0;
    } finally {
      backend.close();
    }
  },
};
