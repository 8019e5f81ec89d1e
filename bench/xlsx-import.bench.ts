// Import bench: the whole import of a 10,000-row annex (zip check, read, parse, preview,
// backup, write) into a fresh database, against ExcelJS's own load of the same file,
// interleaved in one run; each figure the median of RUNS runs after a warm-up. The write
// phase is the apply after the backup: the one transaction that writes the rows. Peak memory
// is measured in a child process that does only our import.
import { execFileSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { openBackend } from '../src/backend/backend';
import { parseWorkerEntry } from '../src/backend/import/parse-client';
import { applyWorkbook, previewWorkbook } from '../src/backend/import/pipeline';
import { median, type BenchResults } from './results';
import { benchAnnexBytes, ROWS, RUNS, timed } from './xlsx-fixture';

const here = path.dirname(fileURLToPath(import.meta.url));

interface OneImport {
  totalMs: number;
  writeMs: number;
  phases: Record<string, number>;
}

async function importOnce(bytes: Buffer, dbPath: string): Promise<OneImport> {
  const backend = openBackend({ dbPath, seed: false, user: 'bench' });
  try {
    const phases: Record<string, number> = {};
    let last = 0;
    let lastPhase = '';
    let backedUpAt = 0;
    const onProgress = (phase: string, done: number, total: number): void => {
      const now = performance.now();
      if (lastPhase) phases[lastPhase] = (phases[lastPhase] ?? 0) + (now - last);
      last = now;
      lastPhase = phase;
      if (phase === '备份数据库' && done === total) backedUpAt = now;
    };
    const ctx = { ...backend.ctxFor('cli'), progress: onProgress };
    const t0 = performance.now();
    last = t0;
    const preview = await previewWorkbook(ctx, { kind: 'annex', fileName: 'bench-annex.xlsx', bytes });
    if (preview.kind !== 'annex' || preview.added.length !== ROWS) throw new Error(`expected ${ROWS} added, got ${preview.writes}`);
    const r = await applyWorkbook(ctx, preview.token);
    const end = performance.now();
    if (r.added !== ROWS) throw new Error(`expected ${ROWS} written, got ${r.added}`);
    if (lastPhase) phases[lastPhase] = (phases[lastPhase] ?? 0) + (end - last);
    return { totalMs: end - t0, writeMs: end - (backedUpAt || t0), phases };
  } finally {
    backend.close();
  }
}

function peakRssOfChild(file: string, dbPath: string): number {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(here, 'xlsx-import-child.ts'), file, dbPath], { encoding: 'utf8' });
  const parsed: unknown = JSON.parse(out.trim().split('\n').pop() ?? '{}');
  if (typeof parsed !== 'object' || parsed === null || !('maxRssMb' in parsed) || typeof parsed.maxRssMb !== 'number') throw new Error(`child said: ${out}`);
  return parsed.maxRssMb;
}

/** ms from starting a parse worker to its 'ready' (its modules loaded): the first import of a session waits for it */
async function workerStartMs(): Promise<number | null> {
  const entry = parseWorkerEntry();
  if (!entry) return null;
  const t0 = performance.now();
  const worker =
    entry.kind === 'js'
      ? new Worker(entry.url, { execArgv: [] })
      : new Worker(`require(${JSON.stringify(entry.tsxApi)}).register();\nrequire(${JSON.stringify(entry.file)});`, { eval: true, execArgv: [] });
  try {
    await new Promise<void>((resolve, reject) => {
      worker.on('message', (m: unknown) => {
        if (typeof m === 'object' && m !== null && 'type' in m && m.type === 'ready') resolve();
      });
      worker.on('error', reject);
    });
    return performance.now() - t0;
  } finally {
    await worker.terminate();
  }
}

export async function run(): Promise<BenchResults> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-import-bench-'));
  try {
    const bytes = await benchAnnexBytes();
    const file = path.join(dir, 'bench-annex.xlsx');
    fs.writeFileSync(file, bytes);
    let n = 0;
    const load = async (): Promise<unknown> => new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer);
    await load();
    await importOnce(bytes, path.join(dir, `import-${n++}.db`));
    const loads: number[] = [];
    const imports: OneImport[] = [];
    for (let i = 0; i < RUNS; i++) {
      loads.push((await timed(load)).ms);
      imports.push(await importOnce(bytes, path.join(dir, `import-${n++}.db`)));
    }
    const rss: number[] = [];
    for (let i = 0; i < 3; i++) rss.push(peakRssOfChild(file, path.join(dir, `child-${i}.db`)));

    const importMs = median(imports.map((r) => r.totalMs));
    const writeMs = median(imports.map((r) => r.writeMs));
    const loadMs = median(loads);
    const mid = imports.find((r) => r.totalMs === importMs) ?? imports[0];
    console.log(`import of a ${ROWS.toLocaleString('en-US')}-row annex (${(bytes.length / 1024).toFixed(0)} KB): ours ${(importMs / 1000).toFixed(2)} s, ExcelJS load ${(loadMs / 1000).toFixed(2)} s, ratio ${(importMs / loadMs).toFixed(2)}; write phase ${writeMs.toFixed(0)} ms (median of ${RUNS})`);
    if (mid) console.log(`  phases of the median run: ${Object.entries(mid.phases).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(', ')}`);
    console.log(`  peak RSS of an import in its own process: ${median(rss).toFixed(0)} MB (runs: ${rss.map((x) => x.toFixed(0)).join(', ')})`);
    const starts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const ms = await workerStartMs();
      if (ms !== null) starts.push(ms);
    }
    if (starts.length > 0) console.log(`  parse worker start (modules loaded): ${median(starts).toFixed(0)} ms (runs: ${starts.map((x) => x.toFixed(0)).join(', ')})`);
    return { xlsx: { importS: importMs / 1000, importWriteMs: writeMs, exceljsLoadS: loadMs / 1000, importPeakRssMb: median(rss) } };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) console.log(await run());
