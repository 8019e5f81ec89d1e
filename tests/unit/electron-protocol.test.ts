// The app:// protocol (electron/main/app-protocol.ts): which file a URL names, and the
// handler against a real folder with a sibling "secret" folder whose name shares the prefix.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  APP_INDEX_URL,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  mimeType,
  resolveAppFile,
} from '../../electron/main/app-protocol';

describe('resolveAppFile', () => {
  const posixRoot = '/opt/tracker/resources/app.asar/out/renderer';
  const winRoot = 'C:\\Program Files\\民政重点项目台账\\resources\\app.asar\\out\\renderer';

  it('maps app://tracker paths into the renderer folder', () => {
    expect(resolveAppFile(posixRoot, APP_INDEX_URL, path.posix)).toBe(`${posixRoot}/index.html`);
    expect(resolveAppFile(posixRoot, 'app://tracker/', path.posix)).toBe(`${posixRoot}/index.html`);
    expect(resolveAppFile(posixRoot, 'app://tracker/assets/index-abc.js?v=1#x', path.posix)).toBe(`${posixRoot}/assets/index-abc.js`);
    expect(resolveAppFile(posixRoot, 'app://tracker/fonts/%E6%80%9D%E6%BA%90.woff2', path.posix)).toBe(`${posixRoot}/fonts/思源.woff2`);
    expect(resolveAppFile(winRoot, 'app://tracker/assets/a.css', path.win32)).toBe(`${winRoot}\\assets\\a.css`);
  });

  it('refuses other schemes, hosts, credentials, ports and malformed URLs', () => {
    for (const url of [
      'file:///etc/passwd',
      'https://tracker/index.html',
      'app://other/index.html',
      'app://user:pw@tracker/index.html',
      'app://tracker:81/index.html',
      'app://tracker/%E0%A4%A',
      'app://tracker/%',
      'app://tracker/a%00.html',
      'not a url',
      '',
    ]) {
      expect(resolveAppFile(posixRoot, url, path.posix), url).toBeNull();
    }
  });

  it('refuses traversal by any spelling, with POSIX and Windows path rules', () => {
    const attempts = [
      'app://tracker/..%2F..%2Fsecret.txt',
      'app://tracker/%2e%2e/%2e%2e/secret.txt',
      'app://tracker/assets/..%2F..%2F..%2Fsecret.txt',
      'app://tracker/..%5C..%5Csecret.txt',
      'app://tracker/%2Fetc%2Fpasswd%2F..%2F..%2F..',
      'app://tracker/C:%5CWindows%5Cwin.ini',
      'app://tracker/C:/Windows/win.ini',
      'app://tracker/%5C%5Cserver%5Cshare%5Cx',
      'app://tracker/index.html::$DATA',
      'app://tracker/..%2Frenderer-secret%2Fkey.txt',
    ];
    for (const url of attempts) {
      for (const [rules, root] of [
        [path.posix, posixRoot],
        [path.win32, winRoot],
      ] as const) {
        const file = resolveAppFile(root, url, rules);
        if (file !== null) {
          // anything that resolves must still be inside the root
          const rel = rules.relative(root, file);
          expect(rel.startsWith('..') || rules.isAbsolute(rel), `${url} -> ${file}`).toBe(false);
        }
      }
    }
    expect(resolveAppFile(posixRoot, 'app://tracker/..%2Frenderer-secret%2Fkey.txt', path.posix)).toBeNull();
    expect(resolveAppFile(winRoot, 'app://tracker/..%5Crenderer-secret%5Ckey.txt', path.win32)).toBeNull();
  });
});

describe('app:// handler', () => {
  let base: string;
  let root: string;
  const csp = "default-src 'none'; script-src 'self'";

  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-proto-'));
    root = path.join(base, 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>台账</title>');
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    // the prefix trap: "renderer-secret" starts with "renderer"
    fs.mkdirSync(path.join(base, 'renderer-secret'));
    fs.writeFileSync(path.join(base, 'renderer-secret', 'key.txt'), 'SECRET');
    fs.writeFileSync(path.join(base, 'secret.txt'), 'SECRET');
  });

  afterEach(() => {
    fs.rmSync(base, { recursive: true, force: true });
    vi.restoreAllMocks();
  });

  const handler = () => createAppProtocolHandler(root, (file) => fs.promises.readFile(file), csp);

  it('serves the built files with their type, the CSP and nosniff', async () => {
    const index = await handler()(new Request(APP_INDEX_URL));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(csp);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await index.text()).toContain('台账');
    const js = await handler()(new Request('app://tracker/assets/app.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const head = await handler()(new Request(APP_INDEX_URL, { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('never serves a file outside the renderer folder', async () => {
    const read = vi.fn((file: string) => fs.promises.readFile(file));
    const h = createAppProtocolHandler(root, read, csp);
    for (const url of [
      'app://tracker/..%2Frenderer-secret%2Fkey.txt',
      'app://tracker/..%2Fsecret.txt',
      'app://tracker/%2e%2e%2fsecret.txt',
      'app://tracker/assets/..%2F..%2Fsecret.txt',
      `app://tracker/${encodeURIComponent(path.join(base, 'secret.txt'))}`,
    ]) {
      const response = await h(new Request(url));
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('SECRET');
    }
    // an absolute path in the URL is taken as relative to the root: at most, a missing file there is read
    for (const [file] of read.mock.calls) expect(path.relative(root, file).startsWith('..')).toBe(false);
  });

  it('answers 404 for a missing file or a folder, 405 for writes, 500 (logged) for a read error', async () => {
    expect((await handler()(new Request('app://tracker/nope.js'))).status).toBe(404);
    expect((await handler()(new Request('app://tracker/assets'))).status).toBe(404);
    expect((await handler()(new Request(APP_INDEX_URL, { method: 'POST', body: 'x' }))).status).toBe(405);
    const failing = createAppProtocolHandler(root, () => Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO' })), csp);
    expect((await failing(new Request(APP_INDEX_URL))).status).toBe(500);
  });

  it('is registered with the privileges a page origin needs, and no more', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true, codeCache: true });
    expect(mimeType('a.WOFF2')).toBe('font/woff2');
    expect(mimeType('a.unknown')).toBe('application/octet-stream');
  });
});
