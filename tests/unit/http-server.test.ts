import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/backend/backend';
import { ApiError, httpStatusOf, toErrorBody } from '../../src/domain/api/errors';
import type { ServerLog } from '../../src/server/server-log';
import { startServer, type RunningServer } from '../../src/server/server';
import { openTempBackend, tempDir } from './helpers/temp-db';

let backend: Backend;
let server: RunningServer;
const logged = { warn: [] as string[], error: [] as unknown[] };
const log: ServerLog = { warn: (line) => logged.warn.push(line), error: (_line, e) => logged.error.push(e) };

beforeAll(async () => {
  backend = openTempBackend();
  // dist-web and a sibling whose name starts with it: a string-prefix root check lets it through
  const parent = tempDir();
  const webRoot = path.join(parent, 'dist-web');
  fs.mkdirSync(webRoot);
  fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>台账</title>');
  fs.mkdirSync(path.join(parent, 'dist-web-secret'));
  fs.writeFileSync(path.join(parent, 'dist-web-secret', 'x'), 'SECRET-SIBLING');
  server = await startServer(backend, { port: 0, webRoot, log });
});
afterAll(async () => {
  await server.close();
  backend.close();
});

function post(path: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  return fetch(new URL(path, server.url), { method: 'POST', headers, body: JSON.stringify(body) });
}

function postRaw(path: string, body: string | Uint8Array) {
  return fetch(new URL(path, server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : new Uint8Array(body) });
}

/** A GET with the path sent exactly as written (fetch would normalise ../ and %). */
function rawGet(urlPath: string): Promise<{ status: number; body: string }> {
  const u = new URL(server.url);
  return new Promise((resolve, reject) => {
    http
      .get({ host: u.hostname, port: u.port, path: urlPath, agent: false }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
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

describe('HTTP transport: bad requests get a Chinese 4xx, never a crash or a 500', () => {
  it('does not serve a sibling folder whose name starts with the web root', async () => {
    for (const p of ['/../dist-web-secret/x', '/..%2fdist-web-secret%2fx', '/%2e%2e/dist-web-secret/x', '/assets/../../dist-web-secret/x']) {
      const r = await rawGet(p);
      expect(r.body, p).not.toContain('SECRET-SIBLING');
      expect(r.status, p).toBe(404);
    }
    expect((await rawGet('/')).body).toContain('<title>台账</title>');
  });

  it('answers a malformed % sequence with 400 and goes on serving', async () => {
    const r = await rawGet('/%E0%A4%A');
    expect(r.status).toBe(400);
    expect(r.body).toBe('网址中的 % 编码无效');
    expect((await rawGet('/')).status).toBe(200);
  });

  it('answers a malformed JSON body with 400 "请求内容不是有效的 JSON", logging no stack trace', async () => {
    const errorsBefore = logged.error.length;
    for (const body of ['{', '{"a":1,}', "{'a':1}", 'nul']) {
      const res = await postRaw('/api/register.get', body);
      expect(res.status, body).toBe(400);
      expect(await res.json()).toEqual({ ok: false, error: { code: 'invalid', message: '请求内容不是有效的 JSON', issues: [] } });
    }
    expect(logged.error.length).toBe(errorsBefore);
  });

  it('accepts a body that starts with a UTF-8 BOM', async () => {
    const res = await postRaw('/api/register.get', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{}')]));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
  });

  it('refuses bodies that are not a JSON object, or not UTF-8', async () => {
    for (const body of ['[]', '"x"', '42', 'null', 'true']) {
      const res = await postRaw('/api/register.get', body);
      expect(res.status, body).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe('请求内容必须是 JSON 对象（{ … }）');
    }
    const res = await postRaw('/api/register.get', Buffer.from([0x7b, 0xc3, 0x28, 0x7d]));
    expect(res.status).toBe(400);
  });

  it('treats prototype keys as unknown methods', async () => {
    for (const m of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__']) {
      const res = await post(`/api/${m}`, {});
      expect(res.status, m).toBe(404);
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe(`未知的接口：${m}`);
    }
  });
});

describe('one error mapping for every transport', () => {
  it('passes expected errors through and reports only bugs', () => {
    const bugs: unknown[] = [];
    const onBug = (e: unknown) => bugs.push(e);
    expect(toErrorBody(new ApiError('not_found', '找不到项目'), onBug)).toEqual({ code: 'not_found', message: '找不到项目', issues: [] });
    expect(toErrorBody({ code: 'invalid', message: '坏', issues: [] }, onBug).code).toBe('invalid');
    expect(bugs).toHaveLength(0);
    expect(toErrorBody(new TypeError('x is undefined'), onBug)).toEqual({ code: 'internal', message: '程序内部错误：x is undefined', issues: [] });
    expect(toErrorBody({ code: 'made-up', message: 'm', issues: [] }, onBug).code).toBe('internal');
    expect(bugs).toHaveLength(2);
  });

  it('maps codes to HTTP statuses', () => {
    expect([httpStatusOf('invalid'), httpStatusOf('bad_file'), httpStatusOf('not_found'), httpStatusOf('conflict'), httpStatusOf('internal')]).toEqual([
      400, 400, 404, 409, 500,
    ]);
  });

  it('has a single definition (the IPC transport imports it)', () => {
    const ipc = fs.readFileSync(path.resolve(__dirname, '../../electron/main/ipc.ts'), 'utf8');
    const http = fs.readFileSync(path.resolve(__dirname, '../../src/server/http-api.ts'), 'utf8');
    for (const src of [ipc, http]) {
      expect(src).not.toMatch(/function toErrorBody/);
      expect(src).toMatch(/import \{[^}]*toErrorBody[^}]*\} from '[./]+\/(src\/)?domain\/api\/errors'/);
    }
  });
});
