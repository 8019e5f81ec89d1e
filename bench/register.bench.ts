// Register bench, in Chromium against the real server (bench/register-server.ts):
//   rows10000RenderMs   a fresh page opened on the register of a 10,000-project database, until
//                       its first rows are shown (the second animation frame after they are in
//                       the DOM: the frame that shows them);
//   filterKeystrokeMs   one character typed into the register's search box, from the key's event
//                       to the second frame after the filtered rows (the total row's count) are
//                       in the DOM; the median over several keystrokes that change the result;
//   seededInteractiveMs a fresh page opened on the seeded plan (15 projects), until its rows are
//                       shown and the search box accepts input.
// Also printed, not figures: the floor (the same watch on a static page served by the same server,
// holding one row and a search box and nothing else: what a fresh page costs on this machine before
// any app code), and when a 10,000-project page had every row (a large plan opens on its
// first window, register.first, and loads every row after that window is painted).
// Page times are from the page's own navigation start (performance.now()), so they include
// fetching index.html and the bundle. Every figure is the median of REPS fresh pages, each in
// a fresh browser context (no HTTP cache); the server stays up, as the app's does.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { launchBenchBrowser } from './browser';
import { openBackend } from '../src/backend/backend';
import { EMPTY_FILTER, matchesFilter } from '../src/ui/register/register-table';
import { buildRegisterDb, REGISTER_DB_TODAY } from '../tests/fixtures/register-db';
import { buildWeb, startBenchServer, type BenchServer } from './register-server';
import { median, type BenchResults, type RegisterFigures } from './results';

const REPS = 5;
const ROWS = 10_000;
const ROW = '[data-testid="project-row"]';
const SEARCH = 'input[aria-label="搜索"]';
const TOTAL = '[data-testid="total-row"]';
const LOADING = '[data-testid="register-loading"]';


// The in-page scripts are plain text: tsx would wrap a passed function's inner functions in
// its own helpers (__name), which do not exist in the page.

/**
 * Runs in the page from before its first script: watches the DOM until the register shows
 * rows and an enabled search box, then notes the time of the second animation frame after.
 */
const WATCH_REGISTER = `(() => {
  const ready = () => {
    const input = document.querySelector(${JSON.stringify(SEARCH)});
    return document.querySelector(${JSON.stringify(ROW)}) !== null && input !== null && !input.disabled;
  };
  const observer = new MutationObserver(() => {
    if (!ready()) return;
    observer.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => (window.registerShownAt = performance.now())));
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
  // every row here: rows shown and no first-window loading note (not a figure; read after the typing)
  const all = new MutationObserver(() => {
    if (document.querySelector(${JSON.stringify(ROW)}) === null || document.querySelector(${JSON.stringify(LOADING)}) !== null) return;
    all.disconnect();
    window.registerAllAt = performance.now();
  });
  all.observe(document, { childList: true, subtree: true });
})()`;

async function openRegister(browser: Browser, url: string): Promise<{ ms: number; page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.addInitScript({ content: WATCH_REGISTER });
  await page.goto(url, { waitUntil: 'commit' });
  // a function, not a string: the app's CSP forbids the eval a string predicate needs
  await page.waitForFunction(() => 'registerShownAt' in window, undefined, { timeout: 120_000, polling: 50 });
  const ms = Number(await page.evaluate('window.registerShownAt'));
  return { ms, page, close: () => context.close() };
}

/** In the page: arms a watch for the next keystroke, done at the second frame after the total row changes. */
const ARM_KEYSTROKE = `(() => {
  const total = () => document.querySelector(${JSON.stringify(TOTAL)})?.textContent ?? '';
  const before = total();
  let t0 = null;
  const start = (e) => {
    t0 ??= e.timeStamp;
  };
  for (const type of ['keydown', 'beforeinput', 'input']) window.addEventListener(type, start, { capture: true, once: true });
  window.keystrokeMs = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (t0 === null || total() === before) return;
      observer.disconnect();
      const began = t0;
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - began)));
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
})()`;

/** What people search a city-level register for: facilities, towns, counties. */
const SEARCHES = ['养老服务中心', '殡仪服务站', '公平镇', '未成年人保护', '巫山县朱衣镇'];

/**
 * Each search text with, per character, whether typing it changes how many projects match
 * (only those keystrokes have a filtered result to wait for and are measured). Counted on the
 * database's own rows with the register's own filter.
 */
async function keystrokePlan(dbPath: string): Promise<{ text: string; changes: boolean[] }[]> {
  const b = openBackend({ dbPath, today: () => REGISTER_DB_TODAY });
  try {
    const { projects } = await b.send('register.get', {});
    const count = (text: string) => projects.filter((r) => matchesFilter(r, { ...EMPTY_FILTER, text })).length;
    return SEARCHES.map((text) => {
      const counts = [...text].map((_, i) => count(text.slice(0, i + 1)));
      return { text, changes: counts.map((n, i) => n !== (i === 0 ? projects.length : counts[i - 1])) };
    });
  } finally {
    b.close();
  }
}

