// The main window: created hidden and shown when ready (no white flash), loads the
// Vite dev server in development and app://tracker/index.html otherwise.
import { BrowserWindow } from 'electron';
import path from 'node:path';
import { type AppOrigin } from './app-origin';
import { installContextMenu } from './context-menu';
import { applyContentsSecurity, secureWebPreferences } from './security';
import { installUnloadGuard } from './unload-guard';

export const APP_TITLE = '民政重点项目台账';

export interface WindowPaths {
  preload: string;
  /** out/renderer: the folder app:// serves (origin.kind === 'app') */
  rendererDir: string;
}

export function createMainWindow(origin: AppOrigin, paths: WindowPaths): BrowserWindow {
  const win = new BrowserWindow({
    title: APP_TITLE,
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences(paths.preload),
  });
  applyContentsSecurity(win.webContents, origin);
  installContextMenu(win.webContents);
  installUnloadGuard(win.webContents);
  win.once('ready-to-show', () => win.show());
  win.loadURL(origin.url).catch((error: unknown) => {
    // a failed load must not leave an invisible window behind
    console.error(`[window] failed to load ${origin.url}`, error);
    if (!win.isDestroyed()) win.show();
  });
  return win;
}

/** Folder of the built main script, for preload and renderer paths. */
export function buildPaths(mainDir: string): WindowPaths {
  return {
    preload: path.join(mainDir, '..', 'preload', 'index.cjs'),
    rendererDir: path.join(mainDir, '..', 'renderer'),
  };
}

export function focusWindow(win: BrowserWindow | null): void {
  if (win === null || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
