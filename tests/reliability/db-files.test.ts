// Files at the database path that are not (writable) tracker databases. Each is refused with
// a Chinese message naming it, and keeps every byte, with nothing added beside it
// (sha256 of the file and the folder listing, before and after) — or, read-only, is shown.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend, startBackend } from '../../src/backend/backend';
import { autoBackup } from '../../src/backend/db/backup';
import { openDatabase } from '../../src/backend/db/connection';
import { MIGRATIONS, migrate, SCHEMA_VERSION } from '../../src/backend/db/migrations';
import { ApiError } from '../../src/domain/api/errors';
import { runCli } from '../../src/cli/run-cli';
import { listing, sha256 } from '../unit/helpers/file-hash';
import { TEST_CLOCK, tempDbPath } from '../unit/helpers/temp-db';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, {});
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Snapshot of the file and its folder; `same()` says whether both are unchanged. */
function snapshot(file: string): { same(): boolean; hash: string; files: string[] } {
  const hash = sha256(file);
  const files = listing(path.dirname(file));
  return { hash, files, same: () => sha256(file) === hash && JSON.stringify(listing(path.dirname(file))) === JSON.stringify(files) };
}

function expectRefused(file: string, pattern: RegExp): void {
  const before = snapshot(file);
  let error: unknown;
  try {
    openDatabase(file).close();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ApiError);
  const message = error instanceof Error ? error.message : '';
  expect(message).toMatch(pattern);
  expect(message).toContain(file);
  expect(before.same()).toBe(true);
}

function contactsDb(file: string, journal: 'delete' | 'wal'): void {
  const db = new Database(file);
  db.pragma(`journal_mode = ${journal}`);
  db.exec("CREATE TABLE contacts (name TEXT, phone TEXT); INSERT INTO contacts VALUES ('张三', '13800000000');");
  db.close();
}

describe('foreign SQLite files', () => {
  it('refuses someone else’s database (rollback journal) and leaves it unchanged', () => {
    const file = path.join(path.dirname(tempDbPath()), 'contacts.db');
    contactsDb(file, 'delete');
    expectRefused(file, /其他程序的 SQLite 数据库（含表 contacts）/);
  });

  it('refuses one in WAL mode without leaving -wal or -shm files beside it', () => {
    const file = path.join(path.dirname(tempDbPath()), 'contacts.db');
    contactsDb(file, 'wal');
    expectRefused(file, /其他程序的 SQLite 数据库/);
  });

  it('refuses one with a schema_migrations table of another shape (Rails)', () => {
    const file = tempDbPath();
    const db = new Database(file);
    db.exec("CREATE TABLE schema_migrations (version TEXT PRIMARY KEY); INSERT INTO schema_migrations VALUES ('20240101000000'); CREATE TABLE users (id INTEGER);");
    db.close();
    expectRefused(file, /其他程序的 SQLite 数据库（含表 schema_migrations、users）/);
  });

  it('is refused by every door: check and init, too', async () => {
    const file = path.join(path.dirname(tempDbPath()), 'contacts.db');
    contactsDb(file, 'delete');
    const before = snapshot(file);
    for (const command of ['check', 'list', 'init']) {
      const r = await cli(command, '--db', file);
      expect(r.code).toBe(1);
      expect(r.err).toContain(file);
      expect(r.err).toContain('不是可用的台账数据库');
    }
    expect(before.same()).toBe(true);
  });
});

describe('empty and non-SQLite files', () => {
  it('refuses a 0-byte file, unchanged; only init makes it a database', async () => {
    const file = tempDbPath();
    fs.writeFileSync(file, '');
    expectRefused(file, /空文件（0 字节）.*init/);
    const list = await cli('list', '--db', file);
    expect(list.code).toBe(1);
    expect(fs.statSync(file).size).toBe(0);
    const init = await cli('init', '--db', file);
    expect(init).toMatchObject({ code: 0 });
    expect(init.out).toContain('已创建数据库');
    expect((await cli('list', '--db', file)).out).toContain('合计 15 个项目');
  });

  it('refuses a SQLite file without tables unless init', async () => {
    const file = tempDbPath();
    const db = new Database(file);
    db.pragma('user_version = 7');
    db.close();
    expectRefused(file, /不含任何表的空 SQLite 数据库/);
    expect((await cli('init', '--empty', '--db', file)).code).toBe(0);
  });

  it('refuses text, binary and a damaged SQLite file, unchanged', () => {
    const dir = path.dirname(tempDbPath());
    const text = path.join(dir, 'notes.db');
    fs.writeFileSync(text, 'this is not sqlite at all, just some text that is long enough to be a header');
    expectRefused(text, /不是可用的台账数据库：它不是 SQLite 数据库文件/);
    const png = path.join(dir, 'picture.db');
    fs.writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array<number>(600).fill(7)]));
    expectRefused(png, /不是 SQLite 数据库文件/);
    const damaged = path.join(dir, 'damaged.db');
    fs.writeFileSync(damaged, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(300, 0xff)]));
    expectRefused(damaged, /不是可用的台账数据库：无法读取/);
  });

  it('refuses a folder', () => {
    const dir = path.join(path.dirname(tempDbPath()), 'tracker.db');
    fs.mkdirSync(dir);
    expect(() => openDatabase(dir)).toThrow(/是一个文件夹/);
  });

  it('creates a database only where no file exists', () => {
    const file = path.join(path.dirname(tempDbPath()), 'new', 'tracker.db');
    openDatabase(file).close();
    // built under a temporary name and linked into place: nothing else is left behind
    expect(listing(path.dirname(file))).toEqual(['tracker.db']);
    expect(() => openDatabase(path.join(path.dirname(file), 'other.db'), { create: 'never' })).toThrow(/找不到数据库文件/);
  });
});

