// Profiling helper for the Gantt bench (not a bench itself: run.ts only picks *.bench.ts).
// `BENCH_MINIFY=0 npx tsx bench/gantt-profile.ts [rows] [ours|frappe]`: one fresh page, the
// same warm-up as the bench, then Chromium's CPU profiler and a timeline trace around the
// mount and around a scroll; prints self time per function and time per rendering phase.
import fs from 'node:fs';
import { launchBenchBrowser } from './browser';
import { benchHtml } from './gantt.bench';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}
interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
}

function selfTimes(p: Profile): [string, number][] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const acc = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const n = byId.get(id);
    if (!n) return;
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber}`;
    acc.set(key, (acc.get(key) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  });
  return [...acc.entries()].sort((a, b) => b[1] - a[1]);
}

const rows = Number(process.argv[2] ?? 137);
const lib: 'ours' | 'frappe' = process.argv[3] === 'frappe' ? 'frappe' : 'ours';
const html = await benchHtml();
const browser = await launchBenchBrowser();
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.setContent(html, { waitUntil: 'load' });
await page.evaluate((w) => window.ganttBench!.warm(w), lib);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await browser.startTracing(page, { categories: ['devtools.timeline', 'blink', 'cc', 'disabled-by-default-devtools.timeline'] });
await cdp.send('Profiler.start');
const ms = await page.evaluate(([w, n]) => (w === 'ours' ? window.ganttBench!.mountOurs(n) : window.ganttBench!.mountFrappe(n)), [lib, rows] as const);
const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
const trace = await browser.stopTracing();
console.log(`mount ${rows} rows (${lib}): ${ms.toFixed(1)} ms`);
const total = profile.timeDeltas.reduce((a, b) => a + b, 0) / 1000;
console.log(`profile total ${total.toFixed(1)} ms; top self times:`);
for (const [k, v] of selfTimes(profile).slice(0, 30)) console.log(`${v.toFixed(1).padStart(7)}  ${k}`);
const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
const phases = new Map<string, number>();
for (const e of events) if (e.ph === 'X' && e.dur) phases.set(e.name, (phases.get(e.name) ?? 0) + e.dur / 1000);
console.log('trace phases (ms, inclusive, may nest):');
for (const [k, v] of [...phases.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${v.toFixed(1).padStart(7)}  ${k}`);
fs.writeFileSync(`/tmp/gprof/mount-${lib}-${rows}.cpuprofile`, JSON.stringify(profile));

// scrolling: the same script as the bench, profiled
const sel = lib === 'ours' ? '.gantt-scroller' : '.gantt-container';
await browser.startTracing(page, { categories: ['devtools.timeline', 'blink', 'cc', 'disabled-by-default-devtools.timeline'] });
await cdp.send('Profiler.start');
const deltas = await page.evaluate(([s]) => window.ganttBench!.scroll(s, 120, 90), [sel] as const);
const scrollProfile = ((await cdp.send('Profiler.stop')) as unknown as { profile: Profile }).profile;
const strace = await browser.stopTracing();
const sorted = [...deltas].sort((a, b) => a - b);
console.log(`scroll: p50 ${sorted[60]?.toFixed(1)} p95 ${sorted[114]?.toFixed(1)} max ${sorted.at(-1)?.toFixed(1)}; long frames: ${deltas.filter((d) => d > 17.5).length}`);
for (const [k, v] of selfTimes(scrollProfile).slice(0, 20)) console.log(`${v.toFixed(1).padStart(7)}  ${k}`);
const sphases = new Map<string, number>();
for (const e of (JSON.parse(strace.toString()) as { traceEvents: TraceEvent[] }).traceEvents) if (e.ph === 'X' && e.dur) sphases.set(e.name, (sphases.get(e.name) ?? 0) + e.dur / 1000);
console.log('scroll trace phases:');
for (const [k, v] of [...sphases.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${v.toFixed(1).padStart(7)}  ${k}`);
await browser.close();
