// Export bench: our annex workbook (styles, merges, live SUM, print set-up, hidden extras
// sheet) of 10,000 projects written to a buffer (by the direct writer, xlsx-writer.ts),
// against ExcelJS writing the same cells plainly, interleaved in one run; each figure the
// median of RUNS runs after a warm-up.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAnnexWorkbook, workbookBuffer } from '../src/backend/xlsx/annex-export';
import { median, type BenchResults } from './results';
import { benchProjects, PLAN, plainWorkbook, ROWS, RUNS, timed } from './xlsx-fixture';

export async function run(): Promise<BenchResults> {
  const list = benchProjects();
  const ours = async (): Promise<Buffer> => workbookBuffer(buildAnnexWorkbook(PLAN, list));
  const plain = async (): Promise<Buffer> => Buffer.from(await plainWorkbook(list).xlsx.writeBuffer());
  const sizes = [(await ours()).length, (await plain()).length];
  const oursMs: number[] = [];
  const plainMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    oursMs.push((await timed(ours)).ms);
    plainMs.push((await timed(plain)).ms);
  }
  const exportMs = median(oursMs);
  const writeMs = median(plainMs);
  console.log(`export of a ${ROWS.toLocaleString('en-US')}-row annex: ours ${(exportMs / 1000).toFixed(2)} s, ExcelJS plain write ${(writeMs / 1000).toFixed(2)} s, ratio ${(exportMs / writeMs).toFixed(2)} (median of ${RUNS}); files ${sizes.map((n) => `${Math.round(n / 1024)} KB`).join(' and ')}`);
  return { xlsx: { exportS: exportMs / 1000, exceljsWriteS: writeMs / 1000 } };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) console.log(await run());
