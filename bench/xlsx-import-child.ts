// Run by xlsx-import.bench.ts in its own process: one import of the annex file named on the
// command line into a fresh database, and nothing else, then the process's peak RSS as JSON.
import fs from 'node:fs';
import path from 'node:path';
import { openBackend } from '../src/backend/backend';
import { applyWorkbook, previewWorkbook } from '../src/backend/import/pipeline';

/**
 * This process's own peak RSS in MB. On Linux, VmHWM of /proc/self/status: getrusage's maxRSS
 * survives exec, so a child spawned by a large parent (the bench, after the Gantt and register
 * runs) would report the parent's size instead of its own.
 */
function peakRssMb(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m?.[1]) return Number(m[1]) / 1024;
  } catch {
    // not Linux: fall through
  }
  return process.resourceUsage().maxRSS / 1024;
}

const [file, dbPath] = process.argv.slice(2);
if (!file || !dbPath) throw new Error('usage: xlsx-import-child FILE DB');
const backend = openBackend({ dbPath, seed: false, user: 'bench' });
try {
  const ctx = backend.ctxFor('cli');
  const preview = await previewWorkbook(ctx, { kind: 'annex', fileName: path.basename(file), bytes: fs.readFileSync(file) });
  const r = await applyWorkbook(ctx, preview.token);
  process.stdout.write(`${JSON.stringify({ added: r.added, maxRssMb: peakRssMb() })}\n`);
} finally {
  backend.close();
}
