import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/backend/backend';
import { startServer, type RunningServer } from '../../src/server/server';
import { openTempBackend, tempDir } from './helpers/temp-db';

let backend: Backend;
let server: RunningServer;

beforeAll(async () => {
  backend = openTempBackend();
  server = await startServer(backend, { port: 0, webRoot: tempDir() });
});
afterAll(async () => {
  await server.close();
  backend.close();
});

function post(path: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  return fetch(new URL(path, server.url), { method: 'POST', headers, body: JSON.stringify(body) });
}

describe('HTTP transport', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the Api through the same handlers', async () => {
    const res = await post('/api/register.get', {});
    const reply = (await res.json()) as { ok: boolean; result: { projects: unknown[]; totalInvestmentYuan: number } };
    expect(reply.ok).toBe(true);
    expect(reply.result.projects).toHaveLength(15);
    expect(reply.result.totalInvestmentYuan).toBe(637_600_000);
  });

  it('validates input and returns the error shape with field issues', async () => {
    const res = await post('/api/project.update', { id: 1, patch: { investmentYuan: 'abc' } });
    expect(res.status).toBe(400);
    const reply = (await res.json()) as { ok: boolean; error: { code: string; issues: { field: string }[] } };
    expect(reply.ok).toBe(false);
    expect(reply.error.code).toBe('invalid');
    expect(reply.error.issues[0]?.field).toBe('investmentYuan');
  });

  it('logs edits made over HTTP as door "ui"', async () => {
    await post('/api/project.update', { id: 3, patch: { leader: '赵六' } });
    const d = await backend.send('project.get', { id: 3 });
    expect(d.history[0]).toMatchObject({ door: 'ui', field: 'leader' });
  });

  it('refuses non-JSON posts, unknown methods and foreign Host headers', async () => {
    expect((await post('/api/register.get', {}, { 'content-type': 'text/plain' })).status).toBe(400);
    expect((await post('/api/nope', {})).status).toBe(404);
    const status = await new Promise<number>((resolve) => {
      const u = new URL(server.url);
      http
        .request({ host: u.hostname, port: u.port, path: '/', headers: { host: 'evil.example:80' } }, (r) => resolve(r.statusCode ?? 0))
        .end();
    });
    expect(status).toBe(403);
  });
});
