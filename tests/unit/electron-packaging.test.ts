// The packaging configuration that only Windows CI can exercise: the Electron Fuses in
// electron-builder.yml, and the workflow that builds, tests and packages on windows-latest.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

/** The `key: value` lines of one top-level block of a YAML file (enough for flat blocks). */
function yamlBlock(text: string, key: string): Record<string, string> {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => l === `${key}:`);
  if (start < 0) return {};
  const out: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break; // next top-level key
    const m = /^\s+([A-Za-z]+):\s*(\S+)\s*(#.*)?$/.exec(line);
    if (m?.[1] !== undefined && m[2] !== undefined) out[m[1]] = m[2];
  }
  return out;
}

describe('electron-builder.yml', () => {
  it('flips the Electron Fuses the security checklist asks for', () => {
    expect(yamlBlock(read('electron-builder.yml'), 'electronFuses')).toMatchObject({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
    });
  });

  it('packs into an asar (the integrity fuse checks it)', () => {
    expect(read('electron-builder.yml')).toMatch(/^asar: true$/m);
  });
});

describe('.github/workflows/windows.yml', () => {
  const workflow = read('.github/workflows/windows.yml');

  it('runs on windows-latest: npm ci, the tests, the real Electron spec, the NSIS build and its upload', () => {
    expect(workflow).toMatch(/runs-on: windows-latest/);
    for (const step of [
      'npm ci',
      'npx playwright install chromium',
      'npm test',
      'node scripts/prepare-electron-sqlite.mjs',
      'npx playwright test tests/e2e/electron.spec.ts',
      'npm run dist:win',
      '@electron/fuses read',
      'actions/upload-artifact@v4',
    ]) {
      expect(workflow, step).toContain(step);
    }
  });

  it('uses scripts that exist', () => {
    const pkg: unknown = JSON.parse(read('package.json'));
    const scripts = typeof pkg === 'object' && pkg !== null && 'scripts' in pkg ? pkg.scripts : {};
    expect(scripts).toHaveProperty('test');
    expect(scripts).toHaveProperty('dist:win');
    expect(fs.existsSync(path.join(root, 'tests/e2e/electron.spec.ts'))).toBe(true);
  });
});
