// Every write transaction starts IMMEDIATE: a deferred one reads, then upgrades to a write
// lock, and in WAL mode SQLite answers that upgrade with SQLITE_BUSY at once ("database is
// locked") instead of waiting for busy_timeout. This closes the class for all of src/ and
// electron/: every `.transaction(` call must be invoked as `.immediate()`.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['src', 'electron'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

/** What follows the `.transaction(...)` call: its closing parenthesis found by counting. */
function afterCall(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return text.slice(i + 1, i + 40);
  }
  return '';
}

/** Each `.transaction(` call not followed by `.immediate(`, as "file:line". */
function deferredTransactions(file: string, text: string): string[] {
  const out: string[] = [];
  const re = /\.transaction\(/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const rest = afterCall(text, m.index + m[0].length - 1).replace(/\s+/g, '');
    if (!rest.startsWith('.immediate(')) out.push(`${file}:${text.slice(0, m.index).split('\n').length}`);
  }
  return out;
}

describe('write transactions', () => {
  it('the check itself tells the two forms apart', () => {
    expect(deferredTransactions('a.ts', 'db.transaction(() => { f(); })();')).toEqual(['a.ts:1']);
    expect(deferredTransactions('a.ts', 'db\n  .transaction(() => {\n f(g(1));\n })\n  .immediate();')).toEqual([]);
  });

  it('are all IMMEDIATE in src/ and electron/', () => {
    const found = ROOTS.flatMap((root) => sourceFiles(root).flatMap((f) => deferredTransactions(f, fs.readFileSync(f, 'utf8'))));
    expect(found).toEqual([]);
  });
});
