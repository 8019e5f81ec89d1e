// The built UI from memory: hashed assets are read once and cached by the browser for a year,
// index.html is re-read after a rebuild and revalidated by ETag (refusals: http-server.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/backend/backend';
import { startServer, type RunningServer } from '../../src/server/server';
import { openTempBackend, tempDir } from './helpers/temp-db';

let backend: Backend;
let server: RunningServer;
let webRoot: string;

beforeAll(async () => {
  backend = openTempBackend();
  webRoot = path.join(tempDir(), 'dist-web');
  fs.mkdirSync(path.join(webRoot, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>一</title>');
  fs.writeFileSync(path.join(webRoot, 'assets', 'index-AbCd1234.js'), 'console.log(1)');
  fs.writeFileSync(path.join(webRoot, 'favicon.svg'), '<svg/>');
  server = await startServer(backend, { port: 0, webRoot, log: { warn: () => undefined, error: () => undefined } });
});
afterAll(async () => {
  await server.close();
  backend.close();
});

const get = (p: string, headers: Record<string, string> = {}) => fetch(new URL(p, server.url), { headers });

describe('static files', () => {
  it('serves a hashed asset from memory, cacheable for a year', async () => {
    const first = await get('/assets/index-AbCd1234.js');
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(first.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(first.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await first.text()).toBe('console.log(1)');
    // the disk is not read again: the same name always holds the same bytes
    fs.rmSync(path.join(webRoot, 'assets', 'index-AbCd1234.js'));
    const again = await get('/assets/index-AbCd1234.js');
    expect(await again.text()).toBe('console.log(1)');
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await get('/favicon.svg');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const revalidated = await get('/favicon.svg', { 'if-none-match': etag });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
    expect((await get('/favicon.svg', { 'if-none-match': '"other"' })).status).toBe(200);
  });

  it('re-reads index.html after a rebuild', async () => {
    const before = await get('/');
    expect(await before.text()).toBe('<!doctype html><title>一</title>');
    const file = path.join(webRoot, 'index.html');
    fs.writeFileSync(file, '<!doctype html><title>二号</title>');
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(file, later, later);
    const after = await get('/');
    expect(await after.text()).toBe('<!doctype html><title>二号</title>');
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    // an unknown path still falls back to the (new) index.html
    expect(await (await get('/no/such/page')).text()).toBe('<!doctype html><title>二号</title>');
  });
});
