// Entry of the parse worker (worker_threads): reads and parses workbooks off the main
// thread, so a 10,000-row file never stalls the HTTP server or Electron's main process.
// Built as its own entry by electron-vite (out/main/parse-worker.js); under tsx it runs
// from source. Started by parse-client.ts and kept for later files while it is in use.
// Rows the parser has accepted are posted ahead in batches ('rows'), so the main thread's
// per-row diff work overlaps the rest of the parse; 'done' then carries only the rest.
import { parentPort } from 'node:worker_threads';
import { ApiError } from '../../domain/api/errors';
import { isJobMessage, type ParseJob, type WorkerMessage } from './parse-messages';
import { readAndParse } from './read-and-parse';

function post(m: WorkerMessage): void {
  parentPort?.postMessage(m);
}

async function run(id: number, job: ParseJob): Promise<void> {
  try {
    const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
    let last = 0;
    let sent = 0;
    const parsed = await readAndParse(
      job.kind,
      bytes,
      job.fileName,
      (phase, done, total) => {
        // at most ~50 messages a second: progress is for eyes, not for accounting
        const now = Date.now();
        if (done !== total && done !== 0 && now - last < 20) return;
        last = now;
        post({ type: 'progress', id, phase, done, total });
      },
      (rows) => {
        // sent ahead: the main thread starts its diff work on them while this thread parses on
        sent += rows.length;
        post({ type: 'rows', id, rows });
      },
    );
    // the rows sent ahead are the first `sent` rows: only the rest travel again
    post({ type: 'done', id, parsed: { ...parsed, rows: sent === 0 ? parsed.rows : parsed.rows.slice(sent) }, sent });
  } catch (e) {
    const error =
      e instanceof ApiError
        ? e.toBody()
        : { code: 'internal' as const, message: `读取文件 ${job.fileName} 时出错：${e instanceof Error ? e.message : String(e)}`, issues: [] };
    post({ type: 'error', id, error });
  }
}

// no top-level await: from source this file is loaded as CommonJS (see parse-client.ts)
parentPort?.on('message', (m: unknown) => {
  if (isJobMessage(m)) void run(m.id, m.job);
});
post({ type: 'ready' });
