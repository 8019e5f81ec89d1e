// Serves the built UI (dist-web) with a strict CSP; unknown paths fall back to index.html
// (the UI routes by #hash, so those are mistyped links). Which file a path names, and what
// is refused, is decided in static-path.ts.
//
// Files are kept in memory once read: a page load asks for the same few files each time, and
// the register should not wait on the disk. Vite's hashed assets (assets/name-HASH.js) never
// change under the same name, so they are served from memory without a look at the disk and
// cached by the browser for a year; anything else (index.html) is re-read only when a stat
// shows it changed (a rebuild while serving), and is revalidated by the browser (ETag).
import crypto from 'node:crypto';
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

/** Vite's content-hashed output: assets/<name>-<8+ chars of hash>.<ext> */
const HASHED_ASSET = /(^|[\\/])assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
/** the built UI is about 1 MB; a root with more than this is read from disk past the cap */
const MAX_CACHED_BYTES = 32 * 1024 * 1024;

interface CachedFile {
  body: Buffer;
  type: string;
  etag: string;
  cacheControl: string;
  /** hashed asset: its bytes cannot change, no stat needed */
  immutable: boolean;
  mtimeMs: number;
  size: number;
}

/** by the path a request names (root-checked by staticTarget, real path checked when read) */
const cache = new Map<string, CachedFile>();
let cachedBytes = 0;

/** A regular file whose real path (symlinks followed) is still inside the root, else null. */
async function realFileInside(root: string, file: string): Promise<{ file: string; stat: fs.Stats } | null> {
  try {
    const [realRoot, realFile] = await Promise.all([fs.promises.realpath(root), fs.promises.realpath(file)]);
    if (!isInside(realRoot, realFile)) return null;
    const stat = await fs.promises.stat(realFile);
    return stat.isFile() ? { file: realFile, stat } : null;
  } catch {
    return null; // missing, ENOTDIR, ENAMETOOLONG …: not a file we serve
  }
}

/** Still the same file on disk (index.html after a rebuild is not)? */
async function unchanged(file: string, hit: CachedFile): Promise<boolean> {
  if (hit.immutable) return true;
  try {
    const s = await fs.promises.stat(file);
    return s.mtimeMs === hit.mtimeMs && s.size === hit.size;
  } catch {
    return false;
  }
}

async function load(root: string, file: string): Promise<CachedFile | null> {
  const hit = cache.get(file);
  if (hit && (await unchanged(file, hit))) return hit;
  const real = await realFileInside(root, file);
  if (real === null) {
    if (hit) forget(file, hit);
    return null;
  }
  // The built files are small; reading them whole keeps every error on the awaited path.
  const body = await fs.promises.readFile(real.file);
  const immutable = HASHED_ASSET.test(path.relative(root, file));
  const entry: CachedFile = {
    body,
    type: TYPES[path.extname(real.file)] ?? 'application/octet-stream',
    etag: `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
    cacheControl: immutable ? IMMUTABLE : REVALIDATE,
    immutable,
    mtimeMs: real.stat.mtimeMs,
    size: body.length,
  };
  if (hit) forget(file, hit);
  if (cachedBytes + body.length <= MAX_CACHED_BYTES) {
    cache.set(file, entry);
    cachedBytes += body.length;
  }
  return entry;
}

function forget(file: string, hit: CachedFile): void {
  cache.delete(file);
  cachedBytes -= hit.body.length;
}

export async function serveStatic(root: string, urlPath: string, res: ServerResponse, ifNoneMatch?: string): Promise<void> {
  const target = staticTarget(root, urlPath);
  if (target.kind === 'refused') throw new HttpFailure(target.status, target.reason, { code: target.status === 404 ? 'not_found' : 'invalid' });
  const index = path.join(root, 'index.html');
  const file = (target.kind === 'file' ? await load(root, target.file) : null) ?? (await load(root, index));
  if (file === null) {
    throw new HttpFailure(503, '界面尚未构建：请先运行 npm run build:web（npm run serve 会自动构建）', { code: 'conflict' });
  }
  const headers = {
    'content-type': file.type,
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': file.cacheControl,
    etag: file.etag,
  };
  if (ifNoneMatch !== undefined && ifNoneMatch.split(/\s*,\s*/).includes(file.etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, 'content-length': file.body.length });
  res.end(file.body);
}
