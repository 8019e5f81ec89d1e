// electron-vite: main (ESM, as package.json is "type": "module"), preload (CommonJS
// .cjs — a sandboxed preload cannot be an ES module) and the renderer from src/ui.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { developmentCsp, PRODUCTION_CSP } from './electron/main/csp';

const root = import.meta.dirname;

const CSP_META = /<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>/i;

/**
 * Writes the renderer's CSP into index.html: the production policy in the build (the
 * app:// handler, electron/main/app-protocol.ts, also sends it as a header with every
 * file), and in dev the relaxed one, since Vite's React-refresh preamble is an inline
 * script that a stricter <meta> in index.html would block. The header from
 * electron/main/security.ts applies on top in dev.
 */
function cspMeta(): Plugin {
  let policy = PRODUCTION_CSP;
  return {
    name: 'tracker:csp-meta',
    configResolved(config) {
      if (config.command === 'serve') {
        const port = config.server.port ?? 5173;
        policy = developmentCsp(`http://localhost:${port}`).replace(/ws:\/\/localhost:\d+/, 'ws://localhost:* ws://127.0.0.1:*');
      }
    },
    transformIndexHtml(html) {
      const tag = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
      return CSP_META.test(html) ? html.replace(CSP_META, tag) : html.replace(/<head>/i, `<head>\n    ${tag}`);
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // dependencies stay in node_modules (loaded at run time); better-sqlite3 must,
      // as it is a native module whose .node is picked by path (nativeBinding)
      externalizeDeps: true,
      rolldownOptions: {
        // the import's parse worker is its own entry: out/main/parse-worker.js, which
        // src/backend/import/parse-client.ts finds beside the main bundle
        input: { index: resolve(root, 'electron/main/index.ts'), 'parse-worker': resolve(root, 'src/backend/import/parse-worker.ts') },
        external: ['better-sqlite3'],
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // sandboxed preloads can only require('electron'): bundle everything else
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/ui'),
    plugins: [react(), cspMeta()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      chunkSizeWarningLimit: 2000,
      rolldownOptions: {
        input: resolve(root, 'src/ui/index.html'),
      },
    },
  },
});
