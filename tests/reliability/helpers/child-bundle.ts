// Child processes for the reliability tests, bundled once with esbuild (tsx's own compiler)
// into plain ES modules: a child then starts in a fraction of the time `tsx` takes, which
// matters when a test starts twenty of them. Dependencies stay external (node_modules), so
// the bundle lives under node_modules/.cache, where they resolve.
import { buildSync } from 'esbuild';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** Bundles `entries` (name → source file) into a fresh folder; returns the folder. */
export function bundleChildren(entries: Record<string, string>): string {
  const outdir = path.join(ROOT, 'node_modules', '.cache', 'tracker-reliability', randomUUID());
  fs.mkdirSync(outdir, { recursive: true });
  // under node_modules no package.json says "module": say it here, for the .js outputs
  fs.writeFileSync(path.join(outdir, 'package.json'), '{ "type": "module" }\n');
  buildSync({
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, path.resolve(ROOT, file)])),
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  return outdir;
}

/** Environment of a bundled child: the seed data is found by path, not beside the bundle. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, TRACKER_RESOURCES: path.join(ROOT, 'resources'), ...extra };
}

export function startChild(file: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [file, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Calls `onLine` for each stdout line as it arrives. */
export function onLines(child: ChildProcess, onLine: (line: string) => void): void {
  let buf = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    buf += chunk;
    for (let i = buf.indexOf('\n'); i !== -1; i = buf.indexOf('\n')) {
      onLine(buf.slice(0, i));
      buf = buf.slice(i + 1);
    }
  });
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

export function exited(child: ChildProcess): Promise<Exit> {
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (c: string) => {
    stderr += c;
  });
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
}
