// Opens the tracker database with the settings that keep it safe. The file is looked at
// read-only first (open-checks.ts); only then, and only for our own database, does anything
// write to it (journal_mode = WAL changes the header, migrations change the schema).
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../domain/api/errors';
import { describeFreeSpace, isDiskFull } from './disk-space';
import { checkDatabase, damagedMessage } from './integrity';
import { migrate, SCHEMA_VERSION } from './migrations';
import { networkPathProblem } from './network-path';
import { decideOpen, inspectDatabaseFile, isWritablePath, type DbFileState } from './open-checks';

/**
 * 'if-missing' (every door): create the database only where no file exists.
 * 'init' (`tracker init`): also turn an empty file (0 bytes, or SQLite without tables) into one.
 * 'never' (`check`, `restore`): the file must already be a tracker database.
 */
export type CreateMode = 'if-missing' | 'init' | 'never';

export interface OpenOptions {
  /** Electron-ABI build of better-sqlite3 (the packaged app); tests use the Node build */
  nativeBinding?: string;
  create?: CreateMode;
  /** Whether the file may be written. Injectable: tests run as root, where mode 0444 stops nothing. */
  isWritable?: (file: string) => boolean;
  /** run integrity_check before migrations may write (the app's start); a damaged file is refused */
  verifyIntegrity?: boolean;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function sqliteCode(e: unknown): string {
  return e instanceof Database.SqliteError ? e.code : '';
}

function binding(options: OpenOptions): { nativeBinding?: string } {
  return options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
}

/** A read-only database is opened as such: reading works, every write fails with SQLITE_READONLY. */
function openReadOnly(file: string, state: DbFileState, options: OpenOptions): Database.Database {
  const version = state.state === 'tracker' ? state.version : 0;
  if (version < SCHEMA_VERSION) {
    throw new ApiError(
      'conflict',
      `数据库 ${file} 为只读，且由旧版本程序创建（结构版本 ${version}，需升级到 ${SCHEMA_VERSION}），无法在只读状态下升级。请把它复制到可写的位置，或取消文件的只读属性后再打开。`,
    );
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...binding(options) });
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.prepare('SELECT COUNT(*) FROM schema_migrations').get();
  } catch (e) {
    db?.close();
    throw new ApiError('conflict', `数据库 ${file} 为只读，且无法以只读方式打开（${message(e)}）。如果所在文件夹也是只读的，请把数据库复制到可写的文件夹。`);
  }
  if (options.verifyIntegrity) {
    const check = checkDatabase(db);
    if (!check.ok) {
      db.close();
      throw new ApiError('conflict', damagedMessage(file, check));
    }
  }
  return db;
}

function openReadWrite(file: string, state: DbFileState, options: OpenOptions): Database.Database {
  const db = new Database(file, binding(options));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (options.verifyIntegrity) {
      const check = checkDatabase(db);
      if (!check.ok) throw new ApiError('conflict', damagedMessage(file, check));
    }
    // Only an older file takes the write lock (a reader must not wait for an import to finish);
    // IMMEDIATE, so that two doors upgrading at once do it one after the other.
    if (state.state !== 'tracker' || state.version < SCHEMA_VERSION) db.transaction(() => migrate(db)).immediate();
    else migrate(db); // checks the ledger again: refuses a file a newer version upgraded meanwhile
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

function errnoCode(e: unknown): string {
  return e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : '';
}

/**
 * A new database is built under a temporary name and linked into place only when complete,
 * so no door ever sees a half-made (0-byte, table-less) database at the path, and a crash
 * during the first start leaves nothing there. If another door created it first, theirs stays.
 */
function createDatabase(file: string, options: OpenOptions): void {
  const dir = path.dirname(path.resolve(file));
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.new-${process.pid}-${Date.now()}`);
  try {
    const db = new Database(tmp, binding(options));
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.transaction(() => migrate(db)).immediate();
    } finally {
      db.close(); // checkpoints and removes the temporary -wal
    }
    try {
      fs.linkSync(tmp, file); // atomic, and fails if the path exists meanwhile
    } catch (e) {
      const code = errnoCode(e);
      if (code === 'EEXIST') return;
      // file systems without hard links (FAT32): a rename, after one more look
      if (fs.existsSync(file)) return;
      fs.renameSync(tmp, file);
    }
  } finally {
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
  }
}

function openFailure(file: string, e: unknown, creating: boolean): ApiError {
  if (e instanceof ApiError) return e;
  if (isDiskFull(e)) {
    return new ApiError('conflict', `磁盘空间不足，无法${creating ? '创建' : '打开'}数据库 ${file}：${describeFreeSpace(path.dirname(path.resolve(file)))}。请清理磁盘空间后重试。`);
  }
  if (creating) return new ApiError('invalid', `无法创建数据库 ${file}：${message(e)}`);
  return new ApiError('invalid', `${file} 不是可用的台账数据库：${message(e)}`);
}

export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  const problem = networkPathProblem(path.resolve(file));
  if (problem) throw new ApiError('invalid', problem);
  const create = options.create ?? 'if-missing';
  let state = inspectDatabaseFile(file, options.nativeBinding);
  if (state.state === 'missing') {
    if (create === 'never') throw new ApiError('not_found', `找不到数据库文件 ${file}`);
    try {
      createDatabase(file, options);
    } catch (e) {
      throw openFailure(file, e, true);
    }
    state = inspectDatabaseFile(file, options.nativeBinding);
  }
  const decision = decideOpen(file, state, create === 'init');
  if (!decision.ok) throw new ApiError(state.state === 'tracker' ? 'conflict' : 'bad_file', decision.refusal ?? `${file} 不是可用的台账数据库`);

  if (!(options.isWritable ?? isWritablePath)(file)) return openReadOnly(file, state, options);
  try {
    return openReadWrite(file, state, options);
  } catch (e) {
    // The access check can miss a read-only file (attributes, mounts): SQLite has the last word.
    if (state.state === 'tracker' && /^SQLITE_(READONLY|CANTOPEN)/.test(sqliteCode(e))) return openReadOnly(file, state, options);
    throw openFailure(file, e, false);
  }
}
