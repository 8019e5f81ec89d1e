// Runs readAndParse in a worker thread and relays its progress. Where no worker can start
// (no entry file beside the bundle, no TypeScript loader), it parses in this thread and
// says so once in the log: slower to answer other requests meanwhile, but never wrong.
//
// Where the worker entry is looked for, first found wins:
//   TRACKER_PARSE_WORKER=<file>  an explicit entry ('off' = always parse in this thread)
//   ./parse-worker.js, ../parse-worker.js   the electron-vite build (out/main/parse-worker.js)
//   ./parse-worker.ts            from source, under tsx / vitest: loaded through tsx's
//                                CommonJS hook (`--import tsx` does not reach workers on Node 20)
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ApiError } from '../../domain/api/errors';
import type { ImportKind } from '../../domain/api/xlsx';
import type { ProgressReporter } from '../context';
import type { ParsedWorkbook, RowsSink } from './kind';
import { isWorkerMessage, type JobMessage } from './parse-messages';
import { readAndParse } from './read-and-parse';

/** The worker's heap cap: a hostile file that slips past the zip guard kills the worker, not the app. */
const WORKER_HEAP_MB = 1536;

export type WorkerEntry = { kind: 'js'; url: URL } | { kind: 'ts'; file: string; tsxApi: string };

function tsxCjsApi(): string | null {
  try {
    return createRequire(import.meta.url).resolve('tsx/cjs/api');
  } catch {
    return null;
  }
}

function entryFor(url: URL): WorkerEntry | null {
  const file = fileURLToPath(url);
  if (!fs.existsSync(file)) return null;
  if (!file.endsWith('.ts')) return { kind: 'js', url };
  const tsxApi = tsxCjsApi();
  return tsxApi ? { kind: 'ts', file, tsxApi } : null;
}

