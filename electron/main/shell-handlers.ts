// The shell channels behind src/ui/shell.ts: save dialog writing a base64 file, open
// dialog returning { fileName, base64 } (OPEN_FILE_MAX_BYTES, checked before reading), printToPDF
// (A3/A4 landscape) with a save dialog, the system print dialog, and find-in-page (find-in-page.ts).
import { app, BrowserWindow, dialog, type IpcMainInvokeEvent } from 'electron';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../src/domain/api/errors';
import type { OpenedFile, PaperSize } from '../../src/domain/desktop-bridge';
import { localIsoDate } from '../../src/domain/calendar';
import { isPaper } from '../../src/domain/paper';
import { fileTooLargeError, isFileTooLarge } from '../../src/domain/file-limits';
import { safeFileName } from '../../src/domain/file-name';
import { SHELL_CHANNELS } from '../shared/channels';
import { type AppOrigin } from './app-origin';
import { acceptToFilters, saveFilters } from './dialog-filters';
import { findInPage } from './find-in-page';
import { handle } from './ipc';

function record(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) throw new ApiError('invalid', '参数无效');
  return { ...value };
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new ApiError('invalid', `参数 ${field} 应为文本`, [{ field, message: '应为文本' }]);
  return value;
}

function ownerWindow(event: IpcMainInvokeEvent): BrowserWindow | null {
  return BrowserWindow.fromWebContents(event.sender);
}

/** Save dialog; returns the chosen path or null when cancelled. */
async function askSavePath(event: IpcMainInvokeEvent, suggested: string): Promise<string | null> {
  const options: Electron.SaveDialogOptions = {
    title: '保存文件',
    defaultPath: path.join(app.getPath('documents'), suggested),
    filters: saveFilters(suggested),
    buttonLabel: '保存',
  };
  const win = ownerWindow(event);
  const result = await (win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options));
  return result.canceled || !result.filePath ? null : result.filePath;
}

async function writeFile(target: string, bytes: Uint8Array): Promise<void> {
  try {
    await fs.writeFile(target, bytes);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    const hint = code === 'EBUSY' || code === 'EPERM' ? '（文件可能正被 Excel/WPS 打开，请关闭后重试）' : '';
    throw new ApiError('internal', `无法写入文件 ${target}${hint}`, [{ file: path.basename(target), message: '无法写入' }]);
  }
}

async function saveFile(event: IpcMainInvokeEvent, payload: unknown): Promise<boolean> {
  const input = record(payload);
  const fileName = safeFileName(text(input.fileName, 'fileName'), '导出文件');
  const bytes = Buffer.from(text(input.base64, 'base64'), 'base64');
  const target = await askSavePath(event, fileName);
  if (target === null) return false;
  await writeFile(target, bytes);
  return true;
}

async function openFile(event: IpcMainInvokeEvent, payload: unknown): Promise<OpenedFile | null> {
  const accept = text(record(payload).accept, 'accept');
  const options: Electron.OpenDialogOptions = {
    title: '选择文件',
    properties: ['openFile'],
    filters: acceptToFilters(accept),
    buttonLabel: '打开',
  };
  const win = ownerWindow(event);
  const result = await (win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options));
  const file = result.filePaths[0];
  if (result.canceled || file === undefined) return null;
  const fileName = path.basename(file);
  const stat = await fs.stat(file);
  if (!stat.isFile()) throw new ApiError('bad_file', `${fileName} 不是文件`, [{ file: fileName, message: '不是文件' }]);
  if (isFileTooLarge(stat.size)) throw fileTooLargeError(fileName, stat.size);
  const bytes = await fs.readFile(file);
  return { fileName, base64: bytes.toString('base64') };
}

function paperOf(value: unknown): PaperSize {
  if (isPaper(value)) return value;
  throw new ApiError('invalid', '纸张应为 A3 或 A4', [{ field: 'paper', message: '应为 A3 或 A4' }]);
}


async function printPdf(event: IpcMainInvokeEvent, payload: unknown): Promise<boolean> {
  const input = record(payload);
  const paper = paperOf(input.paper);
  const suggested = safeFileName(
    typeof input.fileName === 'string' ? input.fileName : `民政重点项目甘特图-${paper}-${localIsoDate()}.pdf`,
    `甘特图-${paper}.pdf`,
  );
  // The print page lays itself out per sheet; its @page rule, when present, wins.
  const pdf = await event.sender.printToPDF({
    pageSize: paper,
    landscape: input.portrait !== true,
    printBackground: true,
    preferCSSPageSize: true,
    // the print layout draws its own margins inside each sheet (src/ui/gantt/print-layout.ts)
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
  });
  const target = await askSavePath(event, suggested.toLowerCase().endsWith('.pdf') ? suggested : `${suggested}.pdf`);
  if (target === null) return false;
  await writeFile(target, pdf);
  return true;
}

function print(event: IpcMainInvokeEvent): Promise<boolean> {
  return new Promise((resolve, reject) => {
    event.sender.print({ silent: false, printBackground: true }, (success, failureReason) => {
      // a cancelled dialog is not an error
      if (success || failureReason === 'Print job canceled' || failureReason === 'cancelled') resolve(success);
      else reject(new ApiError('internal', `打印失败：${failureReason}`));
    });
  });
}

export function registerShellHandlers(origin: AppOrigin): void {
  handle(SHELL_CHANNELS.saveFile, origin, saveFile);
  handle(SHELL_CHANNELS.openFile, origin, openFile);
  handle(SHELL_CHANNELS.printPdf, origin, printPdf);
  handle(SHELL_CHANNELS.print, origin, print);
  handle(SHELL_CHANNELS.findInPage, origin, findInPage);
}
