// The real preload (electron/preload/index.ts) against a mocked 'electron': it exposes
// exactly window.api (one function per Api method) and window.desktop (six functions),
// frozen, and never ipcRenderer or any of its methods.
import { API_CHANNEL, MENU_COMMAND_CHANNEL, SHELL_CHANNELS } from '../../electron/shared/channels';
import { API_METHODS } from '../../src/domain/api/methods';
import type { MenuCommand } from '../../src/domain/menu-commands';
import { contextBridge, exposed, ipcRenderer } from './helpers/electron-mock';

vi.mock('electron', async () => (await import('./helpers/electron-mock')).electronModule);

type Fn = (...args: unknown[]) => unknown;

function exposedObject(key: string): Record<string, unknown> {
  const value = exposed.get(key);
  if (typeof value !== 'object' || value === null) throw new Error(`window.${key} is not an object`);
  return { ...value };
}

function exposedFunction(key: string, name: string): Fn {
  const fn = exposedObject(key)[name];
  if (typeof fn !== 'function') throw new Error(`window.${key}.${name} is not a function`);
  return (...args: unknown[]) => Reflect.apply(fn, undefined, args);
}

beforeAll(async () => {
  await import('../../electron/preload/index');
});

describe('preload', () => {
  it('exposes window.api and window.desktop, nothing else', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(2);
    expect([...exposed.keys()].sort()).toEqual(['api', 'desktop']);
  });

  it('window.api has exactly one function per Api method, and is frozen', () => {
    const api = exposed.get('api');
    expect(Object.isFrozen(api)).toBe(true);
    const entries = Object.entries(exposedObject('api'));
    expect(entries.map(([k]) => k).sort()).toEqual([...API_METHODS].sort());
    for (const [, fn] of entries) expect(typeof fn).toBe('function');
  });

  it('window.desktop has exactly the six shell functions, and is frozen', () => {
    expect(Object.isFrozen(exposed.get('desktop'))).toBe(true);
    const desktop = exposedObject('desktop');
    expect(Object.keys(desktop).sort()).toEqual(['findInPage', 'onMenuCommand', 'openFile', 'print', 'printPdf', 'saveFile']);
    for (const fn of Object.values(desktop)) expect(typeof fn).toBe('function');
  });

  it('leaks neither ipcRenderer nor any of its methods', () => {
    const ipcParts = new Set<unknown>([ipcRenderer, ...Object.values(ipcRenderer)]);
    for (const key of exposed.keys()) {
      const obj = exposedObject(key);
      expect(ipcParts.has(exposed.get(key))).toBe(false);
      for (const [name, value] of Object.entries(obj)) {
        expect(ipcParts.has(value), `${key}.${name}`).toBe(false);
        expect(Object.keys(value ?? {}), `${key}.${name} has no properties`).toEqual([]);
      }
      expect(Object.keys(obj)).not.toContain('ipcRenderer');
      expect(Object.keys(obj)).not.toContain('invoke');
      expect(Object.keys(obj)).not.toContain('send');
    }
  });

  it('each api function invokes the one api channel with its own method name', async () => {
    ipcRenderer.invoke.mockClear();
    await exposedFunction('api', 'register.get')({ planId: 2 });
    await exposedFunction('api', 'project.update')(undefined);
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      [API_CHANNEL, 'register.get', { planId: 2 }],
      [API_CHANNEL, 'project.update', {}],
    ]);
  });

  it('the shell functions pass only their named arguments', async () => {
    ipcRenderer.invoke.mockClear();
    await exposedFunction('desktop', 'saveFile')('附件1.xlsx', 'UEs=', 'extra');
    await exposedFunction('desktop', 'openFile')('.xlsx,.xls');
    await exposedFunction('desktop', 'printPdf')({ paper: 'A3', fileName: 'g.pdf', injected: 'x' });
    await exposedFunction('desktop', 'print')('ignored');
    await exposedFunction('desktop', 'findInPage')('养老', { forward: false, findNext: true, injected: 1 });
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      [SHELL_CHANNELS.saveFile, { fileName: '附件1.xlsx', base64: 'UEs=' }],
      [SHELL_CHANNELS.openFile, { accept: '.xlsx,.xls' }],
      [SHELL_CHANNELS.printPdf, { paper: 'A3', fileName: 'g.pdf', portrait: false }],
      [SHELL_CHANNELS.print],
      [SHELL_CHANNELS.findInPage, { text: '养老', forward: false, findNext: true }],
    ]);
  });

  it('menu commands reach the page as known commands only, without the IPC event; unsubscribing stops them', () => {
    const received: MenuCommand[] = [];
    const unsubscribe = exposedFunction('desktop', 'onMenuCommand')((cmd: MenuCommand) => received.push(cmd));
    ipcRenderer.deliver(MENU_COMMAND_CHANNEL, 'show-gantt');
    ipcRenderer.deliver(MENU_COMMAND_CHANNEL, 'rm -rf /');
    ipcRenderer.deliver(MENU_COMMAND_CHANNEL, { toString: () => 'print' });
    expect(received).toEqual(['show-gantt']);
    expect(ipcRenderer.listenerCount(MENU_COMMAND_CHANNEL)).toBe(1);
    if (typeof unsubscribe !== 'function') throw new Error('onMenuCommand must return a function');
    unsubscribe();
    expect(ipcRenderer.listenerCount(MENU_COMMAND_CHANNEL)).toBe(0);
    ipcRenderer.deliver(MENU_COMMAND_CHANNEL, 'print');
    expect(received).toEqual(['show-gantt']);
  });
});
