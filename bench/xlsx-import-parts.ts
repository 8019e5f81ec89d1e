// Not a bench (run.ts skips it): the preview's parts timed one by one, in this thread, warm,
// min and median of N runs each (CPU time beside wall time: the machine is shared). 'head start'
// runs in the pipeline while the worker still parses; 'diff after' is what is left once it is done.
// `node --import tsx bench/xlsx-import-parts.ts`
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openBackend } from '../src/backend/backend';
import { KINDS } from '../src/backend/import/kinds';
import { annexParser } from '../src/backend/import/kinds/annex-parser';
import type { ParsedWorkbook } from '../src/backend/import/kind';
import { readWorkbookXml } from '../src/backend/xlsx/sheet-xml-reader';
import { DEFAULT_ZIP_LIMITS, guardZip } from '../src/backend/xlsx/zip-guard';
import { benchAnnexBytes } from './xlsx-fixture';

const N = Number(process.env.RUNS ?? 8);
const bytes = await benchAnnexBytes();
const times = new Map<string, { wall: number[]; cpu: number[] }>();
function time<T>(label: string, f: () => T): T {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = f();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const e = times.get(label) ?? { wall: [], cpu: [] };
  e.wall.push(wall);
  e.cpu.push((c.user + c.system) / 1000);
  times.set(label, e);
  return r;
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-parts-'));
try {
  for (let i = 0; i < N; i++) {
    const guarded = time('zip guard', () => guardZip(bytes, 'p.xlsx', DEFAULT_ZIP_LIMITS));
    const grid = time('read xml', () => readWorkbookXml(guarded.xmlParts));
    const parsed = time('parse', () => annexParser.parse(grid, 'p.xlsx'));
    const cloned = time('clone', () => structuredClone(parsed) as ParsedWorkbook);
    const backend = openBackend({ dbPath: path.join(dir, `d${i}.db`), seed: false, user: 'bench' });
    const ctx = backend.ctxFor('cli');
    const prepared = time('diff', () => KINDS.annex.prepare(ctx, cloned, {}));
    time('fingerprint', () => prepared.fingerprint(ctx));
    // the pipeline's way: the per-row part on rows sent ahead (overlapping the worker's parse), then the rest
    const again = structuredClone(parsed) as ParsedWorkbook;
    const start = KINDS.annex.begin();
    time('head start', () => start.onRows(again.rows));
    time('diff after', () => start.prepare(ctx, again, {}));
    backend.close();
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
const med = (a: number[]): number => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)] ?? 0;
for (const [k, v] of times) console.log(`${k.padEnd(12)} wall min ${Math.min(...v.wall).toFixed(0).padStart(4)} med ${med(v.wall).toFixed(0).padStart(4)}   cpu min ${Math.min(...v.cpu).toFixed(0).padStart(4)} med ${med(v.cpu).toFixed(0).padStart(4)}`);
