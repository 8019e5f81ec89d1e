// Backups through SQLite's online backup API: consistent even while the app writes.
import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { ServiceContext } from '../context';

export async function backupTo(db: Database.Database, file: string): Promise<void> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  await db.backup(file);
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

export function backupDir(ctx: Pick<ServiceContext, 'dataDir'>): string {
  return path.join(ctx.dataDir, 'backups');
}

/** A timestamped backup beside the database, e.g. before an import. */
export async function autoBackup(ctx: ServiceContext, reason: string): Promise<string> {
  const base = path.basename(ctx.dbPath, path.extname(ctx.dbPath));
  const file = path.join(backupDir(ctx), `${base}-${stamp(new Date())}-${reason}.db`);
  await backupTo(ctx.db, file);
  return file;
}

/** At most one automatic backup a day, taken at start. */
export async function dailyBackup(ctx: ServiceContext): Promise<string | null> {
  const dir = backupDir(ctx);
  const today = ctx.today().replace(/-/g, '');
  if (fs.existsSync(dir) && fs.readdirSync(dir).some((f) => f.includes(`-${today}-`) && f.endsWith('-daily.db'))) return null;
  return autoBackup(ctx, 'daily');
}

export interface CheckResult {
  ok: boolean;
  integrity: string[];
  foreignKeys: { table: string; rowid: number; parent: string }[];
}

export function checkDatabase(db: Database.Database): CheckResult {
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  const foreignKeys = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  return { ok: integrity.length === 1 && integrity[0] === 'ok' && foreignKeys.length === 0, integrity, foreignKeys };
}
