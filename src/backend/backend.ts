// Opens the database and exposes the handler table through one `call`, which every
// transport uses: input validated by the contract's zod schema, errors as ApiError.
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { apiSchemas, isApiMethod, type ApiMethod, type ApiOutput, type Send } from '../domain/api/contract';
import { ApiError, type Issue } from '../domain/api/errors';
import type { Door } from '../domain/model';
import type { ServiceContext } from './context';
import { checkDatabase, dailyBackup } from './db/backup';
import { openDatabase } from './db/connection';
import { handlers } from './handlers';
import type { Handler } from './handlers/types';
import { ensureSeeded } from './seed/load-seed';

export interface BackendOptions {
  dbPath: string;
  user?: string;
  nativeBinding?: string;
  /** seed the plan into a new database (default true); reference data is always seeded */
  seed?: boolean;
  /** fixed "today" for tests */
  today?: () => string;
}

export interface Backend {
  call(method: string, input: unknown, door: Door): Promise<unknown>;
  send: Send;
  ctxFor(door: Door): ServiceContext;
  db: Database.Database;
  close(): void;
}

function localToday(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
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
  const db = openDatabase(options.dbPath, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    ensureSeeded(db, options.seed ?? true);
  } catch (e) {
    db.close();
    throw e;
  }
  const user = options.user ?? currentUser();
  const today = options.today ?? localToday;
  const dataDir = path.dirname(path.resolve(options.dbPath));
  const ctxFor = (door: Door): ServiceContext => ({ db, dbPath: options.dbPath, dataDir, user, door, today });

  async function call(method: string, input: unknown, door: Door): Promise<unknown> {
    if (!isApiMethod(method)) throw new ApiError('not_found', `未知的接口：${method}`);
    return dispatch(method, input, door);
  }

  async function dispatch<M extends ApiMethod>(method: M, input: unknown, door: Door): Promise<ApiOutput<M>> {
    const parsed = apiSchemas[method].safeParse(input ?? {});
    if (!parsed.success) {
      const issues = zodIssues(parsed.error);
      throw new ApiError('invalid', issues.map((i) => i.message).join('；'), issues);
    }
    // The table is keyed by method; TypeScript cannot correlate the key with its entry here.
    const handler = handlers[method] as unknown as Handler<M>;
    return handler(parsed.data as Parameters<Handler<M>>[0], ctxFor(door));
  }

  const send: Send = (method, input) => dispatch(method, input, 'cli');

  return { call, send, ctxFor, db, close: () => db.close() };
}

/**
 * The desktop app's and browser mode's start: open, verify integrity (refusing a damaged
 * file rather than writing into it), then take the day's automatic backup.
 */
export async function startBackend(options: BackendOptions): Promise<Backend> {
  const backend = openBackend(options);
  try {
    const check = checkDatabase(backend.db);
    if (!check.ok) {
      throw new ApiError(
        'conflict',
        `数据库完整性检查未通过（${options.dbPath}）：${[...check.integrity, ...check.foreignKeys.map((f) => `${f.table} 外键`)].slice(0, 3).join('；')}。请从 backups 文件夹中的备份恢复。`,
      );
    }
    await dailyBackup(backend.ctxFor('ui'));
    return backend;
  } catch (e) {
    backend.close();
    throw e;
  }
}
