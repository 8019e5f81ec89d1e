// Backup retention against an injected clock: 7 daily, 4 weekly, 12 monthly backups, plus
// the last 10 import backups; first the pure rule, then the files over 400 simulated days.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../src/backend/backend';
import { steppingClock } from '../../src/backend/clock';
import { autoBackup, dailyBackup, listBackups, pruneBackups } from '../../src/backend/db/backup';
import { backupFileName, parseBackupName, type BackupKind, type BackupName } from '../../src/backend/db/backup-names';
import { decideRetention } from '../../src/backend/db/backup-retention';
import { runCli } from '../../src/cli/run-cli';
import { tempDbPath } from '../unit/helpers/temp-db';

const DAY_MS = 86_400_000;

/** The local date `n` days after `start` (calendar arithmetic, no time zone). */
function addDays(start: string, n: number): string {
  return new Date(Date.parse(`${start}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

function backup(kind: BackupKind, at: string): BackupName {
  const name = backupFileName('tracker', kind, at);
  return { name, kind, at };
}

/** Takes a backup per simulated day (and an import backup every `importEvery` days), pruning after each, as the app does. */
function simulate(days: number, opts: { skip?: (day: number) => boolean; importEvery?: number } = {}): BackupName[] {
  let kept: BackupName[] = [];
  for (let day = 0; day < days; day++) {
    if (opts.skip?.(day)) continue;
    const date = addDays('2026-01-01', day);
    const added = [backup('daily', `${date}T08:30:00`)];
    if (opts.importEvery && day % opts.importEvery === 0) added.push(backup('import', `${date}T14:00:00`));
    for (const b of added) {
      kept = [...kept, b];
      const { keep, remove } = decideRetention(kept, b.at);
      expect(keep.length + remove.length).toBe(kept.length);
      kept = kept.filter((k) => keep.includes(k.name));
    }
  }
  return kept;
}

const dates = (bs: BackupName[], kind: BackupKind) =>
  bs
    .filter((b) => b.kind === kind)
    .map((b) => b.at.slice(0, 10))
    .sort();

// 2026-01-01 + 399 days = 2027-02-04, a Thursday.
const EXPECTED_DAILY = [
  // monthly: the newest backup of each of the last 12 months
  '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30', '2026-07-31', '2026-08-31',
  '2026-09-30', '2026-10-31', '2026-11-30', '2026-12-31',
  // weekly: the newest of each of the last 4 ISO weeks (Sundays 01-17, 01-24, 01-31; this week's 02-04)
  '2027-01-17', '2027-01-24',
  // daily: the last 7 days (01-31 is also a week's and January's)
  '2027-01-29', '2027-01-30', '2027-01-31', '2027-02-01', '2027-02-02', '2027-02-03', '2027-02-04',
];

describe('retention rule (pure)', () => {
  it('after 400 days of daily backups keeps exactly 7 daily, 4 weekly, 12 monthly', () => {
    const kept = simulate(400);
    expect(dates(kept, 'daily')).toEqual(EXPECTED_DAILY);
  });

  it('keeps the backups of the last 10 imports', () => {
    const kept = simulate(400, { importEvery: 9 });
    // imports on days 0, 9, … 396: the last ten are days 315 … 396
    expect(dates(kept, 'import')).toEqual(Array.from({ length: 10 }, (_, i) => addDays('2026-01-01', 315 + 9 * i)));
    expect(dates(kept, 'daily')).toEqual(EXPECTED_DAILY);
  });

  it('with irregular use, never keeps more than 23 daily backups and always the newest of each rule', () => {
    // a deterministic pseudo-random office calendar: about half the days the app is not opened
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const skipped = new Set<number>();
    for (let d = 0; d < 400; d++) if (rand() < 0.5 || (d > 200 && d < 260)) skipped.add(d);
    const taken = Array.from({ length: 400 }, (_, d) => d)
      .filter((d) => !skipped.has(d))
      .map((d) => addDays('2026-01-01', d));
    const kept = dates(simulate(400, { skip: (d) => skipped.has(d) }), 'daily');
    expect(kept.length).toBeLessThanOrEqual(23);
    // the last 7 days that had a backup
    expect(kept).toEqual(expect.arrayContaining(taken.slice(-7)));
    // the newest backup of each of the last 12 months that had one (a 2-month gap is skipped, not counted)
    const monthEnds = [...new Map(taken.map((d) => [d.slice(0, 7), d])).values()].slice(-12);
    expect(kept).toEqual(expect.arrayContaining(monthEnds));
    expect(kept[0]).toBe(monthEnds[0]);
  });

  it('keeps a backup dated after "now" (a wrong PC clock) without letting it take a slot', () => {
    const week = Array.from({ length: 9 }, (_, i) => backup('daily', `2027-03-${String(10 + i).padStart(2, '0')}T08:00:00`));
    const future = backup('daily', '2099-01-01T08:00:00');
    const { keep, remove } = decideRetention([...week, future], '2027-03-18T09:00:00');
    expect(keep).toContain(future.name);
    for (const b of week.slice(-7)) expect(keep).toContain(b.name);
    expect(remove.length).toBeLessThan(week.length);
  });

  it('reads back only its own names', () => {
    expect(parseBackupName('tracker-20270315-083000-daily.db', 'tracker')).toEqual({
      name: 'tracker-20270315-083000-daily.db',
      kind: 'daily',
      at: '2027-03-15T08:30:00',
    });
    expect(parseBackupName('tracker-20270315-083000-import-2.db', 'tracker')?.kind).toBe('import');
    expect(parseBackupName('tracker-old-20270315-083000-daily.db', 'tracker')).toBeNull();
    expect(parseBackupName('tracker-20270315-083000-daily.db.partial-12', 'tracker')).toBeNull();
    expect(parseBackupName('notes.db', 'tracker')).toBeNull();
  });
});

describe('retention on disk', () => {
  it('over 400 simulated days (Beijing time, two starts a day) keeps the rule’s files and no others', async () => {
    const dbPath = tempDbPath();
    const clock = steppingClock('2026-01-01T00:30:00', 8 * 60);
    const b = openBackend({ dbPath, user: 'tester', clock, seed: false });
    const dir = path.join(path.dirname(dbPath), 'backups');
    fs.mkdirSync(dir, { recursive: true });
    const strangers = ['notes.txt', 'other-20260101-083000-daily.db', 'tracker-copy.db'];
    for (const s of strangers) fs.writeFileSync(path.join(dir, s), 'not ours to delete');
    const ctx = b.ctxFor('ui');
    // The files, not SQLite's copying, are under test here (database.test.ts covers real backups): a cheap writer keeps 400 days fast.
    const writer = async (_db: unknown, file: string): Promise<void> => fs.writeFileSync(file, `backup of ${path.basename(dbPath)}`);
    for (let day = 0; day < 400; day++) {
      const date = addDays('2026-01-01', day);
      // the first start is between 00:00 and 08:00, when the UTC date is still yesterday's
      clock.set(`${date}T00:30:00`);
      expect(await dailyBackup(ctx, { writer })).not.toBeNull();
      clock.set(`${date}T08:30:00`);
      expect(await dailyBackup(ctx, { writer })).toBeNull();
      if (day % 9 === 0) {
        clock.set(`${date}T14:00:00`);
        await autoBackup(b.ctxFor('import'), 'import', { writer });
      }
    }
    b.close();
    const backups = listBackups(dbPath);
    expect(dates(backups, 'daily')).toEqual(EXPECTED_DAILY);
    expect(dates(backups, 'import')).toHaveLength(10);
    expect(backups.every((x) => x.size > 0)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => !f.startsWith('tracker-2')).sort()).toEqual(strangers.slice().sort());

    const out: string[] = [];
    const r = await runCli(['backup', '--list', '--db', dbPath], { out: (l) => out.push(l), err: (l) => out.push(l) }, {});
    expect(r).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/每日\s+2027-02-04 00:30:00\s+\d/);
    expect(text).toMatch(/导入前\s+2027-01-23 14:00:00/);
    expect(text).toContain(`共 ${EXPECTED_DAILY.length + 10} 个`);
  });

  it('removes copies left half-written by a crash once they are a day old, and nothing else', () => {
    const dbPath = tempDbPath();
    const dir = path.join(path.dirname(dbPath), 'backups');
    fs.mkdirSync(dir, { recursive: true });
    const old = path.join(dir, 'tracker-20270314-083000-daily.db.partial-41');
    const fresh = path.join(dir, 'tracker-20270315-083000-daily.db.partial-42');
    fs.writeFileSync(old, 'half');
    fs.writeFileSync(fresh, 'half');
    const clock = steppingClock('2027-03-15T09:00:00');
    fs.utimesSync(old, new Date(clock.now().getTime() - 2 * DAY_MS), new Date(clock.now().getTime() - 2 * DAY_MS));
    fs.utimesSync(fresh, clock.now(), clock.now());
    pruneBackups(dbPath, clock);
    expect(fs.existsSync(old)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
  });
});
