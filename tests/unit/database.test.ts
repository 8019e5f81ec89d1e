import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDatabase, dailyBackup } from '../../src/backend/db/backup';
import { openDatabase } from '../../src/backend/db/connection';
import { migrate, SCHEMA_VERSION } from '../../src/backend/db/migrations';
import { isUncPath, networkPathProblem } from '../../src/backend/db/network-path';
import { openTempBackend, tempDbPath } from './helpers/temp-db';

describe('database', () => {
  it('opens in WAL with synchronous=FULL and foreign keys on', () => {
    const db = openDatabase(tempDbPath());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('records migrations in a ledger and is idempotent', () => {
    const db = openDatabase(tempDbPath());
    const rows = db.prepare('SELECT version FROM schema_migrations').all();
    expect(rows).toEqual([{ version: SCHEMA_VERSION }]);
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('refuses a database made by a newer version and leaves it untouched', () => {
    const file = tempDbPath();
    openDatabase(file).close();
    const raw = new Database(file);
    raw.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(SCHEMA_VERSION + 1, 'future', '2030-01-01');
    raw.close();
    const bytes = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(/更新版本的程序创建/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('refuses a file that is not a database', () => {
    const file = tempDbPath();
    fs.writeFileSync(file, 'this is not sqlite at all, just some text that is long enough to be a header');
    expect(() => openDatabase(file)).toThrow(/不是可用的台账数据库/);
  });

  it('enforces foreign keys', () => {
    const b = openTempBackend();
    expect(() => b.db.prepare('INSERT INTO site (project_id, seq) VALUES (9999, 1)').run()).toThrow(/FOREIGN KEY/);
    expect(checkDatabase(b.db).ok).toBe(true);
    b.close();
  });

  it('takes one daily backup through the online backup API', async () => {
    const b = openTempBackend();
    const ctx = b.ctxFor('ui');
    const first = await dailyBackup(ctx);
    expect(first).not.toBeNull();
    expect(await dailyBackup(ctx)).toBeNull();
    const copy = new Database(first ?? '', { readonly: true });
    expect(copy.prepare('SELECT COUNT(*) AS n FROM project').get()).toEqual({ n: 15 });
    copy.close();
    expect(path.dirname(first ?? '')).toBe(path.join(ctx.dataDir, 'backups'));
    b.close();
  });
});

describe('network paths (Windows)', () => {
  it('recognises UNC paths', () => {
    expect(isUncPath('\\\\server\\share\\tracker.db')).toBe(true);
    expect(isUncPath('//server/share/tracker.db')).toBe(true);
    expect(isUncPath('C:\\data\\tracker.db')).toBe(false);
    expect(isUncPath('\\\\?\\C:\\data\\tracker.db')).toBe(false);
  });

  it('refuses UNC paths and mapped network drives on Windows only', () => {
    const noDrive = () => false;
    expect(networkPathProblem('\\\\srv\\共享\\tracker.db', 'win32', noDrive)).toMatch(/网络共享/);
    expect(networkPathProblem('Z:\\tracker.db', 'win32', (l) => l === 'Z')).toMatch(/Z: 是映射的网络驱动器/);
    expect(networkPathProblem('C:\\tracker.db', 'win32', noDrive)).toBeNull();
    expect(networkPathProblem('//srv/share/x.db', 'linux', noDrive)).toBeNull();
  });
});

describe('app start', () => {
  it('checks integrity and takes the daily backup', async () => {
    const { startBackend } = await import('../../src/backend/backend');
    const dbPath = tempDbPath();
    const b = await startBackend({ dbPath, today: () => '2026-11-29' });
    const backups = fs.readdirSync(path.join(path.dirname(dbPath), 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^tracker-.*-daily\.db$/);
    b.close();
  });
});
