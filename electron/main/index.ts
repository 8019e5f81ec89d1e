// Electron main: lifecycle, one instance at a time, the database, IPC, menu, window.
// No business logic here: everything goes through src/backend's startBackend().call.
import { app, BrowserWindow, dialog, protocol, session } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveNativeBinding } from '../../scripts/lib/electron-native-path.mjs';
import { defaultDbPath } from '../../src/backend/app-paths';
import { type Backend, startBackend } from '../../src/backend/backend';
import { type AppOrigin, appOrigin, devOrigin } from './app-origin';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { cspHeader, PRODUCTION_CSP } from './csp';
import { registerApiChannel } from './ipc';
import { resolveDbPath } from './launch-args';
import { installMenu } from './menu';
import { applyContentsSecurity, applySessionSecurity } from './security';
import { registerShellHandlers } from './shell-handlers';
import { buildPaths, createMainWindow, focusWindow } from './window';

const mainDir = path.dirname(fileURLToPath(import.meta.url));
const paths = buildPaths(mainDir);
// electron-vite sets ELECTRON_RENDERER_URL in `electron-vite dev` only
const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const origin: AppOrigin = devUrl ? devOrigin(devUrl) : appOrigin();

// Before 'ready' (Chromium reads both at start): the UI's language for built-in strings
// (context menus, input validation bubbles, the print dialog), and app:// as a standard,
// secure scheme, so that the built renderer has a real origin instead of file://.
app.commandLine.appendSwitch('lang', 'zh-CN');
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;

function fatal(title: string, message: string): void {
  dialog.showErrorBox(title, message);
  app.exit(1);
}

/** resources/ (seed data) and the Electron-ABI SQLite module: under the install folder when packaged. */
function locateResources(): { resourcesDir: string; nativeBinding: string } {
  const appPath = app.getAppPath();
  return {
    resourcesDir: app.isPackaged ? process.resourcesPath : path.join(appPath, 'resources'),
    nativeBinding: resolveNativeBinding({
      isPackaged: app.isPackaged,
      appPath,
      resourcesPath: process.resourcesPath,
      electronVersion: process.versions.electron,
    }),
  };
}

async function start(): Promise<void> {
  const { resourcesDir, nativeBinding } = locateResources();
  // the seed loader (src/backend/seed/load-seed.ts) reads resources/seed from here
  process.env.TRACKER_RESOURCES ??= resourcesDir;
  if (!fs.existsSync(nativeBinding)) {
    fatal(
      '缺少数据库组件',
      `未找到 Electron 版 SQLite 模块：\n${nativeBinding}\n\n` +
        (app.isPackaged ? '请重新安装本程序。' : '请用 npm start 启动（它会先准备该模块），或运行 node scripts/prepare-electron-sqlite.mjs。'),
    );
    return;
  }

  const dbPath = path.resolve(resolveDbPath(process.argv, defaultDbPath()));
  try {
    backend = await startBackend({ dbPath, nativeBinding });
  } catch (error) {
    fatal('无法打开数据库', `${dbPath}\n\n${error instanceof Error ? error.message : String(error)}`);
    return;
  }

  applySessionSecurity(session.defaultSession, origin);
  if (origin.kind === 'app') {
    // Electron's fs reads inside app.asar; the handler refuses anything outside rendererDir
    protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.rendererDir, (file) => fs.promises.readFile(file), cspHeader(PRODUCTION_CSP)));
  }
  registerApiChannel(backend, origin);
  registerShellHandlers(origin);
  installMenu({ dbPath, dataDir: path.dirname(dbPath), isDev: devUrl !== undefined });
  mainWindow = createMainWindow(origin, paths);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

// Chromium's own files (caches, local storage) go beside, not into, the data folder that
// 帮助 › 打开数据文件夹 shows; TRACKER_USER_DATA isolates test runs (and their instance lock).
app.setPath('userData', process.env.TRACKER_USER_DATA || path.join(app.getPath('appData'), 'capital-project-tracker-desktop'));

// One instance at a time: two processes writing one SQLite file through two caches
// is how office users lose edits. A second launch focuses the first window instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => focusWindow(mainWindow));
  app.on('web-contents-created', (_event, contents) => {
    // belt and braces: every webContents, not only the main window's, gets the navigation
    // guard and the new-window denial (the main window applies them again; both are idempotent)
    applyContentsSecurity(contents, origin);
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fatal('启动失败', error instanceof Error ? (error.stack ?? error.message) : String(error)));
  app.on('activate', () => {
    // macOS: clicking the dock icon with no window open
    if (backend !== null && BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow(origin, paths);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    backend?.close();
    backend = null;
  });
}