const frames = (page: Page) => page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())))');

/** The keystroke times of one page: every plan character that changes the result. */
async function typeSearches(page: Page, plan: { text: string; changes: boolean[] }[]): Promise<number[]> {
  const times: number[] = [];
  await page.click(SEARCH);
  for (const { text, changes } of plan) {
    for (const [i, ch] of [...text].entries()) {
      if (!changes[i]) {
        await page.keyboard.insertText(ch);
        await frames(page);
        continue;
      }
      await page.evaluate(ARM_KEYSTROKE);
      // insertText: one committed character, as an input method delivers it
      await page.keyboard.insertText(ch);
      times.push(Number(await page.evaluate('window.keystrokeMs')));
    }
    await page.keyboard.press('Escape');
    await page.waitForFunction((sel) => !(document.querySelector(sel)?.textContent ?? '').includes('筛选'), TOTAL);
    await frames(page);
  }
  return times;
}

const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');

export async function run(): Promise<BenchResults> {
  const register: RegisterFigures = {};
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'register-bench-'));
  const t0 = performance.now();
  const webRoot = await buildWeb();
  // the floor page (written before the servers start: they keep the web files in memory): no script, one row, one search box (the watch's own selectors)
  fs.writeFileSync(
    path.join(webRoot, 'bench-floor.html'),
    '<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8"><title>floor</title></head><body><table><tr data-testid="project-row"><td>养老服务中心</td></tr></table><input aria-label="搜索"></body></html>',
  );
  const big = buildRegisterDb({ projects: ROWS, dbPath: path.join(dir, 'register-10k.db') });
  console.log(`web build and ${ROWS}-project database in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const plan = await keystrokePlan(big.dbPath);
  const browser = await launchBenchBrowser();
  const servers: BenchServer[] = [];
  try {
    const seeded = await startBenchServer({ dbPath: path.join(dir, 'seeded.db'), webRoot, today: REGISTER_DB_TODAY });
    servers.push(seeded);
    const large = await startBenchServer({ dbPath: big.dbPath, webRoot, today: REGISTER_DB_TODAY });
    servers.push(large);
    console.log('Register bench (Chromium, ms from navigation start; median of %d fresh pages)', REPS);
    // the first page of each server, reported but not counted: fonts, and the server's first
    // derivation of the plan (later pages are served from its memo until the data changes)
    const coldSeeded = await openRegister(browser, seeded.url);
    await coldSeeded.close();
    const coldLarge = await openRegister(browser, large.url);
    await coldLarge.close();
    console.log(`  first page after start (not counted): seeded ${coldSeeded.ms.toFixed(0)} ms, ${ROWS} rows ${coldLarge.ms.toFixed(0)} ms`);
    const seededRuns: number[] = [];
    const largeRuns: number[] = [];
    const keyRuns: number[] = [];
    const allRuns: number[] = [];
    const floorRuns: number[] = [];
    for (let r = 0; r < REPS; r++) {
      // interleaved, so a burst of load elsewhere hits every figure alike
      const f = await openRegister(browser, `${seeded.url}bench-floor.html`);
      floorRuns.push(f.ms);
      await f.close();
      const s = await openRegister(browser, seeded.url);
      seededRuns.push(s.ms);
      await s.close();
      const l = await openRegister(browser, large.url);
      largeRuns.push(l.ms);
      const keys = await typeSearches(l.page, plan);
      keyRuns.push(median(keys));
      allRuns.push(Number(await l.page.evaluate('window.registerAllAt')));
      console.log(`  page ${r + 1}: keystrokes ${fmt(keys)}`);
      await l.close();
    }
    register.seededInteractiveMs = median(seededRuns);
    register.rows10000RenderMs = median(largeRuns);
    register.filterKeystrokeMs = median(keyRuns);
    console.log(`  floor: a static page with one row (not a figure): ${fmt(floorRuns)} → median ${median(floorRuns).toFixed(0)} ms`);
    console.log(`  seeded plan, page to interactive register: ${fmt(seededRuns)} → median ${register.seededInteractiveMs.toFixed(0)} ms`);
    console.log(`  ${ROWS} projects, page to first rows:         ${fmt(largeRuns)} → median ${register.rows10000RenderMs.toFixed(0)} ms`);
    console.log(`  ${ROWS} projects, page to every row (not a figure): ${fmt(allRuns)} → median ${median(allRuns).toFixed(0)} ms`);
    console.log(`  ${ROWS} projects, one keystroke (page medians): ${fmt(keyRuns)} → median ${register.filterKeystrokeMs.toFixed(0)} ms`);
  } finally {
    await browser.close();
    for (const s of servers) await s.stop();
    fs.rmSync(webRoot, { recursive: true, force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { register };
}

// allow `tsx bench/register.bench.ts` on its own
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  run().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
