// The only bridge between page and main process (sandboxed, context-isolated). It exposes
// named functions only — one per Api method, plus the shell's few — never ipcRenderer.
// Results stay as { ok, value | error } envelopes: src/ui/desktop-api.ts and
// src/ui/shell.ts turn errors back into ApiError (an Error crossing the contextBridge
// would keep only its message).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_METHODS } from '../../src/domain/api/methods';
import type { DesktopShell } from '../../src/domain/desktop-bridge';
import { isMenuCommand, type MenuCommand } from '../../src/domain/menu-commands';
import { API_CHANNEL, MENU_COMMAND_CHANNEL, SHELL_CHANNELS } from '../shared/channels';

function apiFunction(method: string): (input: unknown) => Promise<unknown> {
  const fn = (input: unknown): Promise<unknown> => ipcRenderer.invoke(API_CHANNEL, method, input ?? {});
  Object.defineProperty(fn, 'name', { value: method });
  return fn;
}

const api: Record<string, (input: unknown) => Promise<unknown>> = {};
for (const method of API_METHODS) api[method] = apiFunction(method);

const desktop: DesktopShell = {
  saveFile: (fileName, base64) => ipcRenderer.invoke(SHELL_CHANNELS.saveFile, { fileName, base64 }),
  openFile: (accept) => ipcRenderer.invoke(SHELL_CHANNELS.openFile, { accept }),
  printPdf: (opts) =>
    ipcRenderer.invoke(SHELL_CHANNELS.printPdf, { paper: opts.paper, fileName: opts.fileName, portrait: opts.portrait === true }),
  print: () => ipcRenderer.invoke(SHELL_CHANNELS.print),
  findInPage: (text, opts) =>
    ipcRenderer.invoke(SHELL_CHANNELS.findInPage, { text, forward: opts?.forward !== false, findNext: opts?.findNext === true }),
  onMenuCommand(cb: (cmd: MenuCommand) => void) {
    const listener = (_event: IpcRendererEvent, cmd: unknown) => {
      if (isMenuCommand(cmd)) cb(cmd);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, listener);
    };
  },
};

contextBridge.exposeInMainWorld('api', Object.freeze(api));
contextBridge.exposeInMainWorld('desktop', Object.freeze(desktop));
