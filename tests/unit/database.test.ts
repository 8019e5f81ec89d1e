import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBackend } from '../../src/backend/backend';
import { fixedClock, steppingClock } from '../../src/backend/clock';
import { autoBackup, checkDatabase, dailyBackup, discardBackup, listBackups } from '../../src/backend/db/backup';
import { checkpointWarning } from '../../src/backend/db/checkpoint';
import { openDatabase } from '../../src/backend/db/connection';
import { migrate, MIGRATIONS, SCHEMA_VERSION } from '../../src/backend/db/migrations';
import { isUncPath, networkPathProblem } from '../../src/backend/db/network-path';
import { openTempBackend, TEST_CLOCK, tempDbPath } from './helpers/temp-db';

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
    const rows = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
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

  it('opens an up-to-date database without waiting for a writer (no write lock at open)', async () => {
    const file = tempDbPath();
    openTempBackend({ dbPath: file }).close();
    const writer = new Database(file);
    writer.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    const reader = openTempBackend({ dbPath: file });
    expect((await reader.send('register.get', {})).projects).toHaveLength(15);
    expect(Date.now() - started).toBeLessThan(4000);
    reader.close();
    writer.exec('ROLLBACK');
    writer.close();
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
    expect(path.basename(first ?? '')).toBe('tracker-20261129-100000-daily.db');
    expect(await dailyBackup(ctx)).toBeNull();
    const copy = new Database(first ?? '', { readonly: true });
    expect(copy.prepare('SELECT COUNT(*) AS n FROM project').get()).toEqual({ n: 15 });
    copy.close();
    expect(path.dirname(first ?? '')).toBe(path.join(ctx.dataDir, 'backups'));
    b.close();
  });

  it('names the daily backup and checks "done today" by the same LOCAL date (Beijing, 00:00–08:00)', async () => {
    // 02:00 in Beijing is 18:00 UTC of the day before: a UTC name and a local check disagree.
    const clock = steppingClock('2027-03-15T02:00:00', 8 * 60);
    const b = openTempBackend({ clock });
    const ctx = b.ctxFor('ui');
    expect(path.basename((await dailyBackup(ctx)) ?? '')).toBe('tracker-20270315-020000-daily.db');
    clock.set('2027-03-15T07:59:00');
    expect(await dailyBackup(ctx)).toBeNull();
    clock.set('2027-03-15T23:59:59');
    expect(await dailyBackup(ctx)).toBeNull();
    clock.set('2027-03-16T00:00:01');
    expect(path.basename((await dailyBackup(ctx)) ?? '')).toBe('tracker-20270316-000001-daily.db');
    expect(listBackups(ctx.dbPath).map((x) => x.name)).toEqual(['tracker-20270316-000001-daily.db', 'tracker-20270315-020000-daily.db']);
    b.close();
  });

  it("derives the services' today from the injected clock", () => {
    const b = openTempBackend({ clock: fixedClock('2027-03-15T23:30:00', -5 * 60) });
    expect(b.ctxFor('ui').today()).toBe('2027-03-15');
    b.close();
  });

  it('gives two backups in the same second different names, and discardBackup removes one', async () => {
    const b = openTempBackend();
    const ctx = b.ctxFor('import');
    const one = await autoBackup(ctx, 'import');
    const two = await autoBackup(ctx, 'import');
    expect(path.basename(two)).toBe('tracker-20261129-100000-import-1.db');
    discardBackup(two);
    expect(fs.existsSync(two)).toBe(false);
    expect(fs.existsSync(one)).toBe(true);
    // never anything but an automatic backup
    const other = path.join(path.dirname(one), 'notes.db');
    fs.writeFileSync(other, 'x');
    discardBackup(other);
    expect(fs.existsSync(other)).toBe(true);
    b.close();
  });

  it('checkpointWarning says so when a reader keeps the WAL from being folded in', () => {
    const b = openTempBackend();
    const reader = new Database(b.ctxFor('ui').dbPath, { readonly: true });
    reader.exec('BEGIN');
    reader.prepare('SELECT COUNT(*) FROM project').get();
    b.db.prepare("UPDATE project SET note = 'x' WHERE id = 1").run();
    const warning = checkpointWarning(b.db);
    expect(warning).toMatch(/tracker\.db-wal.*暂时无法合并回数据库/);
    reader.exec('COMMIT');
    reader.close();
    expect(checkpointWarning(b.db)).toBeNull();
    expect(fs.statSync(`${b.ctxFor('ui').dbPath}-wal`).size).toBe(0);
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
    const dbPath = tempDbPath();
    const b = await startBackend({ dbPath, clock: TEST_CLOCK, log: () => {} });
    const backups = fs.readdirSync(path.join(path.dirname(dbPath), 'backups'));
    expect(backups).toEqual(['tracker-20261129-100000-daily.db']);
    expect(b.warnings).toEqual([]);
    b.close();
  });

  it('still starts on a full disk, naming the folder and the free space', async () => {
    const dbPath = tempDbPath();
    const logged: string[] = [];
    const diskFull = async (): Promise<void> => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    const b = await startBackend({ dbPath, clock: TEST_CLOCK, writeBackup: diskFull, log: (l) => logged.push(l) });
    const backupsDir = path.join(path.dirname(dbPath), 'backups');
    expect(b.warnings).toHaveLength(1);
    expect(b.warnings[0]).toContain('磁盘空间不足');
    expect(b.warnings[0]).toContain(backupsDir);
    expect(b.warnings[0]).toMatch(/剩余 \d/);
    expect(logged).toEqual(b.warnings);
    const meta = await b.send('meta.get', {});
    expect(meta.warnings).toEqual(b.warnings);
    expect(meta.readOnly).toBe(false);
    // the app works, and no half-written backup was left
    expect((await b.send('register.get', {})).projects).toHaveLength(15);
    expect(listBackups(dbPath)).toEqual([]);
    b.close();
  });
});
