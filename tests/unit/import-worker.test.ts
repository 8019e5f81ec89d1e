// Workbook parsing runs in a worker thread: the same result as in-thread, and the HTTP server
// keeps answering (here: the progress polls themselves) while a 10,000-row file is parsed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/backend/backend';
import { parseOffThread, parseWorkerEntry } from '../../src/backend/import/parse-client';
import { readAndParse } from '../../src/backend/import/read-and-parse';
import { KINDS } from '../../src/backend/import/kinds';
import { annexParser } from '../../src/backend/import/kinds/annex-parser';
import { defineKind } from '../../src/backend/import/kind';
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

  it('sends rows ahead during the parse: they are the first rows of the result, the very same objects', async () => {
    const bytes = await largeAnnexBytes(2_250);
    const ahead: unknown[][] = [];
    const viaWorker = await parseOffThread('annex', bytes, 'big.xlsx', undefined, (rows) => ahead.push(rows));
    expect(viaWorker).toEqual(await readAndParse('annex', bytes, 'big.xlsx'));
    expect(viaWorker.rows).toHaveLength(2_250);
    // four batches of 500 ahead; the last 250 came with the result
    expect(ahead.map((a) => a.length)).toEqual([500, 500, 500, 500]);
    ahead.flat().forEach((row, i) => expect(viaWorker.rows[i]).toBe(row));
    // in this thread (where no worker can start) the same rows go ahead, as the parser's own objects
    const inThread: unknown[][] = [];
    const parsed = await readAndParse('annex', bytes, 'big.xlsx', undefined, (rows) => inThread.push(rows));
    expect(inThread.map((a) => a.length)).toEqual([500, 500, 500, 500]);
    inThread.flat().forEach((row, i) => expect(parsed.rows[i]).toBe(row));
  });

  it('the diff begun on rows sent ahead gives exactly the preview of the diff done afterwards', async () => {
    const bytes = await largeAnnexBytes(2_500);
    const b = openTempBackend({ seed: false });
    try {
      const ctx = b.ctxFor('cli');
      const start = KINDS.annex.begin();
      const parsed = await parseOffThread('annex', bytes, 'big.xlsx', undefined, start.onRows);
      const early = start.prepare(ctx, parsed, {});
      const late = KINDS.annex.prepare(ctx, structuredClone(parsed), {});
      expect(early.preview).toEqual(late.preview);
      expect(early.writes).toBe(2_500);
      expect(early.fingerprint(ctx)).toBe(late.fingerprint(ctx));
    } finally {
      b.close();
    }
  });

  it('a head start that throws stops quietly (it runs in the worker message handler); diff then does the work itself', () => {
    let diffHead: number[] | undefined;
    const kind = defineKind({
      parser: annexParser,
      headStart: {
        begin: (): number[] => [],
        rows: (head: number[], rows: readonly unknown[]) => {
          head.push(rows.length);
          throw new Error('boom');
        },
      },
      diff: (_ctx, _parsed, _options, head) => {
        diffHead = head;
        return { preview: { kind: 'annex', planTitle: '', planId: null, added: [], changed: [], unchanged: [], sites: { added: [], archived: [] } }, warnings: [], writes: 0, payload: null };
      },
      fingerprint: () => '',
      apply: () => ({ planId: null, added: 0, changed: 0, unchanged: 0, summary: '' }),
    });
    const start = kind.begin();
    expect(() => start.onRows([1, 2])).not.toThrow();
    expect(() => start.onRows([3])).not.toThrow();
    const b = openTempBackend({ seed: false });
    try {
      start.prepare(b.ctxFor('cli'), { kind: 'annex', fileName: 'x.xlsx', sheet: '', meta: { planTitle: '' }, rows: [], warnings: [], errors: [] }, {});
    } finally {
      b.close();
    }
    // fed once, then no more
    expect(diffHead).toEqual([2]);
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
