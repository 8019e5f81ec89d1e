// `npm start` (electron-vite dev): the same real main process, with ELECTRON_RENDERER_URL set,
// loads the Vite dev server instead of app://, and its origin is then the only one allowed.
import path from 'node:path';
import { API_CHANNEL } from '../../electron/shared/channels';
import { app, FakeBrowserWindow, type FakeMenuItem, invokeFromFrame, Menu, protocol, topFrame } from './helpers/electron-mock';

vi.mock('electron', async () => (await import('./helpers/electron-mock')).electronModule);
const backend = vi.hoisted(() => ({ call: vi.fn(async () => 'ok'), close: vi.fn() }));
vi.mock('../../src/backend/backend', () => ({ startBackend: vi.fn(async () => backend) }));
vi.mock('../../scripts/lib/electron-native-path.mjs', () => ({ resolveNativeBinding: () => process.execPath }));

const DEV = 'http://localhost:5173/';
const savedEnv = { ...process.env };

beforeAll(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  process.env.ELECTRON_RENDERER_URL = DEV;
  process.env.TRACKER_DB = path.join(process.cwd(), 'never-opened.db');
  await import('../../electron/main/index');
  app.makeReady();
  await vi.waitFor(() => expect(FakeBrowserWindow.all).toHaveLength(1));
});

afterAll(() => {
  process.env = savedEnv;
  vi.restoreAllMocks();
});

describe('development mode', () => {
  it('loads the dev server and does not serve app://', () => {
    const win = FakeBrowserWindow.all[0];
    expect(win?.loadURL).toHaveBeenCalledWith(DEV);
    expect(protocol.handle).not.toHaveBeenCalled();
  });

  it("allows the dev server's origin only", async () => {
    const contents = FakeBrowserWindow.all[0]?.webContents;
    expect(contents?.tryNavigate(`${DEV}#/gantt`)).toBe(true);
    expect(contents?.tryNavigate('app://tracker/index.html')).toBe(false);
    expect(contents?.tryNavigate('http://localhost:5174/')).toBe(false);
    expect(await invokeFromFrame(API_CHANNEL, topFrame(DEV), 'register.get', {})).toEqual({ ok: true, value: 'ok' });
    expect(await invokeFromFrame(API_CHANNEL, topFrame('app://tracker/index.html'), 'register.get', {})).toMatchObject({ ok: false });
  });

  it('offers 开发者工具 in the menu', () => {
    const menu = Menu.setApplicationMenu.mock.calls[0]?.[0];
    const view: FakeMenuItem | undefined = menu?.template.find((m) => m.label === '视图');
    expect(view?.submenu?.map((i) => i.label)).toContain('开发者工具');
  });
});
