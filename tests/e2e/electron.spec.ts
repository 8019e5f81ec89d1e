// The desktop app itself, driven through Playwright's Electron support: the built app
// (out/main/index.js via package.json "main") on a fresh temporary database.
// Skipped where the Electron binary is not installed (CI without internet, this sandbox).
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { devNativeBindingPath, electronExecutablePath } from '../../scripts/lib/electron-native-path.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const electronDir = path.dirname(createRequire(path.join(root, 'package.json')).resolve('electron/package.json'));
const electronVersion = (JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')) as { version: string })
  .version;

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

// Not require('electron'): since Electron 45 that starts a download when the binary is missing.
const executable = electronExecutablePath(electronDir, readText(path.join(electronDir, 'path.txt')), process.env);
const electronAvailable = executable !== null && fs.existsSync(executable);

test.describe('Electron desktop app', () => {
  test.skip(!electronAvailable, 'Electron 二进制不可用（本机无法下载），跳过');

  let app: ElectronApplication;
  let tmpDir: string;

  test.beforeAll(() => {
    // the Electron-ABI SQLite module and the built app, as `npm start` / `npm run build` make them
    if (!fs.existsSync(devNativeBindingPath(root, electronVersion))) {
      execFileSync(process.execPath, [path.join(root, 'scripts', 'prepare-electron-sqlite.mjs')], { cwd: root, stdio: 'inherit' });
    }
    if (!fs.existsSync(path.join(root, 'out', 'main', 'index.js')) || !fs.existsSync(path.join(root, 'out', 'renderer', 'index.html'))) {
      execFileSync(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
        cwd: root,
        stdio: 'inherit',
      });
    }
  });

  test.beforeEach(async () => {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-electron-'));
    const dbPath = path.join(tmpDir, 'tracker.db');
    app = await electron.launch({
      executablePath: executable ?? undefined,
      args: [root, '--db', dbPath],
      cwd: root,
      env: { ...process.env, TRACKER_DB: dbPath, TRACKER_USER_DATA: path.join(tmpDir, 'user-data'), ELECTRON_RENDERER_URL: '' },
      timeout: 60_000,
    });
  });

  test.afterEach(async () => {
    await app?.close();
    fs.rmSync(tmpDir, { recursive: true, force: true });
  });

  test('opens the register on the seeded database; only named functions exposed; navigation refused', async () => {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');

    const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle() ?? '');
    expect(title).toContain('民政重点项目台账');

    await expect(page.getByTestId('project-row')).toHaveCount(15);
    await expect(page.getByTestId('grand-total')).toHaveText('63,760');

    const exposed = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const api = w.api as Record<string, unknown> | undefined;
      return {
        apiFunctions: api ? Object.values(api).every((f) => typeof f === 'function') : false,
        registerGet: typeof api?.['register.get'],
        desktopFunctions: Object.keys((w.desktop as object | undefined) ?? {}).sort(),
        require: typeof w.require,
        ipcRenderer: typeof w.ipcRenderer,
        process: typeof w.process,
        apiIpcRenderer: typeof api?.ipcRenderer,
      };
    });
    expect(exposed).toEqual({
      apiFunctions: true,
      registerGet: 'function',
      desktopFunctions: ['onMenuCommand', 'openFile', 'print', 'printPdf', 'saveFile'],
      require: 'undefined',
      ipcRenderer: 'undefined',
      process: 'undefined',
      apiIpcRenderer: 'undefined',
    });

    // a call through the bridge returns the envelope, errors keep their code and issues
    const reply = await page.evaluate(() =>
      (window as unknown as { api: Record<string, (input: unknown) => Promise<unknown>> }).api['project.update']?.({
        id: 1,
        patch: { name: '' },
      }),
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid', issues: [{ field: 'name' }] } });

    // navigation away from the app and new windows are refused
    const before = page.url();
    await page.evaluate(() => {
      window.open('https://example.com/');
      location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    expect(app.windows()).toHaveLength(1);
  });
});
