// Workbook parsing runs in a worker thread: the same result as in-thread, and the HTTP server
// keeps answering (here: the progress polls themselves) while a 10,000-row file is parsed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/backend/backend';
import { parseOffThread, parseWorkerEntry } from '../../src/backend/import/parse-client';
import { readAndParse } from '../../src/backend/import/read-and-parse';
import type { ImportProgressSnapshot } from '../../src/domain/api/xlsx';
import { startServer, type RunningServer } from '../../src/server/server';
import { largeAnnexBytes } from '../fixtures/xlsx/large-annex';
import { messyAnnex } from '../fixtures/xlsx/corpus';
import { openTempBackend, tempDir } from './helpers/temp-db';

describe('parse worker', () => {
  it('is found from source under a TypeScript runner, and parses exactly as in-thread', async () => {
    expect(parseWorkerEntry()).toMatchObject({ kind: 'ts' });
    expect(parseWorkerEntry({ TRACKER_PARSE_WORKER: 'off' })).toBeNull();
    const bytes = Buffer.from(await messyAnnex().xlsx.writeBuffer());
    const phases: string[] = [];
    const viaWorker = await parseOffThread('annex', bytes, 'messy.xlsx', (phase) => phases.push(phase));
    expect(viaWorker).toEqual(await readAndParse('annex', bytes, 'messy.xlsx'));
    expect(viaWorker.rows).toHaveLength(4);
    expect(phases).toContain('读取工作簿');
  });

  it('sends a bad file back as the same Chinese error', async () => {
    await expect(parseOffThread('annex', Buffer.from('PK\u0003\u0004 broken'), 'bad.xlsx')).rejects.toMatchObject({ code: 'bad_file' });
  });
});

describe('the server while a 10,000-row workbook is parsed', () => {
  let backend: Backend;
  let server: RunningServer;
  beforeAll(async () => {
    backend = openTempBackend({ seed: false });
    server = await startServer(backend, { port: 0, webRoot: tempDir(), log: { warn: () => {}, error: () => {} } });
  });
  afterAll(async () => {
    await server.close();
    backend.close();
  });

  const api = async <T,>(method: string, body: unknown): Promise<T> => {
    const r = await fetch(new URL(`api/${method}`, server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const reply = (await r.json()) as { ok: boolean; result: T; error?: { message: string } };
    if (!reply.ok) throw new Error(reply.error?.message ?? 'failed');
    return reply.result;
  };

  it('answers polls within a fraction of a second during the parse, with a rising percentage', async () => {
    const bytes = await largeAnnexBytes(10_000);
    const jobId = 'ping-test-0001';
    let done = false;
    const preview = api<{ writes: number }>('xlsx.importPreview', { fileName: 'big.xlsx', base64: bytes.toString('base64'), jobId }).finally(() => {
      done = true;
    });
    const parsing = new Set(['检查文件', '读取工作簿', '检查数据']);
    const answered: { ms: number; snap: ImportProgressSnapshot }[] = [];
    while (!done) {
      const t0 = performance.now();
      const snap = await api<ImportProgressSnapshot | null>('xlsx.importProgress', { jobId });
      if (snap && parsing.has(snap.phase) && !done) answered.push({ ms: performance.now() - t0, snap });
      await new Promise((r) => setTimeout(r, 25));
    }
    expect((await preview).writes).toBe(10_000);
    // answered again and again while the worker parsed: the event loop was never held for long
    expect(answered.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...answered.map((a) => a.ms))).toBeLessThan(1000);
    const percents = answered.map((a) => a.snap.percent);
    expect(new Set(percents).size).toBeGreaterThanOrEqual(2);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
  }, 60_000);
});
