// The app frame's first requests sent by public/early-register.js: taken once, with the
// answer on the first render when it has come, and an error as the caller's own.
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/domain/api/errors';
import { takeEarly } from '../../src/ui/early-requests';

const META = { readOnly: false, warnings: [], dbPath: '/tmp/t.db' };

function early(method: 'meta.get' | 'plans.list', body: unknown, settledAlready: boolean): void {
  const reply = { status: 200, body };
  window.earlyRequests = { ...window.earlyRequests, [method]: { reply: Promise.resolve(reply), settled: settledAlready ? reply : null } };
}

afterEach(() => {
  delete window.earlyRequests;
});

describe('takeEarly', () => {
  it('gives an answer already read as a value, once', async () => {
    early('meta.get', { ok: true, result: META }, true);
    const answer = takeEarly('meta.get');
    expect(answer?.value).toEqual(META);
    await expect(answer?.promise).resolves.toEqual(META);
    expect(takeEarly('meta.get')).toBeNull(); // a later load asks afresh
  });

  it('gives an answer still on its way as a promise, noted once it comes', async () => {
    early('plans.list', { ok: true, result: [{ id: 1 }] }, false);
    const answer = takeEarly('plans.list');
    expect(answer?.value).toBeUndefined();
    await expect(answer?.promise).resolves.toEqual([{ id: 1 }]);
    expect(answer?.value).toEqual([{ id: 1 }]);
  });

  it("gives the server's error as an ApiError", async () => {
    early('meta.get', { ok: false, error: { code: 'internal', message: '数据库打不开', issues: [] } }, true);
    await expect(takeEarly('meta.get')?.promise).rejects.toThrow('数据库打不开');
  });

  it('reports a failed request as no connection', async () => {
    const failed = Promise.reject(new TypeError('Failed to fetch'));
    failed.catch(() => undefined);
    window.earlyRequests = { 'meta.get': { reply: failed, settled: null } };
    await expect(takeEarly('meta.get')?.promise).rejects.toBeInstanceOf(ApiError);
  });

  it('is null when the script did not run (the desktop app)', () => {
    expect(takeEarly('meta.get')).toBeNull();
    expect(takeEarly('plans.list')).toBeNull();
  });
});