function startWorker(entry: WorkerEntry): Worker {
  const options = { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
  if (entry.kind === 'js') return new Worker(entry.url, options);
  const script = `require(${JSON.stringify(entry.tsxApi)}).register();\nrequire(${JSON.stringify(entry.file)});`;
  return new Worker(script, { ...options, eval: true });
}

/** The worker entry to start, or null to parse in this thread. */
export function parseWorkerEntry(env: NodeJS.ProcessEnv = process.env): WorkerEntry | null {
  const explicit = env.TRACKER_PARSE_WORKER;
  if (explicit === 'off') return null;
  if (explicit) return entryFor(pathToFileURL(path.resolve(explicit)));
  // names in variables: bundlers rewrite `new URL('literal', import.meta.url)` as assets
  const names = ['./parse-worker.js', '../parse-worker.js', './parse-worker.ts'];
  for (const name of names) {
    const entry = entryFor(new URL(name, import.meta.url));
    if (entry) return entry;
  }
  return null;
}

let warned = false;
function warnInThread(reason: string): void {
  if (warned) return;
  warned = true;
  console.warn(`[import] 无法启动解析工作线程（${reason}），改在主线程中解析工作簿`);
}

function workerFailure(fileName: string, detail: string): ApiError {
  const message = `读取文件 ${fileName} 时解析线程意外退出（${detail}），数据库未作任何改动。文件可能过大或已损坏。`;
  return new ApiError('bad_file', message, [{ file: fileName, message }]);
}

interface Request {
  kind: ImportKind;
  bytes: Buffer;
  fileName: string;
  progress: ProgressReporter | undefined;
  onRows: RowsSink | undefined;
  /** the rows sent ahead so far, in order */
  ahead: unknown[];
  resolve: (parsed: ParsedWorkbook) => void;
  reject: (e: unknown) => void;
}

/** A worker is kept this long after its last file, so a preview right after another starts at once. */
const IDLE_MS = 60_000;

/**
 * One worker, started on the first file and reused; it is unref'd while idle (it never keeps
 * a CLI run alive) and ends after IDLE_MS without work or when it fails.
 */
class ParseHost {
  private readonly worker: Worker;
  private ready = false;
  private dead = false;
  private nextId = 1;
  private readonly requests = new Map<number, Request>();
  private idle: NodeJS.Timeout | null = null;

  constructor(entry: WorkerEntry, private readonly onGone: (h: ParseHost) => void) {
    this.worker = startWorker(entry);
    this.worker.on('message', (m: unknown) => this.onMessage(m));
    this.worker.on('error', (e: Error) => this.fail(e.message));
    this.worker.on('exit', (code) => this.fail(`退出码 ${code}`));
  }

  submit(r: Omit<Request, 'resolve' | 'reject' | 'ahead'>): Promise<ParsedWorkbook> {
    return new Promise<ParsedWorkbook>((resolve, reject) => {
      const id = this.nextId++;
      this.requests.set(id, { ...r, ahead: [], resolve, reject });
      if (this.idle) clearTimeout(this.idle);
      this.idle = null;
      this.worker.ref();
      const message: JobMessage = {
        type: 'job',
        id,
        job: { kind: r.kind, fileName: r.fileName, bytes: new Uint8Array(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength) },
      };
      this.worker.postMessage(message);
    });
  }

  stop(): void {
    this.dead = true;
    this.onGone(this);
    void this.worker.terminate();
  }

  private onMessage(m: unknown): void {
    if (!isWorkerMessage(m)) return;
    if (m.type === 'ready') {
      this.ready = true;
      return;
    }
    const r = this.requests.get(m.id);
    if (!r) return;
    if (m.type === 'progress') {
      r.progress?.(m.phase, m.done, m.total);
      return;
    }
    if (m.type === 'rows') {
      for (const row of m.rows) r.ahead.push(row);
      r.onRows?.(m.rows);
      return;
    }
    this.requests.delete(m.id);
    if (m.type === 'error') r.reject(ApiError.fromBody(m.error));
    else if (m.sent !== r.ahead.length) r.reject(workerFailure(r.fileName, `行数不符：${m.sent}/${r.ahead.length}`));
    // the same row objects onRows saw, then the rest
    else r.resolve(r.ahead.length === 0 ? m.parsed : { ...m.parsed, rows: r.ahead.concat(m.parsed.rows) });
    if (this.requests.size === 0) this.rest();
  }

  private rest(): void {
    this.worker.unref();
    this.idle = setTimeout(() => this.stop(), IDLE_MS);
    this.idle.unref();
  }

  /** The worker died or could not start: before 'ready' the files are parsed here instead. */
  private fail(detail: string): void {
    if (this.idle) clearTimeout(this.idle);
    const wasReady = this.ready;
    const pending = [...this.requests.values()];
    this.requests.clear();
    if (!this.dead) {
      this.dead = true;
      this.onGone(this);
    }
    if (!wasReady && pending.length > 0) warnInThread(detail);
    for (const r of pending) {
      if (wasReady) r.reject(workerFailure(r.fileName, detail));
      else readAndParse(r.kind, r.bytes, r.fileName, r.progress, r.onRows).then(r.resolve, r.reject);
    }
  }
}

let host: ParseHost | null = null;

/**
 * Reads and parses a workbook off the main thread; progress is relayed as it comes, and the
 * rows the parser sends ahead go to `onRows` (the resolved rows begin with those very objects).
 */
export function parseOffThread(kind: ImportKind, bytes: Buffer, fileName: string, progress?: ProgressReporter, onRows?: RowsSink): Promise<ParsedWorkbook> {
  if (!host) {
    const entry = parseWorkerEntry();
    if (!entry) {
      // chosen ('off': a one-shot process gains nothing from a thread), or not found: say so
      if (process.env.TRACKER_PARSE_WORKER !== 'off') warnInThread('找不到工作线程入口文件');
      return readAndParse(kind, bytes, fileName, progress, onRows);
    }
    try {
      host = new ParseHost(entry, (gone) => {
        if (host === gone) host = null;
      });
    } catch (e) {
      warnInThread(e instanceof Error ? e.message : String(e));
      return readAndParse(kind, bytes, fileName, progress, onRows);
    }
  }
  return host.submit({ kind, bytes, fileName, progress, onRows });
}

/** Ends the parse worker now (an app quitting); the next file starts a new one. */
export function stopParseWorker(): void {
  host?.stop();
}
