// `npm run serve -- [--db PATH] [--port N]`: browser mode on http://127.0.0.1.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBackend } from '../backend/backend';
import { defaultDbPath } from '../backend/app-paths';
import { ApiError } from '../domain/api/errors';
import { intFlag, parseArgs, stringFlag, UsageError } from '../cli/args';
import { startServer } from './server';

const USAGE = '用法：npm run serve -- [--db PATH] [--port N]';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs(process.argv.slice(2), ['db', 'port', 'today'], []);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  const dbPath = stringFlag(args, 'db') ?? defaultDbPath();
  const port = intFlag(args, 'port') ?? 5178;
  const today = stringFlag(args, 'today') ?? process.env.TRACKER_TODAY;
  const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist-web');
  try {
    const backend = await startBackend({ dbPath, ...(today ? { today: () => today } : {}) });
    const server = await startServer(backend, { port, webRoot });
    process.stdout.write(`项目台账已启动：${server.url}\n数据库：${dbPath}\n按 Ctrl+C 停止\n`);
    const stop = () => {
      void server.close().then(() => {
        backend.close();
        process.exit(0);
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return -1;
  } catch (e) {
    if (e instanceof ApiError) {
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    if (e instanceof Error && 'code' in e && e.code === 'EADDRINUSE') {
      process.stderr.write(`端口 ${port} 已被占用，请用 --port 指定其他端口\n`);
      return 1;
    }
    throw e;
  }
}

const code = await main();
if (code >= 0) process.exitCode = code;
