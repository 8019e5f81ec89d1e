// Session- and window-level hardening (Electron security checklist): strict CSP,
// no navigation away from the app, no new windows, no permissions, no <webview>.
import { type Session, type WebContents } from 'electron';
import { type AppOrigin, isAppUrl } from './app-origin';
import { cspHeader, developmentCsp, PRODUCTION_CSP } from './csp';

/** webPreferences every window gets; preload is the only bridge to the main process. */
export function secureWebPreferences(preload: string): Electron.WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    // keep the bundle's compiled code from the first start (app:// has the codeCache
    // privilege), instead of only after Chromium's "seen twice" heat check: the next start
    // skips most of the parse and compile of the start bundle
    v8CacheOptions: 'bypassHeatCheck',
  };
}

export function applySessionSecurity(session: Session, origin: AppOrigin): void {
  const policy = cspHeader(origin.kind === 'dev' ? developmentCsp(origin.url) : PRODUCTION_CSP);
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    // drop any CSP the dev server might send, in whatever case, and set ours
    for (const key of Object.keys(headers)) {
      if (key.toLowerCase() === 'content-security-policy') delete headers[key];
    }
    headers['Content-Security-Policy'] = [policy];
    callback({ responseHeaders: headers });
  });
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // the app never downloads through the renderer: exports go through the save dialog
  session.on('will-download', (event) => event.preventDefault());
}

interface NavigationEvent {
  url: string;
  preventDefault(): void;
}

/**
 * Navigation guard, new-window denial and no <webview>, for every webContents (main.ts also
 * applies it from 'web-contents-created'). isAppUrl is total, so preventDefault is always
 * reached for anything that is not our origin. Links to other sites are not opened at all,
 * neither in the app nor in the system browser: the app has no reason to leave itself.
 */
export function applyContentsSecurity(contents: WebContents, origin: AppOrigin): void {
  const guard = (kind: string) => (event: NavigationEvent) => {
    if (isAppUrl(event.url, origin)) return;
    event.preventDefault();
    console.warn(`[security] refused ${kind} to ${String(event.url).slice(0, 300)}`);
  };
  contents.on('will-navigate', guard('navigation'));
  // every frame, not only the top one (a subframe could otherwise be navigated away)
  contents.on('will-frame-navigate', guard('frame navigation'));
  contents.on('will-redirect', guard('redirect'));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler((details) => {
    console.warn(`[security] denied new window for ${details.url.slice(0, 300)}`);
    return { action: 'deny' };
  });
}
