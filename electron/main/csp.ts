// The renderer's Content-Security-Policy. Pure. In production the app:// handler sends it as
// a header with every file (electron/main/app-protocol.ts), and electron.vite.config.ts also
// writes it into index.html as a <meta> tag; 'self' is the app://tracker origin, not the disk.

const common = [
  "default-src 'none'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  // React sets style attributes and the Gantt print layout injects <style>
  "style-src 'self' 'unsafe-inline'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
];

/** Production: our own files only. */
export const PRODUCTION_CSP = [...common, "script-src 'self'", "connect-src 'self'"].join('; ');

/** Development: Vite's dev server adds an inline React-refresh preamble and a websocket for HMR. */
export function developmentCsp(devServerUrl: string): string {
  const u = new URL(devServerUrl);
  const ws = `ws://${u.host}`;
  return [...common, "script-src 'self' 'unsafe-inline'", `connect-src 'self' ${ws}`].join('; ');
}

/** As a header, also forbid being framed (ignored in <meta>, so added here only). */
export function cspHeader(policy: string): string {
  return `${policy}; frame-ancestors 'none'`;
}
