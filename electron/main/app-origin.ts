// Which URLs are "our app": the Vite dev server's origin in development, the built
// index.html under file:// in production. Every IPC handler and the navigation guard
// ask this. Pure, so it is unit-tested.

export type AppOrigin =
  | { kind: 'dev'; url: string }
  | { kind: 'file'; indexUrl: string; caseInsensitive: boolean };

export function devOrigin(url: string): AppOrigin {
  return { kind: 'dev', url };
}

/** indexUrl from url.pathToFileURL(path to out/renderer/index.html).href */
export function fileOrigin(indexUrl: string, platform: string): AppOrigin {
  return { kind: 'file', indexUrl, caseInsensitive: platform === 'win32' || platform === 'darwin' };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True when url is a page of our app (any hash route or query on it). */
export function isAppUrl(url: string | null | undefined, origin: AppOrigin): boolean {
  if (!url) return false;
  const u = parse(url);
  if (u === null) return false;
  if (origin.kind === 'dev') {
    const dev = parse(origin.url);
    return dev !== null && (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === dev.origin;
  }
  const index = parse(origin.indexUrl);
  if (index === null || u.protocol !== 'file:' || index.protocol !== 'file:') return false;
  // file://host/… would be a network share; our app is always local
  if (u.host !== index.host) return false;
  const norm = (p: string) => {
    const decoded = decodeURIComponent(p);
    return origin.caseInsensitive ? decoded.toLowerCase() : decoded;
  };
  return norm(u.pathname) === norm(index.pathname);
}
