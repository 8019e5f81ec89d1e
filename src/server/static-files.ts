// Serves the built UI (dist-web) with a strict CSP; unknown paths fall back to index.html
// (the UI routes by #hash, so those are mistyped links). Which file a path names, and what
// is refused, is decided in static-path.ts.
import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { HttpFailure } from './http-failure';
import { isInside, staticTarget } from './static-path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** A regular file whose real path (symlinks followed) is still inside the root, else null. */
async function realFileInside(root: string, file: string): Promise<string | null> {
  try {
    const [realRoot, realFile] = await Promise.all([fs.promises.realpath(root), fs.promises.realpath(file)]);
    if (!isInside(realRoot, realFile)) return null;
    return (await fs.promises.stat(realFile)).isFile() ? realFile : null;
  } catch {
    return null; // missing, ENOTDIR, ENAMETOOLONG …: not a file we serve
  }
}

export async function serveStatic(root: string, urlPath: string, res: ServerResponse): Promise<void> {
  const target = staticTarget(root, urlPath);
  if (target.kind === 'refused') throw new HttpFailure(target.status, target.reason, { code: target.status === 404 ? 'not_found' : 'invalid' });
  const index = path.join(root, 'index.html');
  const file = (target.kind === 'file' ? await realFileInside(root, target.file) : null) ?? (await realFileInside(root, index));
  if (file === null) {
    throw new HttpFailure(503, '界面尚未构建：请先运行 npm run build:web（npm run serve 会自动构建）', { code: 'conflict' });
  }
  // The built files are small; reading them whole keeps every error on the awaited path.
  const body = await fs.promises.readFile(file);
  res.writeHead(200, {
    'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'content-length': body.length,
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': path.basename(file) === 'index.html' ? 'no-store' : 'max-age=3600',
  });
  res.end(body);
}
