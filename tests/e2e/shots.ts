// Screenshots that illustrate the docs: a test run writes them under test-results/screens,
// and only `SCREENSHOTS=1 npx playwright test …` refreshes docs/screenshots. A plain run must
// not rewrite tracked files (every run changed a few PNGs by a pixel of font rendering).
import fs from 'node:fs';
import path from 'node:path';

/** The path for a docs screenshot named `name` (e.g. 'register-town-1366.png'), its folder made. */
export function docShot(name: string): string {
  const dir = path.resolve(process.env.SCREENSHOTS ? 'docs/screenshots' : 'test-results/screens');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
