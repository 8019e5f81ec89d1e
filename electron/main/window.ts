// The main window: created hidden and shown when ready (no white flash), loads the
// Vite dev server in development and the built index.html otherwise.
import { BrowserWindow } from 'electron';
import path from 'node:path';
import { type AppOrigin } from './app-origin';
import { applyContentsSecurity, secureWebPreferences } from './security';

export const APP_TITLE = '民政重点项目台账';

export interface WindowPaths {
  preload: string;
  /** out/renderer/index.html, used when origin.kind === 'file' */
  indexHtml: string;
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
  win.once('ready-to-show', () => win.show());
  void (origin.kind === 'dev' ? win.loadURL(origin.url) : win.loadFile(paths.indexHtml));
  return win;
}

/** Folder of the built main script, for preload and renderer paths. */
export function buildPaths(mainDir: string): WindowPaths {
  return {
    preload: path.join(mainDir, '..', 'preload', 'index.cjs'),
    indexHtml: path.join(mainDir, '..', 'renderer', 'index.html'),
  };
}

export function focusWindow(win: BrowserWindow | null): void {
  if (win === null || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
