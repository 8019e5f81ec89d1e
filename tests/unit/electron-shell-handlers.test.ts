// The real shell channels (electron/main/shell-handlers.ts: save, open, print to PDF, print, find)
// behind the real IPC wrapper, against a mocked 'electron' whose dialogs the test answers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appOrigin } from '../../electron/main/app-origin';
import { registerShellHandlers } from '../../electron/main/shell-handlers';
import { SHELL_CHANNELS } from '../../electron/shared/channels';
import { OPEN_FILE_MAX_BYTES } from '../../src/domain/file-limits';
import { dialog, FakeBrowserWindow, invokeFromFrame, resetElectronMock, topFrame } from './helpers/electron-mock';

vi.mock('electron', async () => (await import('./helpers/electron-mock')).electronModule);

const APP = topFrame('app://tracker/index.html#/gantt');
let dir: string;
let win: FakeBrowserWindow;

beforeEach(() => {
  resetElectronMock();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-shell-'));
  win = new FakeBrowserWindow({ title: 'test' });
  registerShellHandlers(appOrigin());
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

describe('saveFile', () => {
  it('suggests a plain, Windows-safe name in Documents and writes the bytes where the user chose', async () => {
    const target = path.join(dir, 'out.xlsx');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const reply = await invokeFromFrame(SHELL_CHANNELS.saveFile, APP, { fileName: '..\\..\\CON:清单?.xlsx', base64: 'UEsDBA==' });
    expect(reply).toEqual({ ok: true, value: true });
    expect(fs.readFileSync(target)).toEqual(Buffer.from('UEsDBA==', 'base64'));
    const [owner, options] = dialog.showSaveDialog.mock.calls[0] ?? [];
    expect(owner).toBe(win);
    expect(options).toMatchObject({ defaultPath: path.join('/fake-electron/documents', '.._.._CON_清单_.xlsx') });
  });

  it('returns false when the user cancels, and refuses arguments of the wrong shape', async () => {
    expect(await invokeFromFrame(SHELL_CHANNELS.saveFile, APP, { fileName: 'a.xlsx', base64: '' })).toEqual({ ok: true, value: false });
    expect(await invokeFromFrame(SHELL_CHANNELS.saveFile, APP, 'a.xlsx')).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await invokeFromFrame(SHELL_CHANNELS.saveFile, APP, { fileName: 3, base64: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid', issues: [{ field: 'fileName' }] },
    });
  });

  it('says so in Chinese when the file cannot be written (open in Excel/WPS, folder gone)', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path.join(dir, 'missing', 'x.xlsx') });
    const reply = await invokeFromFrame(SHELL_CHANNELS.saveFile, APP, { fileName: 'x.xlsx', base64: '' });
    expect(reply).toMatchObject({ ok: false, error: { message: expect.stringContaining('无法写入文件') } });
  });
});

describe('openFile', () => {
  it('returns the chosen file as base64 with its name', async () => {
    const file = path.join(dir, '附件1.xlsx');
    fs.writeFileSync(file, 'PK\u0003\u0004');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    const reply = await invokeFromFrame(SHELL_CHANNELS.openFile, APP, { accept: '.xlsx' });
    expect(reply).toEqual({ ok: true, value: { fileName: '附件1.xlsx', base64: Buffer.from('PK\u0003\u0004').toString('base64') } });
  });

  it('refuses a file over the one shared cap before reading it', async () => {
    const file = path.join(dir, '大表.xlsx');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, OPEN_FILE_MAX_BYTES + 1); // sparse: nothing is really written
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    const reply = await invokeFromFrame(SHELL_CHANNELS.openFile, APP, { accept: '.xlsx' });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'bad_file', message: expect.stringContaining('上限为 50 MB'), issues: [{ file: '大表.xlsx' }] },
    });
  });

  it('returns null when cancelled', async () => {
    expect(await invokeFromFrame(SHELL_CHANNELS.openFile, APP, { accept: '.xlsx' })).toEqual({ ok: true, value: null });
  });
});

describe('printPdf and print', () => {
  it('prints A3 landscape to PDF and saves it under a safe .pdf name', async () => {
    const target = path.join(dir, 'g.pdf');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const reply = await invokeFromFrame(SHELL_CHANNELS.printPdf, APP, { paper: 'A3', fileName: '甘特图/2021' });
    expect(reply).toEqual({ ok: true, value: true });
    expect(win.webContents.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ pageSize: 'A3', landscape: true }));
    expect(dialog.showSaveDialog.mock.calls[0]?.[1]).toMatchObject({ defaultPath: path.join('/fake-electron/documents', '甘特图_2021.pdf') });
    expect(fs.readFileSync(target, 'utf8')).toContain('%PDF');
  });

  it('prints the one-page brief A4 portrait when asked', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path.join(dir, 'brief.pdf') });
    const reply = await invokeFromFrame(SHELL_CHANNELS.printPdf, APP, { paper: 'A4', fileName: '简报.pdf', portrait: true });
    expect(reply).toEqual({ ok: true, value: true });
    expect(win.webContents.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ pageSize: 'A4', landscape: false }));
  });

  it('refuses a paper size other than A3/A4', async () => {
    expect(await invokeFromFrame(SHELL_CHANNELS.printPdf, APP, { paper: 'Letter' })).toMatchObject({
      ok: false,
      error: { code: 'invalid', issues: [{ field: 'paper' }] },
    });
    expect(win.webContents.printToPDF).not.toHaveBeenCalled();
  });

  it('opens the system print dialog; a cancelled dialog is not an error', async () => {
    expect(await invokeFromFrame(SHELL_CHANNELS.print, APP)).toEqual({ ok: true, value: true });
    win.webContents.print.mockImplementationOnce((_options, callback) => callback(false, 'Print job canceled'));
    expect(await invokeFromFrame(SHELL_CHANNELS.print, APP)).toEqual({ ok: true, value: false });
  });
});

describe('findInPage', () => {
  it("searches the sender's window and answers Chromium's final match count", async () => {
    win.webContents.pageText = '养老服务中心 … 养老院 … 殡仪馆';
    expect(await invokeFromFrame(SHELL_CHANNELS.findInPage, APP, { text: '养老', forward: true, findNext: false })).toEqual({
      ok: true,
      value: { matches: 2, active: 1 },
    });
    expect(win.webContents.findInPage).toHaveBeenCalledWith('养老', { forward: true, findNext: false });
    await invokeFromFrame(SHELL_CHANNELS.findInPage, APP, { text: '养老', forward: false, findNext: true });
    expect(win.webContents.findInPage).toHaveBeenLastCalledWith('养老', { forward: false, findNext: true });
  });

  it('stops and clears the highlight on empty text', async () => {
    expect(await invokeFromFrame(SHELL_CHANNELS.findInPage, APP, { text: '' })).toEqual({ ok: true, value: { matches: 0, active: 0 } });
    expect(win.webContents.stopFindInPage).toHaveBeenCalledWith('clearSelection');
    expect(win.webContents.findInPage).not.toHaveBeenCalled();
  });

  it('refuses bad payloads and foreign senders without searching', async () => {
    expect(await invokeFromFrame(SHELL_CHANNELS.findInPage, APP, { text: 3 })).toMatchObject({ ok: false, error: { issues: [{ field: 'text' }] } });
    expect(await invokeFromFrame(SHELL_CHANNELS.findInPage, APP, { text: 'x'.repeat(201) })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await invokeFromFrame(SHELL_CHANNELS.findInPage, topFrame('https://evil.example/'), { text: 'a' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('已拒绝') },
    });
    expect(win.webContents.findInPage).not.toHaveBeenCalled();
  });
});
