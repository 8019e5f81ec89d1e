// kill -9 during a large import, again and again: after every kill `check` passes and the
// database holds exactly the old state or exactly the complete new one (content hash of
// plans, projects and sites, and the count of change_log rows), never half an import.
// The kills land at random moments of the apply window, measured on a first, whole run.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openBackend } from '../../src/backend/backend';
import { runCli } from '../../src/cli/run-cli';
import { largeAnnexBytes } from '../fixtures/xlsx/large-annex';
import { tempDir } from '../unit/helpers/temp-db';
import { bundleChildren, childEnv, exited, onLines, startChild } from './helpers/child-bundle';

const ROWS = 1500;
const KILLS = 20;

let dir = '';
let bundle = '';
beforeAll(() => {
  dir = tempDir('crash-import-');
  bundle = bundleChildren({ 'import-child': 'tests/reliability/children/import-child.ts' });
});
afterAll(() => {
  // retried: a child killed a moment ago may still be closing its files
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  fs.rmSync(bundle, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
});

/** What an import changes, without timestamps or random batch ids. */
function stateHash(dbPath: string): string {
  const db = new Database(dbPath, { readonly: true });
  try {
    const h = createHash('sha256');
    for (const sql of [
      'SELECT id, title, issuer, start_year, end_year FROM plan ORDER BY id',
      'SELECT * FROM project ORDER BY id',
      'SELECT * FROM site ORDER BY id',
      'SELECT COUNT(*) FROM change_log',
      'SELECT COUNT(*) FROM change_batch',
    ]) {
      h.update(JSON.stringify(db.prepare(sql).raw(true).all()));
    }
    return h.digest('hex');
  } finally {
    db.close();
  }
}

function restore(pristine: string, dbPath: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true });
  fs.copyFileSync(pristine, dbPath);
}

async function check(dbPath: string): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const code = await runCli(['check', '--db', dbPath], { out: (l) => out.push(l), err: (l) => out.push(l) }, {});
  return { code, out: out.join('\n') };
}

/** A small deterministic generator: a failing run can be replayed. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Run {
  signal: NodeJS.Signals | null;
  code: number | null;
  /** ms from APPLY to DONE, when both were seen */
  applyMs: number | null;
  stderr: string;
}

/** One child import; when `killAfter` is given, SIGKILL that many ms after it enters the transaction. */
async function runImport(dbPath: string, xlsx: string, killAfter?: number): Promise<Run> {
  const child = startChild(path.join(bundle, 'import-child.js'), [dbPath, xlsx], childEnv({ TRACKER_PARSE_WORKER: 'off' }));
  const exit = exited(child);
  let applyAt = 0;
  let applyMs: number | null = null;
  onLines(child, (line) => {
    if (line === 'APPLY') {
      applyAt = performance.now();
      if (killAfter !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfter);
    } else if (line.startsWith('DONE') && applyAt > 0) applyMs = performance.now() - applyAt;
  });
  const e = await exit;
  return { signal: e.signal, code: e.code, applyMs, stderr: e.stderr };
}

it(`${KILLS} SIGKILLs inside a ${ROWS}-row import each leave the old or the whole new state`, async () => {
  const pristine = path.join(dir, 'pristine.db');
  openBackend({ dbPath: pristine, user: 'setup' }).close(); // seeded, WAL folded back on close
  const xlsx = path.join(dir, '崩溃测试.xlsx');
  fs.writeFileSync(xlsx, await largeAnnexBytes(ROWS, '崩溃测试县民政事业发展“十五五”规划'));
  const dbPath = path.join(dir, 'tracker.db');
  const oldState = stateHash(pristine);

  // a whole run: the new state, and how long the write transaction takes
  restore(pristine, dbPath);
  const whole = await runImport(dbPath, xlsx);
  expect(whole.stderr).toBe('');
  expect(whole.code).toBe(0);
  const newState = stateHash(dbPath);
  expect(newState).not.toBe(oldState);
  const window = whole.applyMs ?? 0;
  expect(window).toBeGreaterThan(0);

  const random = lcg(20261129);
  const outcomes: { delay: number; state: 'old' | 'new' }[] = [];
  let attempts = 0;
  // two lanes, each with its own copy of the database: one child is checked while the other runs
  const lane = async (name: string): Promise<void> => {
    const laneDb = path.join(dir, `${name}.db`);
    while (outcomes.length < KILLS && attempts < KILLS * 2) {
      attempts++;
      restore(pristine, laneDb);
      // anywhere in the transaction, a little past its end included (the commit itself)
      const delay = Math.round(random() * window * 1.1);
      const run = await runImport(laneDb, xlsx, delay);
      if (run.signal !== 'SIGKILL') continue; // it finished first: not a kill
      const checked = await check(laneDb);
      expect(checked, `check after a kill at +${delay} ms`).toMatchObject({ code: 0 });
      const state = stateHash(laneDb);
      expect([oldState, newState], `state after a kill at +${delay} ms`).toContain(state);
      outcomes.push({ delay, state: state === oldState ? 'old' : 'new' });
    }
  };
  const started = performance.now();
  await Promise.all([lane('a'), lane('b')]);
  console.info(`crash-import: ${outcomes.length} kills (${outcomes.filter((o) => o.state === 'new').length} after the commit) in ${Math.round(performance.now() - started)} ms; apply window ${Math.round(window)} ms`);
  expect(outcomes.length).toBeGreaterThanOrEqual(KILLS);
  // most kills land before the commit: those must have left the old state whole
  expect(outcomes.filter((o) => o.state === 'old').length).toBeGreaterThan(0);
}, 180_000);
