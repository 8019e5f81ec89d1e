// The static root check, on POSIX and on Windows path semantics (pure: no files needed).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside, staticTarget } from '../../src/server/static-path';

const cases: { name: string; p: path.PlatformPath; root: string }[] = [
  { name: 'posix', p: path.posix, root: '/srv/app/dist-web' },
  { name: 'win32', p: path.win32, root: 'C:\\app\\dist-web' },
];

describe.each(cases)('staticTarget ($name)', ({ p, root }) => {
  const target = (url: string) => staticTarget(root, url, p);

  it('names files under the root', () => {
    expect(target('/assets/app.js?v=1')).toEqual({ kind: 'file', file: p.join(root, 'assets', 'app.js') });
    expect(target('/%E9%A1%B9%E7%9B%AE.html')).toEqual({ kind: 'file', file: p.join(root, '项目.html') });
    expect(target('/')).toEqual({ kind: 'index' });
    expect(target('/assets/..')).toEqual({ kind: 'index' });
    expect(target('/..foo/x.js')).toEqual({ kind: 'file', file: p.join(root, '..foo', 'x.js') });
  });

  it.each([
    '/../dist-web-secret/x',
    '/..',
    '/../',
    '/assets/../../dist-web-secret/x',
    '/..%2fdist-web-secret%2fx',
    '/%2e%2e/dist-web-secret/x',
    '/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    '//../dist-web-secret/x',
    '/./../x',
  ])('refuses %s (outside the root)', (url) => {
    expect(target(url)).toMatchObject({ kind: 'refused', status: 404 });
  });

  it.each([
    '/%E0%A4%A',
    '/%',
    '/%zz',
    '/%C0%AF',
    '/%ED%A0%80',
    '/index.html%00.js',
    '/x%00',
    '/..%5cdist-web-secret%5cx',
    '/..\\dist-web-secret\\x',
    '/C:/Windows/win.ini',
    '/C:%5cWindows%5cwin.ini',
    '/c:',
    '/index.html::$DATA',
    '/%0d%0aSet-Cookie:x',
    'http://127.0.0.1/index.html',
    '*',
    '',
  ])('refuses %s (malformed, absolute or Windows-special)', (url) => {
    expect(target(url)).toMatchObject({ kind: 'refused', status: 400 });
  });

  it.each(['/CON', '/nul.txt', '/assets/COM1.js', '/aux.', '/LPT9 '])('refuses the device name %s', (url) => {
    expect(target(url)).toMatchObject({ kind: 'refused', status: 404 });
  });
});

describe('isInside', () => {
  it('compares resolved paths, not string prefixes', () => {
    expect(isInside('/a/dist-web', '/a/dist-web-secret/x', path.posix)).toBe(false);
    expect(isInside('/a/dist-web', '/a/dist-web/x', path.posix)).toBe(true);
    expect(isInside('/a/dist-web', '/a/dist-web', path.posix)).toBe(true);
    expect(isInside('C:\\a\\dist-web', 'C:\\a\\dist-web-secret\\x', path.win32)).toBe(false);
    expect(isInside('C:\\a\\dist-web', 'D:\\a\\dist-web\\x', path.win32)).toBe(false);
    expect(isInside('C:\\a\\dist-web', 'c:\\A\\DIST-WEB\\x', path.win32)).toBe(true);
  });
});
