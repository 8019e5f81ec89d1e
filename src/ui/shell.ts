// Things only a shell can do — save a file, pick a file, print to PDF — behind one small
// interface: the Electron implementation uses the preload's window.desktop (native
// dialogs, printToPDF), the browser one uses a download link, <input type=file> and
// window.print().
import { ApiError } from '../domain/api/errors';
import type { DesktopShell, OpenedFile, PrintPdfOptions } from '../domain/desktop-bridge';
import { fileTooLargeError, isFileTooLarge } from '../domain/file-limits';
import type { MenuCommand } from '../domain/menu-commands';
import { unwrapBridgeResult } from './desktop-api';

export interface Shell {
  /** true when saved, false when the user cancelled */
  saveFile(fileName: string, base64: string): Promise<boolean>;
  /** accept like <input accept>, e.g. ".xlsx,.xls"; null when cancelled */
  openFile(accept: string): Promise<{ fileName: string; base64: string } | null>;
  /** print the current page (the print layout) to PDF, landscape unless `portrait` */
  printPdf(opts: PrintPdfOptions): Promise<void>;
}

export function electronShell(desktop: DesktopShell): Shell {
  return {
    async saveFile(fileName, base64) {
      return unwrapBridgeResult(await desktop.saveFile(fileName, base64));
    },
    async openFile(accept) {
      return unwrapBridgeResult(await desktop.openFile(accept));
    },
    async printPdf(opts) {
      unwrapBridgeResult(await desktop.printPdf(opts));
    },
  };
}

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const MIME_BY_EXT: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  csv: 'text/csv',
  json: 'application/json',
};

function mimeFor(fileName: string): string {
  const ext = fileName.split('.').pop()?.toLowerCase() ?? '';
  return MIME_BY_EXT[ext] ?? 'application/octet-stream';
}

/** A picked or dropped file's bytes as base64 (the Api's encoding for files). */
export function readFileBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      // "data:<mime>;base64,<payload>"
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new ApiError('bad_file', `无法读取文件 ${file.name}`, [{ file: file.name, message: '无法读取文件' }]));
    reader.readAsDataURL(file);
  });
}

export const browserShell: Shell = {
  async saveFile(fileName, base64) {
    const url = URL.createObjectURL(new Blob([base64ToBytes(base64)], { type: mimeFor(fileName) }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.style.display = 'none';
    document.body.append(a);
    a.click();
    a.remove();
    // revoke later: some browsers start the download asynchronously
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return true;
  },

  openFile(accept) {
    return new Promise<OpenedFile | null>((resolve, reject) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = accept;
      input.style.display = 'none';
      const done = () => input.remove();
      input.addEventListener('cancel', () => {
        done();
        resolve(null);
      });
      input.addEventListener('change', () => {
        const file = input.files?.[0];
        done();
        if (!file) return resolve(null);
        if (isFileTooLarge(file.size)) return reject(fileTooLargeError(file.name, file.size));
        readFileBase64(file).then((base64) => resolve({ fileName: file.name, base64 }), reject);
      });
      document.body.append(input);
      input.click();
    });
  },

  async printPdf() {
    // The browser's print dialog offers "Save as PDF"; the print page's @page rule sets the paper.
    window.print();
  },
};

export const shell: Shell =
  typeof window !== 'undefined' && window.desktop !== undefined ? electronShell(window.desktop) : browserShell;

/** Application-menu commands (desktop only); returns the unsubscribe function. */
export function onMenuCommand(cb: (cmd: MenuCommand) => void): () => void {
  if (typeof window === 'undefined' || window.desktop === undefined) return () => {};
  return window.desktop.onMenuCommand(cb);
}

/** The desktop-only system print dialog; in a browser, window.print(). */
export async function printPage(): Promise<void> {
  if (typeof window !== 'undefined' && window.desktop !== undefined) {
    unwrapBridgeResult(await window.desktop.print());
    return;
  }
  window.print();
}
