// `npm run bench`: every bench/*.bench.ts in turn (or those named: npm run bench -- xlsx).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface BenchModule {
  run(): Promise<void>;
}

function isBenchModule(m: unknown): m is BenchModule {
  return typeof m === 'object' && m !== null && 'run' in m && typeof m.run === 'function';
}

const dir = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const mod: unknown = await import(pathToFileURL(path.join(dir, file)).href);
  if (!isBenchModule(mod)) throw new Error(`${file} does not export run()`);
  await mod.run();
}
