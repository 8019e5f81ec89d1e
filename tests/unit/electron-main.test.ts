// The real Electron main process (electron/main/index.ts and everything it wires: app://,
// IPC, shell handlers, menu, window, navigation guard, unload guard, context menu) started
// against a mocked 'electron' module, as Electron Fiddle tests its main process. The
// backend and the native-module lookup are mocked too: this is about the shell.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_CHANNEL, MENU_COMMAND_CHANNEL, SHELL_CHANNELS } from '../../electron/shared/channels';
import {
  app,
  dialog,
  FakeBrowserWindow,
  type FakeMenuItem,
  FakeWebContents,
  fakeEvent,
  invokeFromFrame,
  ipcMain,
  Menu,
  protocol,
  session,
  subFrame,
  topFrame,
} from './helpers/electron-mock';

vi.mock('electron', async () => (await import('./helpers/electron-mock')).electronModule);

const backend = vi.hoisted(() => ({
  call: vi.fn(async (method: string, input: unknown, door: string) => ({ method, input, door })),
  close: vi.fn(),
}));
vi.mock('../../src/backend/backend', () => ({ startBackend: vi.fn(async () => backend) }));
// any file that exists: start() refuses to go on without the Electron-ABI SQLite module
vi.mock('../../scripts/lib/electron-native-path.mjs', () => ({ resolveNativeBinding: () => process.execPath }));

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const APP_URL = 'app://tracker/index.html';
const savedEnv = { ...process.env };

function mainWindow(): FakeBrowserWindow {
  const win = FakeBrowserWindow.all[0];
  if (win === undefined) throw new Error('no main window');
  return win;
}

beforeAll(async () => {
  // the shell logs every refusal; keep the test output readable
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  delete process.env.ELECTRON_RENDERER_URL; // production: app://
  process.env.TRACKER_DB = path.join(root, 'never-opened.db');
  await import('../../electron/main/index');
  app.makeReady();
  await vi.waitFor(() => expect(FakeBrowserWindow.all).toHaveLength(1));
});

afterAll(() => {
  process.env = savedEnv;
  vi.restoreAllMocks();
});

describe('before ready', () => {
  it('sets the Chinese locale and registers app:// as a standard, secure, fetch-capable scheme', () => {
    expect(app.commandLine.appendSwitch).toHaveBeenCalledWith('lang', 'zh-CN');
    // the mock throws if this happened after 'ready'
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) },
    ]);
    const privileges = protocol.registerSchemesAsPrivileged.mock.calls[0]?.[0];
    expect(JSON.stringify(privileges)).not.toMatch(/bypassCSP|allowServiceWorkers|corsEnabled/);
    expect(app.requestSingleInstanceLock).toHaveBeenCalled();
  });
});