describe('a database from a newer version', () => {
  it('is refused before journal_mode = WAL touches its header (rollback-journal file)', () => {
    const file = tempDbPath();
    openDatabase(file).close();
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE');
    raw.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(SCHEMA_VERSION + 1, 'future', '2030-01-01');
    raw.close();
    // header bytes 18/19 are 1 (rollback journal); WAL would make them 2
    expect([...fs.readFileSync(file).subarray(18, 20)]).toEqual([1, 1]);
    expectRefused(file, new RegExp(`更新版本的程序创建（结构版本 ${SCHEMA_VERSION + 1}`));
    expect([...fs.readFileSync(file).subarray(18, 20)]).toEqual([1, 1]);
  });
});

describe('a damaged tracker database', () => {
  it('is refused at start with a message, not a stack trace, and left as it is', async () => {
    const file = tempDbPath();
    openBackend({ dbPath: file, clock: TEST_CLOCK }).close();
    const bytes = fs.readFileSync(file);
    bytes.fill(0xa5, 4096 * 3, 4096 * 8);
    fs.writeFileSync(file, bytes);
    const before = sha256(file);
    const start = startBackend({ dbPath: file, clock: TEST_CLOCK, log: () => {} });
    await expect(start).rejects.toBeInstanceOf(ApiError);
    await expect(start).rejects.toThrow(/(完整性检查未通过|无法读取).*备份/);
    expect(sha256(file)).toBe(before);
  });
});

describe('a read-only database', () => {
  // Tests run as root, where mode 0444 stops nothing: the access check is injected.
  const readOnly = () => false;

  function trackerFile(): string {
    const file = tempDbPath();
    openDatabase(file).close();
    openBackend({ dbPath: file, clock: TEST_CLOCK }).close(); // seeded
    return file;
  }

  it('opens read-only: reading works, writes get a clear Chinese refusal, the file keeps its bytes', async () => {
    const file = trackerFile();
    const before = sha256(file);
    const b = openBackend({ dbPath: file, clock: TEST_CLOCK, isWritable: readOnly });
    expect(b.readOnly).toBe(true);
    expect((await b.send('register.get', {})).projects).toHaveLength(15);
    const meta = await b.send('meta.get', {});
    expect(meta.readOnly).toBe(true);
    const first = (await b.send('register.get', {})).projects[0];
    const attempt = b.call('project.update', { id: first?.id ?? 1, patch: { note: '改一下' } }, 'ui');
    await expect(attempt).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/^数据库为只读，无法修改/) });
    await expect(autoBackup(b.ctxFor('import'), 'import')).rejects.toThrow(/数据库为只读/);
    b.close();
    expect(sha256(file)).toBe(before);
  });

  it('starts read-only without a daily backup, saying so', async () => {
    const file = trackerFile();
    const logged: string[] = [];
    const b = await startBackend({ dbPath: file, clock: TEST_CLOCK, isWritable: readOnly, log: (l) => logged.push(l) });
    expect(b.readOnly).toBe(true);
    expect(logged.join('\n')).toContain('数据库为只读，无法修改');
    expect(fs.existsSync(path.join(path.dirname(file), 'backups'))).toBe(false);
    b.close();
  });

  it('refuses, naming the file, when it would need an upgrade it cannot write', () => {
    const file = tempDbPath();
    const raw = new Database(file);
    migrate(raw, MIGRATIONS.slice(0, 1));
    raw.close();
    const before = snapshot(file);
    expect(() => openDatabase(file, { isWritable: readOnly })).toThrow(new RegExp(`${file.replace(/[.\\]/g, '\\$&')} 为只读，且由旧版本程序创建`));
    expect(before.same()).toBe(true);
  });

  it.skipIf(process.getuid?.() === 0)('really read-only (mode 0444, not root): list still works', async () => {
    const file = trackerFile();
    fs.chmodSync(file, 0o444);
    const r = await cli('list', '--db', file);
    expect(r.code).toBe(0);
    expect(r.out).toContain('合计 15 个项目');
  });
});
