// Which URLs are "our app": the Vite dev server's origin in development, app://tracker
// (electron/main/app-protocol.ts) in production. Every IPC handler and the navigation
// guard ask this. Pure and total — anything it cannot parse is refused — so a malformed
// URL can never skip the guard's preventDefault. Unit-tested.
import { APP_INDEX_URL } from './app-protocol';

export type AppOrigin = { kind: 'dev'; url: string } | { kind: 'app'; url: string };

export function devOrigin(url: string): AppOrigin {
  return { kind: 'dev', url };
}

/** Production: the built renderer served over app:// */
export function appOrigin(): AppOrigin {
  return { kind: 'app', url: APP_INDEX_URL };
}

/** Longer than any URL of ours; refusing early keeps the check cheap. */
const MAX_URL_LENGTH = 8192;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function decodes(text: string): boolean {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

function matches(url: unknown, origin: AppOrigin): boolean {
  if (typeof url !== 'string' || url === '' || url.length > MAX_URL_LENGTH) return false;
  const u = parse(url);
  const o = parse(origin.url);
  if (u === null || o === null) return false;
  if (u.username !== '' || u.password !== '' || !decodes(u.pathname)) return false;
  if (origin.kind === 'dev' && u.protocol !== 'http:' && u.protocol !== 'https:') return false;
  // URL.origin is "null" for a non-special scheme such as app:, so compare its parts
  return u.protocol === o.protocol && u.host === o.host;
}

/** True when url is a page of our app (any path, hash route or query on its origin). */
export function isAppUrl(url: unknown, origin: AppOrigin): boolean {
  try {
    return matches(url, origin);
  } catch {
    return false;
  }
}
