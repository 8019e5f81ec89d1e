// Opens the database and exposes the handler table through one `call`, which every
// transport uses: input validated by the contract's zod schema, errors as ApiError.
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { apiSchemas, isApiMethod, type ApiMethod, type ApiOutput, type Send } from '../domain/api/contract';
import { ApiError, type Issue } from '../domain/api/errors';
import type { Door } from '../domain/model';
import { localDate, systemClock, type Clock } from './clock';
import type { ProgressReporter, ServiceContext } from './context';
import { dailyBackup, type BackupWriter } from './db/backup';
import { openDatabase, type CreateMode } from './db/connection';
import { isSqliteError, mapSqliteError, readOnlyMessage } from './db/sqlite-errors';
import { handlers } from './handlers';
import type { Handler } from './handlers/types';
import { ensureSeeded, isEmptyDatabase } from './seed/load-seed';

export interface BackendOptions {
  dbPath: string;
  user?: string;
  nativeBinding?: string;
  /** seed the plan into a new database (default true); reference data is always seeded */
  seed?: boolean;
  /** fixed "today" for tests (default: the clock's local date) */
  today?: () => string;
  /** the wall clock for backups (and the default today); tests inject fixedClock */
  clock?: Clock;
  /** which files may become a new database; see CreateMode (default: only a missing path) */
  create?: CreateMode;
  /** whether the database file may be written (default: fs.accessSync W_OK); tests inject it */
  isWritable?: (file: string) => boolean;
  /** how startBackend writes the daily backup; tests inject a full disk */
  writeBackup?: BackupWriter;
  /** where startup warnings are logged (default: console.warn) */
  log?: (line: string) => void;
  /** integrity_check before anything is written (startBackend sets it) */
  verifyIntegrity?: boolean;
}

/** Per-call extras a transport can give (the CLI's progress printer). */
export interface CallOptions {
  progress?: ProgressReporter;
}

export interface Backend {
  call(method: string, input: unknown, door: Door, options?: CallOptions): Promise<unknown>;
  send: Send;
  /** send, with per-call options: e.g. backend.sendWith({ progress })('xlsx.importApply', …) */
  sendWith(options: CallOptions): Send;
  ctxFor(door: Door): ServiceContext;
  db: Database.Database;
  /** opened read-only (the file or its folder cannot be written): reads work, writes are refused */
  readOnly: boolean;
  /** problems met at start that did not stop it; also in meta.get */
  warnings: string[];
  close(): void;
}

function currentUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}

export function zodIssues(error: z.ZodError): Issue[] {
  return error.issues.map((i) => {
    const field = i.path.filter((p) => p !== 'patch').map(String).join('.');
    return field ? { field, message: i.message } : { message: i.message };
  });
}

export function openBackend(options: BackendOptions): Backend {
  const db = openDatabase(options.dbPath, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.create ? { create: options.create } : {}),
    ...(options.isWritable ? { isWritable: options.isWritable } : {}),
    ...(options.verifyIntegrity ? { verifyIntegrity: true } : {}),
  });
  try {
    // a read-only database is shown as it is; seeding would be a write
    // IMMEDIATE: the emptiness check and the seeding are one step, even with two doors starting at once
    if (!db.readonly && isEmptyDatabase(db)) db.transaction(() => ensureSeeded(db, options.seed ?? true)).immediate();
  } catch (e) {
    db.close();
    const mapped = mapSqliteError(e, options.dbPath);
    if (mapped instanceof ApiError || !isSqliteError(e)) throw mapped;
    throw new ApiError(
      'conflict',
      `数据库 ${options.dbPath} 无法读取（${e instanceof Error ? e.message : String(e)}），可能已损坏。请从 backups 文件夹中的备份恢复（npm run tracker -- restore 备份文件）。`,
    );
  }
  const user = options.user ?? currentUser();
  const clock = options.clock ?? systemClock;
  const today = options.today ?? (() => localDate(clock));
  const dataDir = path.dirname(path.resolve(options.dbPath));
  const warnings: string[] = [];
  const ctxFor = (door: Door): ServiceContext => ({ db, dbPath: options.dbPath, dataDir, user, door, today, clock, startupWarnings: warnings });

  async function call(method: string, input: unknown, door: Door, callOptions: CallOptions = {}): Promise<unknown> {
    if (!isApiMethod(method)) throw new ApiError('not_found', `未知的接口：${method}`);
    return dispatch(method, input, door, callOptions);
  }

  async function dispatch<M extends ApiMethod>(method: M, input: unknown, door: Door, callOptions: CallOptions = {}): Promise<ApiOutput<M>> {
    const parsed = apiSchemas[method].safeParse(input ?? {});
    if (!parsed.success) {
      const issues = zodIssues(parsed.error);
      throw new ApiError('invalid', issues.map((i) => i.message).join('；'), issues);
    }
    // The table is keyed by method; TypeScript cannot correlate the key with its entry here.
    const handler = handlers[method] as unknown as Handler<M>;
    try {
      const ctx = callOptions.progress ? { ...ctxFor(door), progress: callOptions.progress } : ctxFor(door);
      return await handler(parsed.data as Parameters<Handler<M>>[0], ctx);
    } catch (e) {
      // a write on a read-only database, a full disk: a message to act on, not "internal"
      throw mapSqliteError(e, options.dbPath);
    }
  }

  const send: Send = (method, input) => dispatch(method, input, 'cli');
  const sendWith = (callOptions: CallOptions): Send => (method, input) => dispatch(method, input, 'cli', callOptions);

  return { call, send, sendWith, ctxFor, db, readOnly: db.readonly, warnings, close: () => db.close() };
}

/**
 * The desktop app's and browser mode's start: open, verify integrity before anything is
 * written (refusing a damaged file rather than writing into it), then take the day's
 * automatic backup. A backup that fails (a full disk) does not stop the start: it becomes
 * a warning, logged and in meta.get.
 */
export async function startBackend(options: BackendOptions): Promise<Backend> {
  const backend = openBackend({ ...options, verifyIntegrity: true });
  const log = options.log ?? ((line: string) => console.warn(line));
  if (backend.readOnly) {
    log(readOnlyMessage(options.dbPath));
    return backend;
  }
  try {
    await dailyBackup(backend.ctxFor('ui'), options.writeBackup ? { writer: options.writeBackup } : {});
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    backend.warnings.push(`今天的自动备份未能完成，程序照常运行。${why}`);
  }
  for (const w of backend.warnings) log(w);
  return backend;
}