describe('the app:// protocol', () => {
  it('is handled, with the CSP on every response', async () => {
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    // the test's renderer folder (electron/renderer) does not exist: a clean 404, no crash
    const missing = await protocol.request(APP_URL);
    expect(missing.status).toBe(404);
  });

  it('refuses every way out of the renderer folder, even to files that exist', async () => {
    // rendererDir is electron/renderer here; these name real files outside it
    expect(fs.existsSync(path.join(root, 'package.json'))).toBe(true);
    const attempts = [
      'app://tracker/..%2F..%2Fpackage.json',
      'app://tracker/%2E%2E/%2E%2E/package.json',
      'app://tracker/..%2Fmain%2Findex.ts',
      'app://tracker/..%5C..%5Cpackage.json',
      `app://tracker/${encodeURIComponent(path.join(root, 'package.json'))}`,
      'app://tracker/%E0%A4%A',
      'app://other/package.json',
    ];
    for (const url of attempts) {
      const response = await protocol.request(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('capital-project-tracker');
    }
    expect((await protocol.request(APP_URL, 'POST')).status).toBe(405);
  });
});

describe('the main window', () => {
  it('is sandboxed and context-isolated, and loads app://tracker/index.html (not file://)', () => {
    const win = mainWindow();
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(String(win.options.webPreferences?.preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(win.loadURL).toHaveBeenCalledWith(APP_URL);
    expect(win.loadFile).not.toHaveBeenCalled();
    expect(win.options.show).toBe(false);
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalled();
  });

  it('refuses navigation to anything but the app origin', () => {
    const contents = mainWindow().webContents;
    const refused = [
      'https://example.com/',
      'http://localhost:5173/',
      'file:///C:/Windows/win.ini',
      'file:///etc/passwd',
      'app://other/index.html',
      'app://tracker.evil/index.html',
      'app://tracker/%E0%A4%A',
      'https://example.com/%E0%A4%A',
      'file:///C:/app/%E0%A4%A/index.html',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'about:blank',
      'not a url',
      '',
    ];
    for (const url of refused) {
      expect(contents.tryNavigate(url), url).toBe(false);
      expect(contents.tryNavigate(url, 'will-frame-navigate'), url).toBe(false);
      expect(contents.tryNavigate(url, 'will-redirect'), url).toBe(false);
    }
    expect(contents.tryNavigate('app://tracker/index.html#/gantt')).toBe(true);
    expect(contents.tryNavigate('app://tracker/index.html?x=1#/project/3')).toBe(true);
  });

  it('denies every new window and <webview>', () => {
    const contents = mainWindow().webContents;
    for (const url of ['https://example.com/', APP_URL, 'about:blank', 'javascript:0']) {
      expect(contents.tryOpenWindow(url), url).toBe('deny');
    }
    expect(contents.attachWebview()).toBe(false);
  });

  it('guards any other webContents too (web-contents-created)', () => {
    const other = new FakeWebContents('app://tracker/index.html');
    app.emit('web-contents-created', fakeEvent({}), other);
    expect(other.tryNavigate('https://example.com/')).toBe(false);
    expect(other.tryOpenWindow('https://example.com/')).toBe('deny');
  });
});

describe('IPC', () => {
  it('registers the api channel and the five shell channels (with find-in-page), nothing else', () => {
    expect(ipcMain.channels()).toEqual([API_CHANNEL, ...Object.values(SHELL_CHANNELS)].sort());
  });

  it('answers our own top frame through the backend, door "ui"', async () => {
    backend.call.mockClear();
    const reply = await invokeFromFrame(API_CHANNEL, topFrame(`${APP_URL}#/gantt`), 'register.get', { planId: 1 });
    expect(reply).toEqual({ ok: true, value: { method: 'register.get', input: { planId: 1 }, door: 'ui' } });
    expect(backend.call).toHaveBeenCalledTimes(1);
  });

  it('refuses a message from a wrong sender or frame, without calling the backend', async () => {
    backend.call.mockClear();
    const frames = [
      topFrame('https://evil.example/'),
      topFrame('file:///C:/Users/x/Downloads/evil.html'),
      topFrame('app://other/index.html'),
      topFrame('app://tracker/%E0%A4%A'),
      topFrame('http://localhost:5173/'),
      topFrame(''),
      subFrame(APP_URL), // our own URL, but in a frame inside the page
      subFrame(APP_URL, 'https://evil.example/'),
      null, // the frame is gone
    ];
    for (const frame of frames) {
      for (const channel of [API_CHANNEL, ...Object.values(SHELL_CHANNELS)]) {
        const reply = await invokeFromFrame(channel, frame, 'register.get', {});
        expect(reply, `${channel} from ${frame?.url ?? 'null'}`).toMatchObject({
          ok: false,
          error: { code: 'invalid', message: expect.stringContaining('已拒绝') },
        });
      }
    }
    expect(backend.call).not.toHaveBeenCalled();
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('refuses a method name that is not text, and maps a backend error to the envelope', async () => {
    expect(await invokeFromFrame(API_CHANNEL, topFrame(APP_URL), 42, {})).toMatchObject({ ok: false, error: { code: 'invalid' } });
    backend.call.mockRejectedValueOnce(new Error('boom'));
    const reply = await invokeFromFrame(API_CHANNEL, topFrame(APP_URL), 'register.get', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('closing with unsaved edits', () => {
  it('asks 离开/留下 and lets the page unload only on 离开', () => {
    const contents = mainWindow().webContents;
    dialog.showMessageBoxSync.mockReturnValueOnce(0);
    expect(contents.tryUnload()).toBe(true);
    dialog.showMessageBoxSync.mockReturnValueOnce(1);
    expect(contents.tryUnload()).toBe(false);
    const [owner, options] = dialog.showMessageBoxSync.mock.calls[0] ?? [];
    expect(owner).toBe(mainWindow());
    expect(options).toMatchObject({ buttons: ['离开', '留下'], cancelId: 1, defaultId: 1 });
  });
});

describe('context menu', () => {
  function lastMenu(): { template: FakeMenuItem[]; popup: ReturnType<typeof vi.fn> } {
    const result = Menu.buildFromTemplate.mock.results.at(-1);
    if (result?.type !== 'return') throw new Error('no menu built');
    return result.value;
  }

  it('offers 撤销/重做/剪切/复制/粘贴/全选 on editable fields, as Chromium roles', () => {
    Menu.buildFromTemplate.mockClear();
    mainWindow().webContents.rightClick({ isEditable: true, editFlags: { canCut: false, canUndo: false } });
    const menu = lastMenu();
    const items = menu.template.filter((i) => i.type !== 'separator').map((i) => [i.label, i.role, i.enabled]);
    expect(items).toEqual([
      ['撤销', 'undo', false],
      ['重做', 'redo', true],
      ['剪切', 'cut', false],
      ['复制', 'copy', true],
      ['粘贴', 'paste', true],
      ['全选', 'selectAll', true],
    ]);
    expect(menu.popup).toHaveBeenCalledWith({ window: mainWindow() });
  });

  it('offers 复制 on selected text, and nothing elsewhere', () => {
    Menu.buildFromTemplate.mockClear();
    mainWindow().webContents.rightClick({ isEditable: false, selectionText: '养老服务中心' });
    expect(lastMenu().template.map((i) => i.label)).toEqual(['复制']);
    Menu.buildFromTemplate.mockClear();
    mainWindow().webContents.rightClick({ isEditable: false, selectionText: '' });
    expect(Menu.buildFromTemplate).not.toHaveBeenCalled();
  });
});

describe('application menu and session', () => {
  function findItem(items: FakeMenuItem[], label: string): FakeMenuItem | undefined {
    for (const item of items) {
      if (item.label === label) return item;
      const inner = findItem(item.submenu ?? [], label);
      if (inner) return inner;
    }
    return undefined;
  }

  it('installs the Chinese menu; its page commands reach the window over the menu channel', () => {
    const menu = Menu.setApplicationMenu.mock.calls[0]?.[0];
    if (!menu) throw new Error('no application menu');
    expect(menu.template.map((m) => m.label)).toEqual(expect.arrayContaining(['文件', '视图', '帮助']));
    expect(findItem(menu.template, '开发者工具')).toBeUndefined();
    findItem(menu.template, '导入附件1…')?.click?.();
    expect(mainWindow().webContents.send).toHaveBeenCalledWith(MENU_COMMAND_CHANNEL, 'import-annex');
  });

  it('denies permissions and downloads, and sets the CSP header', () => {
    const s = session.defaultSession;
    const [requestHandler] = s.setPermissionRequestHandler.mock.calls[0] ?? [];
    const answer = vi.fn();
    requestHandler?.({}, 'media', answer);
    expect(answer).toHaveBeenCalledWith(false);
    const [checkHandler] = s.setPermissionCheckHandler.mock.calls[0] ?? [];
    expect(checkHandler?.()).toBe(false);
    const [eventName, onDownload] = s.on.mock.calls[0] ?? [];
    expect(eventName).toBe('will-download');
    const download = fakeEvent({});
    onDownload?.(download);
    expect(download.defaultPrevented).toBe(true);
    const [onHeaders] = s.webRequest.onHeadersReceived.mock.calls[0] ?? [];
    const done = vi.fn();
    onHeaders?.({ responseHeaders: { 'content-security-policy': ['default-src *'] } }, done);
    expect(done).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Security-Policy': [expect.stringContaining("script-src 'self'")] },
    });
  });

  it('closes the database when the app quits', () => {
    app.emit('will-quit');
    expect(backend.close).toHaveBeenCalledTimes(1);
  });
});
