// Backups through SQLite's online backup API: consistent even while the app writes.
// Automatic ones (daily at start, before each import, before a restore) go to backups/
// beside the database, named by the injected clock's LOCAL time (backup-names.ts), and are
// thinned by backup-retention.ts after each new one.
import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../domain/api/errors';
import { localDate, systemClock, type Clock } from '../clock';
import type { ServiceContext } from '../context';
import { backupFileName, parseBackupName, type BackupKind, type BackupName } from './backup-names';
import { decideRetention, DEFAULT_RETENTION, type RetentionPolicy } from './backup-retention';
import { describeFreeSpace, isDiskFull } from './disk-space';

/** Writes a consistent copy of `db` to `file`; injectable so tests can simulate a full disk. */
export type BackupWriter = (db: Database.Database, file: string) => Promise<void>;

const PARTIAL = '.partial';

/** The copy is written under a temporary name and renamed, so a backup's name always means a whole backup. */
export const backupTo: BackupWriter = async (db, file) => {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}${PARTIAL}-${process.pid}`;
  try {
    await db.backup(tmp);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
};

export function backupDirFor(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), 'backups');
}

export function backupDir(ctx: Pick<ServiceContext, 'dataDir'>): string {
  return path.join(ctx.dataDir, 'backups');
}

function baseName(dbPath: string): string {
  return path.basename(dbPath, path.extname(dbPath));
}

export interface BackupInfo extends BackupName {
  /** full path */
  file: string;
  size: number;
}

/** This database's automatic backups, newest first. Other files in the folder are ignored. */
export function listBackups(dbPath: string): BackupInfo[] {
  const dir = backupDirFor(dbPath);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const base = baseName(dbPath);
  const out: BackupInfo[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name, base);
    if (!parsed) continue;
    const file = path.join(dir, name);
    try {
      out.push({ ...parsed, file, size: fs.statSync(file).size });
    } catch {
      // deleted meanwhile
    }
  }
  return out.sort((a, b) => (a.at === b.at ? b.name.localeCompare(a.name) : a.at < b.at ? 1 : -1));
}

export interface PruneResult {
  removed: string[];
  failed: string[];
}

const STALE_PARTIAL_MS = 24 * 3600_000;

/** Applies the retention rule to this database's automatic backups; never throws. */
export function pruneBackups(dbPath: string, clock: Clock = systemClock, policy: RetentionPolicy = DEFAULT_RETENTION): PruneResult {
  const result: PruneResult = { removed: [], failed: [] };
  const backups = listBackups(dbPath);
  const { remove } = decideRetention(backups, clock.localNow(), policy);
  const dir = backupDirFor(dbPath);
  for (const name of remove) {
    try {
      fs.unlinkSync(path.join(dir, name));
      result.removed.push(name);
    } catch {
      result.failed.push(name);
    }
  }
  // copies left half-written by a crash (a running backup's temp file is younger than a day)
  const base = baseName(dbPath);
  try {
    for (const name of fs.readdirSync(dir)) {
      if (!name.startsWith(`${base}-`) || !name.includes(`.db${PARTIAL}-`)) continue;
      const file = path.join(dir, name);
      if (clock.now().getTime() - fs.statSync(file).mtimeMs > STALE_PARTIAL_MS) fs.rmSync(file, { force: true });
    }
  } catch {
    // tidying is best effort
  }
  return result;
}

export interface AutoBackupOptions {
  clock?: Clock;
  writer?: BackupWriter;
}

function freeName(dir: string, base: string, kind: BackupKind, at: string): string {
  for (let n = 0; ; n++) {
    const file = path.join(dir, backupFileName(base, kind, at, n));
    if (!fs.existsSync(file)) return file;
  }
}

/**
 * A backup in backups/, e.g. before an import; then old ones are thinned out.
 * If the operation it protects fails, call discardBackup(file) so no useless copy stays behind.
 */
export async function autoBackup(ctx: ServiceContext, kind: BackupKind, options: AutoBackupOptions = {}): Promise<string> {
  if (ctx.db.readonly) throw new ApiError('conflict', `数据库为只读，无法修改（${ctx.dbPath}）。`);
  const clock = options.clock ?? ctx.clock ?? systemClock;
  const dir = backupDirFor(ctx.dbPath);
  const file = freeName(dir, baseName(ctx.dbPath), kind, clock.localNow());
  try {
    await (options.writer ?? backupTo)(ctx.db, file);
  } catch (e) {
    fs.rmSync(file, { force: true });
    if (isDiskFull(e)) throw new ApiError('conflict', `备份失败：磁盘空间不足，${describeFreeSpace(dir)}。请清理磁盘空间后重试。`);
    throw new ApiError('conflict', `备份失败（${file}）：${e instanceof Error ? e.message : String(e)}`);
  }
  pruneBackups(ctx.dbPath, clock);
  return file;
}

/** Removes a backup that autoBackup made for an operation that then failed. Only ever deletes an automatic backup. */
export function discardBackup(file: string): void {
  const dir = path.dirname(path.resolve(file));
  if (path.basename(dir) !== 'backups' || !/-(daily|import|restore)(-\d+)?\.db$/.test(file)) return;
  fs.rmSync(file, { force: true });
}

/** At most one automatic backup a (local) day, taken at start: name and check read the same clock. */
export async function dailyBackup(ctx: ServiceContext, options: AutoBackupOptions = {}): Promise<string | null> {
  const clock = options.clock ?? ctx.clock ?? systemClock;
  const today = localDate(clock);
  if (listBackups(ctx.dbPath).some((b) => b.kind === 'daily' && b.at.slice(0, 10) === today)) return null;
  return autoBackup(ctx, 'daily', { ...options, clock });
}

export { checkDatabase, type CheckResult } from './integrity';
