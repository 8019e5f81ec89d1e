// The application menu, in Chinese. Commands that belong to the pages (import, export,
// print, switching views) are sent to the renderer; the rest are handled here.
import { app, BrowserWindow, dialog, Menu, type MenuItemConstructorOptions, shell } from 'electron';
import type { MenuCommand } from '../../src/domain/menu-commands';
import { MENU_COMMAND_CHANNEL } from '../shared/channels';
import { APP_TITLE } from './window';

export interface MenuContext {
  dbPath: string;
  dataDir: string;
  isDev: boolean;
}

function send(cmd: MenuCommand): void {
  const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  win?.webContents.send(MENU_COMMAND_CHANNEL, cmd);
}

function command(label: string, cmd: MenuCommand, accelerator?: string): MenuItemConstructorOptions {
  return { label, click: () => send(cmd), ...(accelerator ? { accelerator } : {}) };
}

async function showAbout(ctx: MenuContext): Promise<void> {
  const win = BrowserWindow.getFocusedWindow();
  const options = {
    type: 'info' as const,
    title: '关于',
    message: APP_TITLE,
    detail: [
      `版本 ${app.getVersion()}`,
      `Electron ${process.versions.electron}，Chromium ${process.versions.chrome}`,
      `数据文件：${ctx.dbPath}`,
    ].join('\n'),
    buttons: ['确定'],
  };
  await (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
}

async function openDataFolder(ctx: MenuContext): Promise<void> {
  const error = await shell.openPath(ctx.dataDir);
  if (error) dialog.showErrorBox('无法打开数据文件夹', `${ctx.dataDir}\n${error}`);
}

export function buildMenuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件',
      submenu: [
        command('导入附件1…', 'import-annex', 'CmdOrCtrl+O'),
        command('导出附件1', 'export-annex', 'CmdOrCtrl+E'),
        command('导出重点项目清单', 'export-summary'),
        command('导出甘特图Excel', 'export-gantt'),
        { type: 'separator' },
        command('打印…', 'print', 'CmdOrCtrl+P'),
        command('导出PDF…', 'export-pdf', 'CmdOrCtrl+Shift+P'),
        command('打印一页简报（A4）…', 'print-dashboard'),
        command('一页简报导出PDF…', 'export-dashboard-pdf'),
        { type: 'separator' },
        { label: '退出', role: 'quit', accelerator: process.platform === 'darwin' ? 'Cmd+Q' : 'Alt+F4' },
      ],
    },
    {
      label: '视图',
      submenu: [
        command('项目台账', 'show-register', 'CmdOrCtrl+1'),
        command('甘特图', 'show-gantt', 'CmdOrCtrl+2'),
        command('总览', 'show-dashboard', 'CmdOrCtrl+3'),
        { type: 'separator' },
        { label: '重新加载', role: 'reload' },
        ...(ctx.isDev ? [{ label: '开发者工具', role: 'toggleDevTools' } satisfies MenuItemConstructorOptions] : []),
        { type: 'separator' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
      ],
    },
    {
      label: '帮助',
      submenu: [
        { label: '关于', click: () => void showAbout(ctx) },
        { label: '打开数据文件夹', click: () => void openDataFolder(ctx) },
      ],
    },
  ];
  // macOS puts the application's own menu first; without it 文件 would be renamed.
  if (process.platform === 'darwin') template.unshift({ label: APP_TITLE, role: 'appMenu' });
  return template;
}

export function installMenu(ctx: MenuContext): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(ctx)));
}
