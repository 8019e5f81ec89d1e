// Gantt bench: time to first complete render and frame times while scrolling, for our
// chart and for frappe-gantt, on the same synthetic rows (137, 1,000, 10,000), in the
// same Chromium run.
//
// How the chart gets into the page (the simplest honest way): bench/gantt-bench-entry.tsx
// is bundled here with Vite in production mode (as an IIFE, the same React and the same
// GanttChart source the app ships), and frappe-gantt's own dist JS/CSS are loaded as
// they are. Each measurement runs in a fresh page; data is generated before the clock
// starts. "Render" is from mounting to the second animation frame after it (the frame
// that shows it). Scroll frames are requestAnimationFrame deltas while a script scrolls
// the chart's scroller by 90 px per frame.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { chromium, type Browser } from '@playwright/test';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SIZES = [137, 1_000, 10_000];
const SCROLL_FRAMES = 120;
const SCROLL_STEP = 90;

async function bundle(): Promise<{ js: string; css: string }> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gantt-bench-'));
  await build({
    configFile: false,
    root,
    logLevel: 'error',
    plugins: [react()],
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir,
      emptyOutDir: true,
      cssCodeSplit: false,
      lib: { entry: path.join(root, 'bench/gantt-bench-entry.tsx'), formats: ['iife'], name: 'GanttBenchPage', fileName: () => 'bench.js' },
    },
  });
  const css = fs.readdirSync(outDir).filter((f) => f.endsWith('.css'));
  const out = {
    js: fs.readFileSync(path.join(outDir, 'bench.js'), 'utf8'),
    css: css.map((f) => fs.readFileSync(path.join(outDir, f), 'utf8')).join('\n'),
  };
  fs.rmSync(outDir, { recursive: true, force: true });
  return out;
}

function stats(xs: number[]): { mean: number; p95: number } {
  const s = [...xs].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / Math.max(1, s.length);
  const p95 = s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? 0;
  return { mean, p95 };
}

interface Figures {
  renderMs: number;
  frame: { mean: number; p95: number };
}

async function measure(browser: Browser, html: string, lib: 'ours' | 'frappe', n: number): Promise<Figures> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    await page.setContent(html, { waitUntil: 'load' });
    const renderMs = await page.evaluate(
      ([which, rows]) => (which === 'ours' ? window.ganttBench!.mountOurs(rows) : window.ganttBench!.mountFrappe(rows)),
      [lib, n] as const,
    );
    const selector = lib === 'ours' ? '.gantt-scroller' : '.gantt-container';
    const deltas = await page.evaluate(
      ([sel, frames, step]) => window.ganttBench!.scroll(sel, frames, step),
      [selector, SCROLL_FRAMES, SCROLL_STEP] as const,
    );
    return { renderMs, frame: stats(deltas) };
  } finally {
    await page.close();
  }
}

const fmt = (x: number): string => x.toFixed(1).padStart(8);

export async function run(): Promise<void> {
  const { js, css } = await bundle();
  const frappeJs = fs.readFileSync(path.join(root, 'node_modules/frappe-gantt/dist/frappe-gantt.umd.js'), 'utf8');
  const frappeCss = fs.readFileSync(path.join(root, 'node_modules/frappe-gantt/dist/frappe-gantt.css'), 'utf8');
  // </script> cannot occur in either bundle's text in a way that matters; guard anyway
  const safe = (s: string): string => s.replace(/<\/script/gi, '<\\/script');
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>body{margin:0}${frappeCss}\n${css}</style></head>
<body><div id="app"></div><script>${safe(frappeJs)}</script><script>${safe(js)}</script></body></html>`;

  const executablePath = fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    console.log('Gantt bench (Chromium, ms; frames = requestAnimationFrame deltas while scrolling)');
    console.log('   rows | ours render | frappe render | ratio | ours frame mean/p95 | frappe frame mean/p95 | ratio(p95)');
    for (const n of SIZES) {
      const ours = await measure(browser, html, 'ours', n);
      const frappe = await measure(browser, html, 'frappe', n);
      const ratio = frappe.renderMs / ours.renderMs;
      const frameRatio = frappe.frame.p95 / ours.frame.p95;
      console.log(
        `${String(n).padStart(7)} |${fmt(ours.renderMs)}    |${fmt(frappe.renderMs)}      | ${ratio.toFixed(1).padStart(5)}x |` +
          ` ${fmt(ours.frame.mean)} /${fmt(ours.frame.p95)} | ${fmt(frappe.frame.mean)} /${fmt(frappe.frame.p95)}   | ${frameRatio.toFixed(2)}x`,
      );
      if (n === 10_000) console.log(`10,000 rows render target < 300 ms: ${ours.renderMs < 300 ? 'met' : 'MISSED'} (${ours.renderMs.toFixed(0)} ms)`);
      if (ours.renderMs >= frappe.renderMs) console.log(`  ! not faster than frappe-gantt at ${n} rows`);
    }
  } finally {
    await browser.close();
  }
}

// allow `tsx bench/gantt.bench.ts` on its own
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  run().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
