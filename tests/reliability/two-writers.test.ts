// Two doors write to one database at once: a CLI `import annex` of a large workbook, and
// another process saving project edits one after another (as the app does while an officer
// types). Every write of both must succeed: no "database is locked", because every write
// transaction starts IMMEDIATE and so waits (busy_timeout) instead of failing at once.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openBackend } from '../../src/backend/backend';
import { largeAnnexBytes } from '../fixtures/xlsx/large-annex';
import { tempDir } from '../unit/helpers/temp-db';
import { bundleChildren, childEnv, exited, onLines, startChild } from './helpers/child-bundle';

const ROWS = 2000;
const MIN_EDITS = 60;

let dir = '';
let bundle = '';
beforeAll(() => {
  dir = tempDir('two-writers-');
  bundle = bundleChildren({
    cli: 'src/cli/main.ts',
    // beside the CLI bundle, where the import finds its parse worker (as in the Electron build)
    'parse-worker': 'src/backend/import/parse-worker.ts',
    'edit-child': 'tests/reliability/children/edit-child.ts',
  });
});
afterAll(() => {
  // retried: a child killed a moment ago may still be closing its files
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  fs.rmSync(bundle, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
});

it('a CLI import and 60+ project edits from another process all succeed', async () => {
  const dbPath = path.join(dir, 'tracker.db');
  openBackend({ dbPath, user: 'setup' }).close(); // seeded: 15 projects in plan 1
  const xlsx = path.join(dir, '并发导入.xlsx');
  fs.writeFileSync(xlsx, await largeAnnexBytes(ROWS, '并发测试县民政事业发展“十五五”规划'));
  const stopFile = path.join(dir, 'stop');
  const env = childEnv();

  const editor = startChild(path.join(bundle, 'edit-child.js'), [dbPath, stopFile, String(MIN_EDITS)], env);
  const editorExit = exited(editor);
  let report = '';
  const ready = new Promise<void>((resolve) =>
    onLines(editor, (line) => {
      if (line === 'READY') resolve();
      else report = line;
    }),
  );
  await ready;

  const importer = startChild(path.join(bundle, 'cli.js'), ['import', 'annex', xlsx, '--db', dbPath], env);
  const out: string[] = [];
  onLines(importer, (line) => out.push(line));
  const imported = await exited(importer);
  fs.writeFileSync(stopFile, '');
  const edited = await editorExit;

  expect(imported.stderr).not.toMatch(/locked|内部错误/);
  expect(imported.code).toBe(0);
  expect(out.join('\n')).toMatch(/已导入到规划编号 2：新增 2000 项/);
  expect(edited.code).toBe(0);
  const r = JSON.parse(report) as { ok: number; failures: string[]; slowest: number };
  expect(r.failures).toEqual([]);
  expect(r.ok).toBeGreaterThanOrEqual(MIN_EDITS);

  const db = new Database(dbPath, { readonly: true });
  try {
    expect(db.prepare('SELECT COUNT(*) AS n FROM project WHERE plan_id = 2').get()).toEqual({ n: ROWS });
    const edits = db.prepare("SELECT COUNT(*) AS n FROM change_log WHERE door = 'cli' AND field = 'leader'").get() as { n: number };
    expect(edits.n).toBe(r.ok);
  } finally {
    db.close();
  }
}, 120_000);
