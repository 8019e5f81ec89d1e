// `npm run bench`: every bench/*.bench.ts in turn (or those named: npm run bench -- xlsx),
// then one table of the figures against issue 9's targets.
// `npm run bench -- --json FILE` also writes the figures as JSON (the shape is bench/results.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { judge, mergeResults, type BenchResults } from './results';

interface BenchModule {
  run(): Promise<BenchResults>;
}

function isBenchModule(m: unknown): m is BenchModule {
  return typeof m === 'object' && m !== null && 'run' in m && typeof m.run === 'function';
}

const dir = path.dirname(fileURLToPath(import.meta.url));
const { values, positionals } = parseArgs({ options: { json: { type: 'string' } }, allowPositionals: true });
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => positionals.length === 0 || positionals.some((w) => f.startsWith(w)))
  .sort();
if (files.length === 0) {
  console.error(`没有名为 ${positionals.join('、')} 的基准（可选：${fs.readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).join('、')}）`);
  process.exit(2);
}

/** the machine's load average (1 min) as a figure is printed: a busy machine shows here, not only in the figures */
const load = (): string => `load ${os.loadavg()[0]?.toFixed(2) ?? '?'} on ${os.availableParallelism()} cores`;

let results: BenchResults = {};
for (const file of files) {
  console.log(`\n=== ${file} === (${load()})`);
  const mod: unknown = await import(pathToFileURL(path.join(dir, file)).href);
  if (!isBenchModule(mod)) throw new Error(`${file} does not export run()`);
  results = mergeResults(results, await mod.run());
}

const verdicts = judge(results);
console.log(`\n=== against the targets (issue 9) === (${load()})`);
console.log('| what | measured | target | |');
console.log('|---|---|---|---|');
for (const v of verdicts) console.log(`| ${v.what} | ${v.figure} | ${v.target} | ${v.met ? 'met' : 'MISSED'} |`);

if (values.json) {
  const clean: unknown = JSON.parse(JSON.stringify(results));
  fs.writeFileSync(values.json, `${JSON.stringify(clean, null, 2)}\n`);
  console.log(`\nfigures written to ${values.json}`);
}
