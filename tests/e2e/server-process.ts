// Starts `src/server/main.ts` on a fresh temporary database and waits for its URL.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ServerHandle {
  baseURL: string;
  dbPath: string;
  dir: string;
  stop(): Promise<void>;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Runs `tsx …args` in the repo and resolves with the first http://127.0.0.1:PORT/ it prints
 * (the e2e server here, the register bench's server in bench/register-server.ts).
 */
export async function spawnServer(args: readonly string[]): Promise<{ url: string; stop(): Promise<void> }> {
  const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
  const child: ChildProcess = spawn(tsx, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}${err}`)), 30_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${err}`));
    });
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function startTestServer(opts: { dbPath?: string; today?: string } = {}): Promise<ServerHandle> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-e2e-'));
  const dbPath = opts.dbPath ?? path.join(dir, 'tracker.db');
  const args = ['src/server/main.ts', '--db', dbPath, '--port', '0'];
  if (opts.today) args.push('--today', opts.today);
  const { url, stop } = await spawnServer(args);
  return { baseURL: url, dbPath, dir, stop };
}
