// `restore FILE`: checks the backup, backs up the current database, then swaps; any refusal
// leaves the current database byte for byte as it was.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../src/backend/backend';
import { autoBackup, listBackups } from '../../src/backend/db/backup';
import { SCHEMA_VERSION } from '../../src/backend/db/migrations';
import { restoreDatabase } from '../../src/backend/db/restore';
import { runCli } from '../../src/cli/run-cli';
import { sha256 } from '../unit/helpers/file-hash';
import { TEST_CLOCK, tempDbPath } from '../unit/helpers/temp-db';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, {});
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function projectName(dbPath: string): string {
  const db = new Database(dbPath, { readonly: true });
  const row = db.prepare('SELECT name FROM project ORDER BY id LIMIT 1').get() as { name: string };
  db.close();
  return row.name;
}

/** A seeded database with one import backup, then an edit made after it. */
async function databaseWithBackup(): Promise<{ dbPath: string; backup: string; original: string }> {
  const dbPath = tempDbPath();
  const b = openBackend({ dbPath, user: 'tester', clock: TEST_CLOCK });
  const original = (b.db.prepare('SELECT name FROM project ORDER BY id LIMIT 1').get() as { name: string }).name;
  const backup = await autoBackup(b.ctxFor('import'), 'import');
  b.db.prepare("UPDATE project SET name = '改过的名称' WHERE id = (SELECT MIN(id) FROM project)").run();
  b.close();
  return { dbPath, backup, original };
}

describe('restore', () => {
  it('puts the backup back, after saving the current database as a restore backup', async () => {
    const { dbPath, backup, original } = await databaseWithBackup();
    const r = await cli('restore', path.basename(backup), '--db', dbPath);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`已检查备份 ${backup}`);
    expect(r.out).toContain('完整性检查通过');
    expect(r.out).toMatch(/已先备份当前数据库到 .*-restore\.db/);
    expect(r.out).toContain(`已用 ${backup} 替换数据库 ${dbPath}`);
    expect(r.out).toContain('恢复后的数据库可以打开：1 个规划');
    // no temporary file, no stale sidecars, and nothing added beside the backup
    expect(fs.readdirSync(path.dirname(dbPath)).sort()).toEqual(['backups', 'tracker.db']);
    expect(fs.readdirSync(path.dirname(backup)).filter((f) => !f.endsWith('.db'))).toEqual([]);
    expect(projectName(dbPath)).toBe(original);
    const saved = listBackups(dbPath).find((x) => x.kind === 'restore');
    expect(saved).toBeDefined();
    expect(projectName(saved?.file ?? '')).toBe('改过的名称');
  });

  it('refuses while the app has the database open, changing nothing', async () => {
    const { dbPath, backup } = await databaseWithBackup();
    const app = openBackend({ dbPath, user: 'tester', clock: TEST_CLOCK });
    const before = sha256(dbPath);
    await expect(restoreDatabase(dbPath, backup, { clock: TEST_CLOCK })).rejects.toThrow(/正在被使用.*请先关闭/);
    expect(sha256(dbPath)).toBe(before);
    expect(listBackups(dbPath).filter((x) => x.kind === 'restore')).toEqual([]);
    app.close();
  });

  it('refuses a backup that is not a tracker database, is damaged, or is newer', async () => {
    const { dbPath, backup } = await databaseWithBackup();
    const before = sha256(dbPath);
    const dir = path.dirname(backup);

    const text = path.join(dir, 'text.db');
    fs.writeFileSync(text, 'not a database');
    await expect(restoreDatabase(dbPath, text)).rejects.toThrow(/无法用 .*text\.db 恢复.*不是 SQLite 数据库文件/);

    const contacts = path.join(dir, 'contacts.db');
    const c = new Database(contacts);
    c.exec('CREATE TABLE contacts (name TEXT)');
    c.close();
    await expect(restoreDatabase(dbPath, contacts)).rejects.toThrow(/其他程序的 SQLite 数据库/);

    const newer = path.join(dir, 'newer.db');
    fs.copyFileSync(backup, newer);
    const n = new Database(newer);
    n.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(SCHEMA_VERSION + 1, 'future', '2030-01-01');
    n.close();
    await expect(restoreDatabase(dbPath, newer)).rejects.toThrow(/更新版本的程序创建/);

    const damaged = path.join(dir, 'damaged.db');
    const bytes = fs.readFileSync(backup);
    bytes.fill(0xa5, 4096 * 3, 4096 * 6); // overwrite some pages in the middle
    fs.writeFileSync(damaged, bytes);
    await expect(restoreDatabase(dbPath, damaged)).rejects.toThrow(/无法用 .*damaged\.db 恢复/);

    await expect(restoreDatabase(dbPath, path.join(dir, 'missing.db'))).rejects.toThrow(/找不到备份文件/);
    await expect(restoreDatabase(dbPath, dbPath)).rejects.toThrow(/就是当前数据库本身/);
    expect(sha256(dbPath)).toBe(before);
    expect(listBackups(dbPath).filter((x) => x.kind === 'restore')).toEqual([]);
  });

  it('restores over a current file SQLite cannot read, keeping its bytes as a raw copy', async () => {
    const { dbPath, backup, original } = await databaseWithBackup();
    fs.writeFileSync(dbPath, 'garbage that replaced the database');
    const report = await restoreDatabase(dbPath, backup, { clock: TEST_CLOCK });
    expect(report.previousSavedHow).toBe('raw');
    expect(fs.readFileSync(report.previousSavedAs ?? '', 'utf8')).toBe('garbage that replaced the database');
    expect(projectName(dbPath)).toBe(original);
  });
});
