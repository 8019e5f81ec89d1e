// `npm run serve -- [--db PATH] [--port N] [--today YYYY-MM-DD]`: browser mode on http://127.0.0.1.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiError } from '../domain/api/errors';
import { UsageError } from '../shared/command-line';
import { installProcessGuards } from './process-guard';
import { parseServeArgs, SERVE_USAGE, type ServeArgs } from './serve-args';

async function main(): Promise<number> {
  let args: ServeArgs;
  try {
    args = parseServeArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n${SERVE_USAGE}\n`);
      return 2;
    }
    throw e;
  }
  // loaded after the arguments are checked: a usage error answers at once
  const [{ startBackend }, { defaultDbPath }, { startServer }] = await Promise.all([
    import('../backend/backend'),
    import('../backend/app-paths'),
    import('./server'),
  ]);
  const dbPath = args.db ?? defaultDbPath();
  const today = args.today ?? process.env.TRACKER_TODAY;
  const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist-web');
  try {
    const backend = await startBackend({ dbPath, ...(today ? { today: () => today } : {}) });
    const server = await startServer(backend, { port: args.port, webRoot });
    installProcessGuards();
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
      process.stderr.write(`端口 ${args.port} 已被占用，请用 --port 指定其他端口\n`);
      return 1;
    }
    // unexpected: a Chinese line first, then the details for whoever fixes it
    process.stderr.write(`启动失败：${e instanceof Error ? e.message : String(e)}\n`);
    console.error(e);
    return 1;
  }
}

const code = await main();
if (code >= 0) process.exitCode = code;
