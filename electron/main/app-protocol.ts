// The app:// protocol that serves the built renderer (out/renderer) in production, instead
// of file://. A standard, secure scheme gives the page a real origin (app://tracker), so
// 'self' in the CSP means our files only, not "any file on the disk". The resolver is pure
// and path-traversal-safe (path.relative against the root), so it is unit-tested; the
// handler reads through an injected function (Electron's fs also reads inside app.asar).
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'tracker';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** For protocol.registerSchemesAsPrivileged, which must run before app 'ready'. */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
} as const satisfies Electron.Privileges;

/** path or path.win32 / path.posix (tests run both rules on any OS) */
export type PathRules = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

/**
 * The file under rootDir that requestUrl names, or null for anything else: another scheme
 * or host, credentials or a port, a malformed % sequence, NUL, "\" or ":" (Windows drive
 * letters, UNC paths, alternate data streams), and any path that resolves outside rootDir.
 */
export function resolveAppFile(rootDir: string, requestUrl: string, rules: PathRules = path): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '') return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (/[\0\\:]/.test(decoded)) return null;
  const relativePath = decoded.replace(/^\/+/, '') || 'index.html';
  const root = rules.resolve(rootDir);
  const target = rules.resolve(root, relativePath);
  const rel = rules.relative(root, target);
  if (rel === '' || rel === '..' || rel.startsWith(`..${rules.sep}`) || rules.isAbsolute(rel)) return null;
  return target;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : '';
}

export type ReadFile = (file: string) => Promise<Uint8Array>;

/**
 * The protocol.handle handler for app://. GET and HEAD only; every response carries the CSP
 * (a webRequest header hook does not reliably see custom-protocol responses). A refused or
 * missing path is a plain 404 that names nothing on the disk.
 */
export function createAppProtocolHandler(
  rootDir: string,
  readFile: ReadFile,
  csp: string,
  rules: PathRules = path,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers: { Allow: 'GET, HEAD' } });
    }
    const file = resolveAppFile(rootDir, request.url, rules);
    if (file === null) {
      console.warn(`[app://] refused ${request.url.slice(0, 300)}`);
      return notFound();
    }
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (error) {
      if (['ENOENT', 'EISDIR', 'ENOTDIR'].includes(errorCode(error))) return notFound();
      console.error('[app://]', error);
      return new Response('Internal error', { status: 500 });
    }
    const headers = {
      'Content-Type': mimeType(file),
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(bytes), { status: 200, headers });
  };
}
