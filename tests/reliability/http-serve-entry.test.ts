// The `npm run serve` entry: its arguments (node:util parseArgs, Chinese usage errors, exit 2),
// and that neither a bad request nor a stray rejected promise ends the real process.
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { intFlag, parseArgs, stringFlag, UsageError } from '../../src/cli/args';
import { parseServeArgs } from '../../src/server/serve-args';
import { tempDir } from '../unit/helpers/temp-db';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');

function usageMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
  throw new Error('expected a UsageError');
}

describe('serve arguments', () => {
  it('reads --db, --port and --today', () => {
    expect(parseServeArgs([])).toEqual({ port: 5178 });
    expect(parseServeArgs(['--db', 'a.db', '--port=0', '--today', '2026-03-01'])).toEqual({ db: 'a.db', port: 0, today: '2026-03-01' });
    expect(parseServeArgs(['--port', '65535']).port).toBe(65535);
  });

  it.each([
    [['--port', 'abc'], '选项 --port 应为 0–65535 之间的整数，收到「abc」'],
    [['--port', '65536'], '选项 --port 应为 0–65535 之间的整数，收到「65536」'],
    [['--port=-1'], '选项 --port 应为 0–65535 之间的整数，收到「-1」'],
    [['--port', '8e3'], '选项 --port 应为 0–65535 之间的整数，收到「8e3」'],
    [['--port', ' 80'], '选项 --port 应为 0–65535 之间的整数，收到「 80」'],
    [['--port'], '选项 --port 需要一个值'],
    [['--port', '--db', 'x'], '选项 --port 需要一个值'],
    [['--db='], '选项 --db 需要一个值'],
    [['--colour'], '未知选项 --colour'],
    [['-p', '80'], '未知选项 -p'],
    [['--__proto__'], '未知选项 --__proto__'],
    [['extra.db'], '多余的参数「extra.db」：此命令只接受选项'],
    [['--today', '2026-3-1'], '选项 --today 应为 YYYY-MM-DD 格式的日期，收到「2026-3-1」'],
  ])('%j is a usage error in Chinese', (argv, message) => {
    expect(usageMessage(() => parseServeArgs(argv))).toBe(message);
  });
});

describe('CLI arguments keep their API on node:util parseArgs', () => {
  const parse = (argv: string[]) => parseArgs(argv, ['db', 'out', 'plan'], ['json', 'dry-run']);

  it('parses values, booleans, = forms, positionals and --', () => {
    const args = parse(['import', '--db', 'a.db', '--out=b.xlsx', '--json', 'x.xlsx', '--', '--not-a-flag']);
    expect(args.positionals).toEqual(['import', 'x.xlsx', '--not-a-flag']);
    expect(stringFlag(args, 'db')).toBe('a.db');
    expect(stringFlag(args, 'out')).toBe('b.xlsx');
    expect(args.flags.get('json')).toBe(true);
    expect(args.flags.has('dry-run')).toBe(false);
    expect(intFlag(parse(['--plan', '7']), 'plan')).toBe(7);
    expect(stringFlag(parse(['--db', 'a', '--db', 'b']), 'db')).toBe('b');
  });

  it.each([
    [['--colour'], '未知选项 --colour'],
    [['-x'], '未知选项 -x'],
    [['--db'], '选项 --db 需要一个值'],
    [['--db', '--json'], '选项 --db 需要一个值'],
    [['--out='], '选项 --out 需要一个值'],
    [['--json=yes'], '选项 --json 不接受值'],
    [['--plan', 'x'], '选项 --plan 应为非负整数，收到「x」'],
    [['--plan', '-3'], '选项 --plan 需要一个值；以 - 开头的值请写成 --plan=-3'],
    [['--plan=-3'], '选项 --plan 应为非负整数，收到「-3」'],
  ])('%j is a usage error in Chinese', (argv, message) => {
    expect(usageMessage(() => intFlag(parse(argv), 'plan'))).toBe(message);
  });
});

interface Exit {
  code: number | null;
  out: string;
  err: string;
}

function run(args: string[], opts: { untilStdout?: RegExp } = {}): Promise<Exit & { kill(): Promise<Exit> }> {
  const child = spawn(args[0] === '--node' ? process.execPath : tsx, args[0] === '--node' ? args.slice(1) : args, {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<Exit>((resolve) => child.on('exit', (code) => resolve({ code, out, err })));
  const kill = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    return exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`timed out: ${out}${err}`));
    }, 25_000);
    if (opts.untilStdout) {
      const pattern = opts.untilStdout;
      child.stdout.on('data', () => {
        if (pattern.test(out)) {
          clearTimeout(timer);
          resolve({ code: null, out, err, kill });
        }
      });
    }
    void exited.then((exit) => {
      clearTimeout(timer);
      resolve({ ...exit, kill });
    });
  });
}

function get(baseURL: string, urlPath: string): Promise<number> {
  const u = new URL(baseURL);
  return new Promise((resolve, reject) => {
    http.get({ host: u.hostname, port: u.port, path: urlPath, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

// concurrent: three child processes start in parallel rather than one after another
describe.concurrent('the serve process', () => {
  it('exits 2 with a Chinese usage message on a bad --port', async () => {
    const r = await run(['src/server/main.ts', '--port', 'abc']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('选项 --port 应为 0–65535 之间的整数，收到「abc」');
    expect(r.err).toContain('用法：npm run serve');
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('keeps running after the request that used to end it', async () => {
    const db = path.join(tempDir('tracker-serve-'), 'tracker.db');
    const server = await run(['src/server/main.ts', '--db', db, '--port', '0', '--today', '2026-01-15'], { untilStdout: /http:\/\/127\.0\.0\.1:\d+\// });
    try {
      expect(server.code).toBeNull();
      const baseURL = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(server.out)?.[1] ?? '';
      expect(await get(baseURL, '/%E0%A4%A')).toBe(400);
      expect(await get(baseURL, '/../dist-web-secret/x')).toBe(404);
      const api = await fetch(new URL('api/register.get', baseURL), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
      expect(api.status).toBe(400);
      const ok = await fetch(new URL('api/register.get', baseURL), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(ok.status).toBe(200);
    } finally {
      const exit = await server.kill();
      expect(exit.err).not.toMatch(/URIError|\n\s+at /);
    }
  });

  it('logs a stray rejected promise or exception and goes on', async () => {
    const guard = path.join(repoRoot, 'src/server/process-guard.ts');
    const script = [
      `const { installProcessGuards } = await import(${JSON.stringify(guard)});`,
      'installProcessGuards();',
      "Promise.reject(new Error('stray rejection'));",
      "setTimeout(() => { throw new Error('stray exception'); }, 5);",
      "setTimeout(() => console.log('still running'), 60);",
    ].join('\n');
    const r = await run(['--node', '--import', 'tsx', '--input-type=module', '-e', script]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('still running');
    expect(r.err).toContain('未处理的 Promise 拒绝（服务继续运行）');
    expect(r.err).toContain('stray rejection');
    expect(r.err).toContain('未捕获的异常（服务继续运行）');
  });
});
