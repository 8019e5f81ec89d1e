// Not a bench (run.ts skips it): one warm 10,000-row annex import, timed phase by phase, for
// profiling the whole path. `TRACKER_PARSE_WORKER=off node --cpu-prof --import tsx
// bench/xlsx-import-profile.ts` profiles the parse too (in this thread).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openBackend } from '../src/backend/backend';
import { applyWorkbook, previewWorkbook } from '../src/backend/import/pipeline';
import { benchAnnexBytes } from './xlsx-fixture';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-import-profile-'));
const bytes = await benchAnnexBytes();
const runs = Number(process.env.RUNS ?? 3);
try {
  for (let i = 0; i < runs; i++) {
    const backend = openBackend({ dbPath: path.join(dir, `p${i}.db`), seed: false, user: 'bench' });
    const phases: [string, number][] = [];
    let last = performance.now();
    let lastPhase = '';
    const ctx = {
      ...backend.ctxFor('cli'),
      progress: (phase: string): void => {
        const now = performance.now();
        if (phase !== lastPhase) {
          if (lastPhase) phases.push([lastPhase, now - last]);
          last = now;
          lastPhase = phase;
        }
      },
    };
    const t0 = performance.now();
    const preview = await previewWorkbook(ctx, { kind: 'annex', fileName: 'p.xlsx', bytes });
    const t1 = performance.now();
    await applyWorkbook(ctx, preview.token);
    const t2 = performance.now();
    phases.push([lastPhase, t2 - last]);
    const size = (f: string): number => (fs.existsSync(f) ? fs.statSync(f).size : 0);
    console.log(
      `run ${i}: total ${(t2 - t0).toFixed(0)} ms (preview ${(t1 - t0).toFixed(0)}, apply ${(t2 - t1).toFixed(0)}); ` +
        phases.map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ') +
        `; db ${(size(path.join(dir, `p${i}.db`)) / 1e6).toFixed(1)} MB`,
    );
    backend.close();
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
