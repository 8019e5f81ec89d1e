// `tracker restore FILE`: put a backup back in place of the database.
// Order matters, so that every failure leaves the current database as it was:
//   1. check the backup (a tracker database, not newer, integrity_check ok) — read-only;
//   2. make sure no one has the database open (the app, serve mode), then back it up;
//   3. copy the backup to a temporary file in the database's folder (the online backup API,
//      so a backup with its own -wal is copied whole), check the copy, and rename it over the
//      database (a rename within one folder is atomic); stale -wal/-shm/-journal files of the
//      old database are removed first, as SQLite would otherwise apply them to the new file.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../domain/api/errors';
import { systemClock, type Clock } from '../clock';
import { backupDirFor, backupTo, pruneBackups } from './backup';
import { checkDatabase, summarizeProblems } from './integrity';
import { backupFileName } from './backup-names';
import { decideOpen, inspectDatabaseFile, withReadOnly, withReadOnlyAsync } from './open-checks';

export interface RestoreOptions {
  clock?: Clock;
  nativeBinding?: string;
}

export interface RestoreReport {
  /** the backup that is now the database */
  restoredFrom: string;
  /** schema version of the restored file (an older one is upgraded at the next open) */
  schemaVersion: number;
  /** the database as it was before, or null when there was none */
  previousSavedAs: string | null;
  /** how the previous database was saved: 'online' backup, or a 'raw' byte copy of a file SQLite could not read */
  previousSavedHow: 'online' | 'raw' | null;
  /** stale -wal/-shm/-journal files removed */
  removed: string[];
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Step 1: the backup must be a whole tracker database this program can open. */
export function verifyBackup(file: string, nativeBinding?: string): number {
  const state = inspectDatabaseFile(file, nativeBinding);
  if (state.state === 'missing') throw new ApiError('not_found', `找不到备份文件 ${file}`);
  const decision = decideOpen(file, state, false);
  if (!decision.ok || state.state !== 'tracker') {
    throw new ApiError('bad_file', `无法用 ${file} 恢复：${decision.refusal ?? '它不是台账数据库的备份。'}`);
  }
  if (state.version < 1) throw new ApiError('bad_file', `无法用 ${file} 恢复：它是一个尚未建好的空台账数据库。`);
  const check = withReadOnly(file, checkDatabase, nativeBinding);
  if (!check.ok) throw new ApiError('bad_file', `无法用 ${file} 恢复：备份文件未通过完整性检查（${summarizeProblems(check)}），它已损坏。请换一个备份。`);
  return state.version;
}

function freeBackupPath(dbPath: string, clock: Clock): string {
  const dir = backupDirFor(dbPath);
  const base = path.basename(dbPath, path.extname(dbPath));
  for (let n = 0; ; n++) {
    const file = path.join(dir, backupFileName(base, 'restore', clock.localNow(), n));
    if (!fs.existsSync(file)) return file;
  }
}

/** Step 2. Returns how the current database was saved. */
async function saveCurrent(dbPath: string, clock: Clock, nativeBinding?: string): Promise<{ file: string; how: 'online' | 'raw' } | null> {
  const state = inspectDatabaseFile(dbPath, nativeBinding);
  if (state.state === 'missing') return null;
  if (state.state === 'directory' || state.state === 'foreign') {
    throw new ApiError('bad_file', `不能恢复到 ${dbPath}：${decideOpen(dbPath, state, false).refusal ?? '它不是台账数据库。'}`);
  }
  const file = freeBackupPath(dbPath, clock);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (state.state !== 'tracker') {
    // SQLite cannot read it (damaged, empty): keep its bytes as they are
    fs.copyFileSync(dbPath, file);
    return { file, how: 'raw' };
  }
  const db = new Database(dbPath, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    db.pragma('busy_timeout = 200');
    try {
      // Leaving WAL mode needs the only connection: this fails while the app or serve mode has it open.
      db.pragma('journal_mode = DELETE');
    } catch (e) {
      if (e instanceof Database.SqliteError && e.code.startsWith('SQLITE_BUSY')) {
        throw new ApiError('conflict', `数据库 ${dbPath} 正在被使用（桌面程序或浏览器模式可能开着），请先关闭它们再恢复。数据库未作改动。`);
      }
      throw e;
    }
    await backupTo(db, file);
  } finally {
    db.close();
  }
  return { file, how: 'online' };
}

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // not possible on Windows, where the rename is durable by itself
  }
}

export async function restoreDatabase(dbPath: string, backupFile: string, options: RestoreOptions = {}): Promise<RestoreReport> {
  const clock = options.clock ?? systemClock;
  const target = path.resolve(dbPath);
  const source = path.resolve(backupFile);
  if (source === target) throw new ApiError('invalid', `备份文件就是当前数据库本身（${target}），无需恢复。`);
  const schemaVersion = verifyBackup(source, options.nativeBinding);

  let saved: { file: string; how: 'online' | 'raw' } | null;
  try {
    saved = await saveCurrent(target, clock, options.nativeBinding);
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError('conflict', `恢复前备份当前数据库失败（${message(e)}），未作任何改动。`);
  }

  const dir = path.dirname(target);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(target)}.restore-${process.pid}.tmp`);
  try {
    await withReadOnlyAsync(source, (db) => db.backup(tmp), options.nativeBinding);
    const copy = withReadOnly(tmp, checkDatabase, options.nativeBinding);
    if (!copy.ok) throw new Error('复制出的文件未通过完整性检查');
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new ApiError('conflict', `复制备份失败（${message(e)}），当前数据库未作改动。`);
  }

  const removed: string[] = [];
  for (const suffix of ['-wal', '-shm', '-journal']) {
    const stale = `${target}${suffix}`;
    if (fs.existsSync(stale)) {
      fs.rmSync(stale, { force: true });
      removed.push(stale);
    }
  }
  try {
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new ApiError('conflict', `替换数据库失败（${message(e)}）。原数据库已备份在 ${saved?.file ?? '（无）'}。`);
  }
  fsyncDir(dir);
  pruneBackups(target, clock);
  return { restoredFrom: source, schemaVersion, previousSavedAs: saved?.file ?? null, previousSavedHow: saved?.how ?? null, removed };
}
