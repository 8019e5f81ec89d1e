// The UI's progress polling: xlsx.importProgress is asked with the call's own job id while
// the call runs, and never after it settles.
import { describe, expect, it } from 'vitest';
import type { Send } from '../../src/domain/api/contract';
import type { ImportProgressSnapshot } from '../../src/domain/api/xlsx';
import { newJobId, withImportProgress } from '../../src/ui/import-progress';

describe('withImportProgress', () => {
  it('polls with the job id of the call until the call settles', async () => {
    const asked: string[] = [];
    let n = 0;
    const fake = (async (method: string, input: { jobId: string }) => {
      expect(method).toBe('xlsx.importProgress');
      asked.push(input.jobId);
      n += 10;
      return { phase: '读取工作簿', done: n, total: 100, percent: n, finished: false } satisfies ImportProgressSnapshot;
    }) as unknown as Send;
    const seen: number[] = [];
    let callId = '';
    const result = await withImportProgress(
      fake,
      async (jobId) => {
        callId = jobId;
        await new Promise((r) => setTimeout(r, 60));
        return 'ok';
      },
      (s) => seen.push(s.percent),
      5,
    );
    expect(result).toBe('ok');
    expect(seen.length).toBeGreaterThan(1);
    expect(new Set(asked)).toEqual(new Set([callId]));
    const after = asked.length;
    await new Promise((r) => setTimeout(r, 30));
    expect(asked.length).toBe(after);
  });

  it('makes ids the contract accepts', () => {
    expect(newJobId()).toMatch(/^[A-Za-z0-9-]{8,64}$/);
    expect(newJobId(() => 0.5)).toMatch(/^[A-Za-z0-9-]{8,64}$/);
  });
});
