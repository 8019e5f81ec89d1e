// Spreadsheet bench: a 10,000-row annex, measured in one run against ExcelJS itself.
//   import = guard + namespace check + ExcelJS load + parse + preview + apply into a temp DB,
//            against ExcelJS's own load of the same file;
//   export = our annex workbook (styles, merges, SUM, hidden extras sheet) written to a buffer,
//            against ExcelJS writing the same cells plainly;
//   peak memory = the largest RSS sampled every 20 ms during the run (and maxRSS).
// Each timing is the median of RUNS runs after one warm-up, so JIT warm-up does not decide a ratio.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { openBackend } from '../src/backend/backend';
import { applyWorkbook, previewWorkbook } from '../src/backend/import/pipeline';
import { buildAnnexWorkbook, workbookBuffer } from '../src/backend/xlsx/annex-export';
import type { Project } from '../src/domain/model';
import { syntheticProjects as projects } from '../tests/fixtures/xlsx/large-annex';
import { yuanToWan } from '../src/domain/money';
import { EXTRA_COLUMNS } from '../src/domain/xlsx/annex-columns';
import { formatWindow } from '../src/domain/xlsx/parse-window';

const ROWS = 10_000;
const RUNS = 3;
async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await time(fn)).ms);
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

/** The same cells our export writes (the annex sheet and the extras sheet), without any layout. */
function plainWorkbook(list: Project[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['附件1  测试县民政事业发展“十五五”规划重点项目清单明细']);
  ws.addRow(['序号', '项目名称', '建设性质', '项目建设主体', '项目建设地', '拟建设规模和建设内容', '投资估算（万元）', '建设年限']);
  for (const p of list) {
    ws.addRow([p.seq, p.name, p.nature, p.owner, p.locationText, p.scaleText, yuanToWan(p.investmentYuan), formatWindow(p.startYear, p.endYear, p.remark)]);
  }
  ws.addRow(['合计（万元）', '', '', '', '', '', list.reduce((s, p) => s + yuanToWan(p.investmentYuan), 0), '']);
  const extras = wb.addWorksheet('Sheet2');
  extras.addRow([...EXTRA_COLUMNS]);
  for (const p of list) {
    extras.addRow([p.seq, p.name, p.seqPrinted ?? '', p.category, p.startDate ?? '', p.endDate ?? '', p.responsibleUnit, p.leader, p.note]);
  }
  return wb;
}

export async function run(): Promise<void> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-bench-'));
  try {
    const list = projects(ROWS);
    const plan = { title: '测试县民政事业发展“十五五”规划' };

    // export: ours vs ExcelJS writing the same cells plainly
    const exportMs = await median(async () => workbookBuffer(buildAnnexWorkbook(plan, list)));
    const plainExportMs = await median(async () => Buffer.from(await plainWorkbook(list).xlsx.writeBuffer()));

    const bytes = await workbookBuffer(buildAnnexWorkbook(plan, list));
    const fileName = 'bench-annex.xlsx';
    fs.writeFileSync(path.join(dir, fileName), bytes);

    // import: ExcelJS's own load vs our whole import into a fresh empty DB each time
    const loadMs = await median(async () => new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer));
    let n = 0;
    let phases: Record<string, number> = {};
    const importMs = await median(async () => {
      const backend = openBackend({ dbPath: path.join(dir, `import-${n++}.db`), seed: false, user: 'bench' });
      try {
        const ctx = backend.ctxFor('cli');
        const marks: Record<string, number> = {};
        let last = performance.now();
        let lastPhase = '';
        const onProgress = (phase: string): void => {
          const now = performance.now();
          if (lastPhase) marks[lastPhase] = (marks[lastPhase] ?? 0) + (now - last);
          last = now;
          lastPhase = phase;
        };
        const pctx = { ...ctx, progress: onProgress };
        const preview = await previewWorkbook(pctx, { kind: 'annex', fileName, bytes });
        if (preview.kind !== 'annex' || preview.added.length !== ROWS) throw new Error(`expected ${ROWS} added, got ${preview.writes}`);
        onProgress('备份数据库');
        const r = await applyWorkbook(pctx, preview.token);
        onProgress('完成');
        if (r.added !== ROWS) throw new Error(`expected ${ROWS} written, got ${r.added}`);
        phases = marks;
      } finally {
        backend.close();
      }
    });

    clearInterval(sampler);
    const maxRssMb = process.resourceUsage().maxRSS / 1024;
    const mb = (b: number): string => (b / 1024 / 1024).toFixed(0);
    const f = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
    console.log(`\n== xlsx bench: ${ROWS.toLocaleString('en-US')}-row annex (${(bytes.length / 1024).toFixed(0)} KB), median of ${RUNS} runs ==`);
    console.log(`import (guard+load+parse+preview+apply): ${f(importMs)}   ExcelJS load alone: ${f(loadMs)}   ratio ${(importMs / loadMs).toFixed(2)} (target ≤ 1.5; import < 3 s: ${importMs < 3000 ? 'yes' : 'NO'})`);
    console.log(`  phases of the last import: ${Object.entries(phases).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(', ')}`);
    console.log(`export (annex layout + extras sheet):    ${f(exportMs)}   ExcelJS plain write of the same cells: ${f(plainExportMs)}   ratio ${(exportMs / plainExportMs).toFixed(2)} (target ≤ 1.5)`);
    console.log(`peak memory: RSS ${mb(peak)} MB sampled, maxRSS ${maxRssMb.toFixed(0)} MB`);
  } finally {
    clearInterval(sampler);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// `tsx bench/xlsx.bench.ts` runs it alone
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await run();
