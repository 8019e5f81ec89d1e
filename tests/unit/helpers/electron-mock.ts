// A stand-in for the 'electron' module, the way Electron Fiddle tests its main process:
// a test file replaces 'electron' with this module's `electronModule`,
//   vi.mock('electron', async () => (await import('./helpers/electron-mock')).electronModule);
// and then drives the REAL electron/main and electron/preload code. The fakes record what
// the shell asks of Electron (handlers, windows, dialogs, menus) and let the test play the
// part of Chromium: send IPC from some frame, navigate, open windows, right-click, unload.
// One instance per test file (vitest isolates files); resetElectronMock() clears it.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export interface FakeEvent {
  preventDefault(): void;
  readonly defaultPrevented: boolean;
}

/** An Electron Event with extra fields (url, …), recording preventDefault(). */
export function fakeEvent<T extends object>(fields: T): T & FakeEvent {
  let prevented = false;
  return {
    ...fields,
    preventDefault: () => {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  };
}

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

export interface FakeEditFlags {
  canUndo: boolean;
  canRedo: boolean;
  canCut: boolean;
  canCopy: boolean;
  canPaste: boolean;
  canSelectAll: boolean;
}

export interface FakeMenuItem {
  label?: string;
  role?: string;
  type?: string;
  enabled?: boolean;
  accelerator?: string;
  click?: () => void;
  submenu?: FakeMenuItem[];
}

export class FakeMenu {
  readonly popup = vi.fn((_options?: unknown) => undefined);
  constructor(readonly template: FakeMenuItem[]) {}
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  windowOpenHandler: WindowOpenHandler | null = null;
  readonly send = vi.fn((_channel: string, ..._args: unknown[]) => undefined);
  readonly printToPDF = vi.fn(async (_options: unknown) => Buffer.from('%PDF-1.7 test'));
  readonly print = vi.fn((_options: unknown, callback: (success: boolean, failureReason: string) => void) => callback(true, ''));
  /** the page's text that find-in-page searches (case-insensitive, like Chromium) */
  pageText = '';
  private nextFindId = 1;
  readonly findInPage = vi.fn((text: string, _options?: { forward?: boolean; findNext?: boolean }) => {
    const requestId = this.nextFindId++;
    const matches = text === '' ? 0 : this.pageText.toLowerCase().split(text.toLowerCase()).length - 1;
    // Chromium reports asynchronously, first an interim then the final update
    setTimeout(() => {
      this.emit('found-in-page', fakeEvent({}), { requestId, matches, activeMatchOrdinal: 0, finalUpdate: false });
      this.emit('found-in-page', fakeEvent({}), { requestId, matches, activeMatchOrdinal: matches > 0 ? 1 : 0, finalUpdate: true });
    }, 0);
    return requestId;
  });
  readonly stopFindInPage = vi.fn((_action: string) => undefined);
  readonly mainFrame: FakeFrame;

  constructor(url = 'app://tracker/index.html') {
    super();
    this.mainFrame = { url, parent: null };
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  isDestroyed(): boolean {
    return false;
  }

  /** Chromium asks before navigating; true when no listener called preventDefault. */
  tryNavigate(url: string, eventName: 'will-navigate' | 'will-frame-navigate' | 'will-redirect' = 'will-navigate'): boolean {
    const event = fakeEvent({ url, isMainFrame: true, isSameDocument: false });
    this.emit(eventName, event, url);
    return !event.defaultPrevented;
  }

  /** window.open / target=_blank: what the window-open handler answers (deny when none is set). */
  tryOpenWindow(url: string): 'allow' | 'deny' {
    return this.windowOpenHandler?.({ url }).action ?? 'allow';
  }

  /** A beforeunload handler wants to cancel the unload: true when the page may unload. */
  tryUnload(): boolean {
    const event = fakeEvent({});
    this.emit('will-prevent-unload', event);
    return event.defaultPrevented;
  }

  rightClick(params: { isEditable: boolean; selectionText?: string; editFlags?: Partial<FakeEditFlags> }): void {
    const editFlags: FakeEditFlags = {
      canUndo: true,
      canRedo: true,
      canCut: true,
      canCopy: true,
      canPaste: true,
      canSelectAll: true,
      ...params.editFlags,
    };
    this.emit('context-menu', fakeEvent({}), { selectionText: '', ...params, editFlags });
  }

  attachWebview(): boolean {
    const event = fakeEvent({});
    this.emit('will-attach-webview', event, {}, {});
    return !event.defaultPrevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  static focused: FakeBrowserWindow | null = null;

  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly loadFile = vi.fn(async (_file: string) => undefined);
  readonly show = vi.fn(() => undefined);
  readonly focus = vi.fn(() => undefined);
  readonly restore = vi.fn(() => undefined);
  destroyed = false;

  constructor(readonly options: { title?: string; show?: boolean; webPreferences?: Record<string, unknown> }) {
    super();
    FakeBrowserWindow.all.push(this);
    // as Electron does, before the caller can touch the window
    app.emit('web-contents-created', fakeEvent({}), this.webContents);
  }

  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.all.filter((w) => !w.destroyed);
  }

  static getFocusedWindow(): FakeBrowserWindow | null {
    return FakeBrowserWindow.focused;
  }

  static fromWebContents(contents: unknown): FakeBrowserWindow | null {
    return FakeBrowserWindow.all.find((w) => w.webContents === contents) ?? null;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isMinimized(): boolean {
    return false;
  }

  getTitle(): string {
    return this.options.title ?? '';
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  private readyFlag = false;
  private resolveReady: () => void = () => undefined;
  private readyPromise: Promise<void> = this.newReadyPromise();
  readonly commandLine = { appendSwitch: vi.fn((_name: string, _value?: string) => undefined) };
  readonly getAppPath = vi.fn(() => process.cwd());
  readonly getPath = vi.fn((name: string) => `/fake-electron/${name}`);
  readonly setPath = vi.fn((_name: string, _value: string) => undefined);
  readonly requestSingleInstanceLock = vi.fn(() => true);
  readonly quit = vi.fn(() => undefined);
  readonly exit = vi.fn((_code?: number) => undefined);
  readonly getVersion = vi.fn(() => '0.0.0-test');

  private newReadyPromise(): Promise<void> {
    return new Promise((resolve) => {
      this.resolveReady = resolve;
    });
  }

  whenReady(): Promise<void> {
    return this.readyPromise;
  }

  isReady(): boolean {
    return this.readyFlag;
  }

  /** What Chromium does once started: 'ready', whenReady() resolves. */
  makeReady(): void {
    this.readyFlag = true;
    this.resolveReady();
    this.emit('ready');
  }

  reset(): void {
    this.removeAllListeners();
    this.readyFlag = false;
    this.readyPromise = this.newReadyPromise();
  }
}

export const app = new FakeApp();

export interface FakeInvokeEvent {
  sender: FakeWebContents;
  senderFrame: FakeFrame | null;
  frameId: number;
  processId: number;
}

type InvokeListener = (event: FakeInvokeEvent, ...args: unknown[]) => unknown;

const invokeHandlers = new Map<string, InvokeListener>();

export const ipcMain = {
  handle: vi.fn((channel: string, listener: InvokeListener) => {
    // as Electron: a second handler for one channel is a programming error
    if (invokeHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    invokeHandlers.set(channel, listener);
  }),
  removeHandler: vi.fn((channel: string) => {
    invokeHandlers.delete(channel);
  }),
  channels: (): string[] => [...invokeHandlers.keys()].sort(),
};

/**
 * ipcRenderer.invoke as it arrives in main: from `frame` (default: the main window's top
 * frame at app://tracker/index.html), through the registered handler.
 */
export async function invokeFromFrame(
  channel: string,
  frame: FakeFrame | null,
  ...args: unknown[]
): Promise<unknown> {
  const listener = invokeHandlers.get(channel);
  if (listener === undefined) throw new Error(`No handler registered for '${channel}'`);
  const sender = FakeBrowserWindow.all[0]?.webContents ?? new FakeWebContents();
  return listener({ sender, senderFrame: frame, frameId: 1, processId: 1 }, ...args);
}

export function topFrame(url: string): FakeFrame {
  return { url, parent: null };
}

export function subFrame(url: string, parentUrl = 'app://tracker/index.html'): FakeFrame {
  return { url, parent: topFrame(parentUrl) };
}

const rendererEvents = new EventEmitter();

export const ipcRenderer = {
  invoke: vi.fn(async (channel: string, ...args: unknown[]): Promise<unknown> => ({ ok: true, value: { channel, args } })),
  on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
    rendererEvents.on(channel, listener);
    return ipcRenderer;
  }),
  removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
    rendererEvents.removeListener(channel, listener);
    return ipcRenderer;
  }),
  send: vi.fn(),
  sendSync: vi.fn(),
  /** main → renderer: webContents.send(channel, …args) as the preload receives it */
  deliver(channel: string, ...args: unknown[]): void {
    rendererEvents.emit(channel, { sender: ipcRenderer }, ...args);
  },
  listenerCount: (channel: string): number => rendererEvents.listenerCount(channel),
};

export const exposed = new Map<string, unknown>();

export const contextBridge = {
  exposeInMainWorld: vi.fn((key: string, value: unknown) => {
    if (exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
    exposed.set(key, value);
  }),
};

export type ProtocolHandler = (request: Request) => Response | Promise<Response>;

const protocolHandlers = new Map<string, ProtocolHandler>();

export const protocol = {
  /** records whether app was already ready: Electron only accepts this before 'ready' */
  registerSchemesAsPrivileged: vi.fn((_schemes: unknown[]) => {
    if (app.isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
  }),
  handle: vi.fn((scheme: string, handler: ProtocolHandler) => {
    if (!app.isReady()) throw new Error('protocol.handle should be called after app is ready');
    protocolHandlers.set(scheme, handler);
  }),
  unhandle: vi.fn((scheme: string) => {
    protocolHandlers.delete(scheme);
  }),
  /** what Chromium gets when the page requests url */
  async request(url: string, method = 'GET'): Promise<Response> {
    const scheme = url.slice(0, url.indexOf(':'));
    const handler = protocolHandlers.get(scheme);
    if (handler === undefined) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME ${scheme}`);
    return handler(new Request(url, { method }));
  },
};

export const session = {
  defaultSession: {
    webRequest: { onHeadersReceived: vi.fn() },
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    on: vi.fn(),
    protocol,
  },
};

export const dialog = {
  showErrorBox: vi.fn((_title: string, _content: string) => undefined),
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
  showMessageBoxSync: vi.fn((..._args: unknown[]) => 0),
  showSaveDialog: vi.fn(async (..._args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> => ({ canceled: true })),
  showOpenDialog: vi.fn(async (..._args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> => ({
    canceled: true,
    filePaths: [],
  })),
};

export const Menu = {
  buildFromTemplate: vi.fn((template: FakeMenuItem[]) => new FakeMenu(template)),
  setApplicationMenu: vi.fn((_menu: FakeMenu | null) => undefined),
};

export const shell = {
  openPath: vi.fn(async (_path: string) => ''),
  openExternal: vi.fn(async (_url: string) => undefined),
};

/** The module object vi.mock('electron', …) returns. */
export const electronModule = {
  app,
  BrowserWindow: FakeBrowserWindow,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  Menu,
  protocol,
  session,
  shell,
};

export function resetElectronMock(): void {
  vi.clearAllMocks();
  app.reset();
  FakeBrowserWindow.all = [];
  FakeBrowserWindow.focused = null;
  invokeHandlers.clear();
  protocolHandlers.clear();
  exposed.clear();
  rendererEvents.removeAllListeners();
}
