// Child of two-writers.test.ts: edits projects through the Api (project.update), one small
// write transaction each, until the stop file appears and at least `min` edits are done.
// Prints READY once the database is open, then one JSON line with what happened.
// argv: dbPath, stopFile, min
import fs from 'node:fs';
import { openBackend } from '../../../src/backend/backend';

const [dbPath, stopFile, minText] = process.argv.slice(2);
if (!dbPath || !stopFile) throw new Error('usage: edit-child DB STOPFILE MIN');
const min = Number(minText ?? '50');
const backend = openBackend({ dbPath, user: 'editor', seed: false });
const ids = (backend.db.prepare('SELECT id FROM project WHERE plan_id = 1 ORDER BY id').all() as { id: number }[]).map((r) => r.id);
fs.writeSync(1, 'READY\n');
const failures: string[] = [];
let ok = 0;
let slowest = 0;
for (let i = 0; ok + failures.length < min || !fs.existsSync(stopFile); i++) {
  const id = ids[i % ids.length] ?? 1;
  const t0 = performance.now();
  try {
    await backend.send('project.update', { id, patch: { leader: `负责人${i}` } });
    ok++;
  } catch (e) {
    failures.push(e instanceof Error ? e.message : String(e));
  }
  slowest = Math.max(slowest, performance.now() - t0);
  await new Promise((r) => setTimeout(r, 5 + (i % 4) * 5));
  if (i > 5000) break; // a stop file that never comes must not hang the test
}
fs.writeSync(1, `${JSON.stringify({ ok, failures, slowest: Math.round(slowest) })}\n`);
backend.close();
