// The register bench's server: the real backend and HTTP server (startBackend + startServer,
// exactly what `npm run serve` runs) in a child process, on a given database, serving a web
// build made for this run in a temp folder (so the bench never races another build of dist-web).
//
//   parent: const web = await buildWeb(); const s = await startBenchServer({ dbPath, webRoot: web, today });
//   child:  tsx bench/register-server.ts --db PATH --web DIR [--today YYYY-MM-DD]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { spawnServer } from '../tests/e2e/server-process';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const self = fileURLToPath(import.meta.url);

/** The browser-mode UI built with the app's own Vite config, into a fresh temp folder. */
export async function buildWeb(): Promise<string> {
  const { build } = await import('vite');
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'register-bench-web-'));
  await build({
    configFile: path.join(root, 'vite.web.config.ts'),
    logLevel: 'error',
    // BENCH_MINIFY=0 keeps names readable for profiling
    build: { outDir, emptyOutDir: true, minify: process.env.BENCH_MINIFY !== '0' },
  });
  return outDir;
}

export interface BenchServer {
  url: string;
  stop(): Promise<void>;
}

export function startBenchServer(opts: { dbPath: string; webRoot: string; today: string }): Promise<BenchServer> {
  return spawnServer([self, '--db', opts.dbPath, '--web', opts.webRoot, '--today', opts.today]);
}

async function serveChild(): Promise<void> {
  const { values } = parseArgs({ options: { db: { type: 'string' }, web: { type: 'string' }, today: { type: 'string' } } });
  if (!values.db || !values.web) throw new Error('usage: tsx bench/register-server.ts --db PATH --web DIR [--today YYYY-MM-DD]');
  const { startBackend } = await import('../src/backend/backend');
  const { startServer } = await import('../src/server/server');
  const today = values.today;
  const backend = await startBackend({ dbPath: values.db, ...(today ? { today: () => today } : {}), log: () => undefined });
  const server = await startServer(backend, { port: 0, webRoot: values.web });
  process.stdout.write(`${server.url}\n`);
  process.on('SIGTERM', () => {
    void server.close().then(() => {
      backend.close();
      process.exit(0);
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === self) {
  serveChild().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
