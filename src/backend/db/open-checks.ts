// What a database path holds, decided BEFORE anything is written: the file is read through
// a read-only connection (and its first bytes directly), so a file that is refused keeps
// every byte. `journal_mode = WAL`, migrations and seeding only ever run on a file this
// check calls missing or a tracker database (or, for `init`, an empty one).
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { SCHEMA_VERSION } from './migrations';

export type DbFileState =
  | { state: 'missing' }
  | { state: 'directory' }
  /** 0 bytes */
  | { state: 'empty' }
  /** does not start with the SQLite header */
  | { state: 'not-sqlite' }
  /** a SQLite header, but SQLite cannot read it (damaged, locked, read-only folder) */
  | { state: 'unreadable'; reason: string }
  /** a SQLite database without any table */
  | { state: 'blank' }
  /** someone else's SQLite database */
  | { state: 'foreign'; tables: string[] }
  | { state: 'tracker'; version: number };

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
/** Tables of migration 1 that any tracker database has. */
const CORE_TABLES = ['plan', 'project', 'site', 'change_log'];
const LEDGER_COLUMNS = ['version', 'name', 'applied_at'];

function readHeader(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(SQLITE_MAGIC.length);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Opens a read-only connection. On a database in WAL mode without -wal and -shm files, such a
 * connection creates empty ones and, being read-only, cannot remove them: the returned
 * `close` removes those too (only files it created, and a -wal only while still empty).
 */
function openReadOnlyProbe(file: string, nativeBinding?: string): { db: Database.Database; close(): void } {
  const wal = `${file}-wal`;
  const shm = `${file}-shm`;
  const before = { wal: fs.existsSync(wal), shm: fs.existsSync(shm) };
  const tidy = (): void => {
    try {
      if (!before.wal && fs.existsSync(wal) && fs.statSync(wal).size === 0) fs.unlinkSync(wal);
      if (!before.shm && !fs.existsSync(wal) && fs.existsSync(shm)) fs.unlinkSync(shm);
    } catch {
      // a leftover empty sidecar is harmless; never fail over it
    }
  };
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (e) {
    tidy();
    throw e;
  }
  return {
    db,
    close() {
      db.close();
      tidy();
    },
  };
}

/** Runs `fn` on a read-only connection to `file`, leaving no files behind. */
export function withReadOnly<T>(file: string, fn: (db: Database.Database) => T, nativeBinding?: string): T {
  const probe = openReadOnlyProbe(file, nativeBinding);
  try {
    return fn(probe.db);
  } finally {
    probe.close();
  }
}

/** The same for asynchronous work (db.backup): the connection stays open until it settles. */
export async function withReadOnlyAsync<T>(file: string, fn: (db: Database.Database) => Promise<T>, nativeBinding?: string): Promise<T> {
  const probe = openReadOnlyProbe(file, nativeBinding);
  try {
    return await fn(probe.db);
  } finally {
    probe.close();
  }
}

function readTrackerState(db: Database.Database): DbFileState {
  const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
    (r) => r.name,
  );
  if (tables.length === 0) return { state: 'blank' };
  if (!tables.includes('schema_migrations')) return { state: 'foreign', tables };
  const columns = (db.prepare('SELECT name FROM pragma_table_info(?)').all('schema_migrations') as { name: string }[]).map((r) => r.name);
  if (!LEDGER_COLUMNS.every((c) => columns.includes(c))) return { state: 'foreign', tables };
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null } | undefined;
  const version = typeof row?.v === 'number' ? row.v : 0;
  // A ledger alone (a first start stopped before migration 1) is ours; otherwise migration 1's tables must be there.
  if (version === 0) return tables.length === 1 ? { state: 'tracker', version } : { state: 'foreign', tables };
  if (!CORE_TABLES.every((t) => tables.includes(t))) return { state: 'foreign', tables };
  return { state: 'tracker', version };
}

export function inspectDatabaseFile(file: string, nativeBinding?: string): DbFileState {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    if (e instanceof Error && 'code' in e && e.code === 'ENOENT') return { state: 'missing' };
    return { state: 'unreadable', reason: e instanceof Error ? e.message : String(e) };
  }
  if (stat.isDirectory()) return { state: 'directory' };
  if (stat.size === 0) return { state: 'empty' };
  let header: Buffer;
  try {
    header = readHeader(file);
  } catch (e) {
    return { state: 'unreadable', reason: e instanceof Error ? e.message : String(e) };
  }
  if (!header.equals(SQLITE_MAGIC)) return { state: 'not-sqlite' };

  try {
    return withReadOnly(file, readTrackerState, nativeBinding);
  } catch (e) {
    return { state: 'unreadable', reason: e instanceof Error ? e.message : String(e) };
  }
}

export interface OpenDecision {
  /** open it (migrating if older); otherwise `refusal` says why, naming the file */
  ok: boolean;
  refusal?: string;
}

/**
 * The rule: only a missing path, or `init` (allowInit) on an empty file, makes a database.
 * Anything else that is not a tracker database of this or an older version is refused.
 */
export function decideOpen(file: string, s: DbFileState, allowInit: boolean): OpenDecision {
  const unchanged = '文件未作任何改动。';
  switch (s.state) {
    case 'missing':
    case 'tracker':
      if (s.state === 'tracker' && s.version > SCHEMA_VERSION) {
        return {
          ok: false,
          refusal: `此数据库（${file}）由更新版本的程序创建（结构版本 ${s.version}，本程序支持到 ${SCHEMA_VERSION}），为避免损坏已拒绝打开，${unchanged}请升级程序。`,
        };
      }
      return { ok: true };
    case 'empty':
    case 'blank':
      if (allowInit) return { ok: true };
      return {
        ok: false,
        refusal: `${file} ${s.state === 'empty' ? '是空文件（0 字节）' : '是不含任何表的空 SQLite 数据库'}，不是台账数据库，${unchanged}如要在这个位置新建台账数据库，请运行 init（npm run tracker -- init --db ${file}）。`,
      };
    case 'directory':
      return { ok: false, refusal: `${file} 是一个文件夹，不是台账数据库文件。` };
    case 'not-sqlite':
      return { ok: false, refusal: `${file} 不是可用的台账数据库：它不是 SQLite 数据库文件（文件头不符）。${unchanged}请确认选择的是台账数据库（.db）。` };
    case 'foreign': {
      const shown = s.tables.slice(0, 5).join('、') + (s.tables.length > 5 ? ` 等 ${s.tables.length} 个表` : '');
      return {
        ok: false,
        refusal: `${file} 不是可用的台账数据库：它是其他程序的 SQLite 数据库（含表 ${shown}），${unchanged}请确认选择的是台账数据库。`,
      };
    }
    case 'unreadable':
      return { ok: false, refusal: `${file} 不是可用的台账数据库：无法读取（${s.reason}）。${unchanged}` };
  }
}

/** The file (if any) and its folder can be written; SQLite needs both (journal, -wal, -shm). */
export function isWritablePath(file: string): boolean {
  try {
    if (fs.existsSync(file)) fs.accessSync(file, fs.constants.W_OK);
    fs.accessSync(path.dirname(path.resolve(file)), fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
