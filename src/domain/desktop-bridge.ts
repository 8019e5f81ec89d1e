// What the Electron preload exposes to the page (window.api, window.desktop): types only,
// shared by electron/ (which implements them) and src/ui (which calls them), so that
// neither imports the other and nothing here depends on Electron.
//
// Results come back as { ok, value | error } rather than as rejections: an Error that
// crosses Electron's contextBridge keeps only its message, so ApiError's code and
// issues (sheet, row, column) would be lost. src/ui/desktop-api.ts and src/ui/shell.ts
// unwrap the envelope and throw ApiError.fromBody on the renderer's side.
import type { ApiInput, ApiMethod, ApiOutput } from './api/contract';
import type { ApiErrorBody } from './api/errors';
import type { MenuCommand } from './menu-commands';
import type { Paper } from './paper';

export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

/** One named function per Api method, e.g. window.api['register.get']({}). */
export type DesktopApi = {
  readonly [M in ApiMethod]: (input: ApiInput<M>) => Promise<BridgeResult<ApiOutput<M>>>;
};

export interface OpenedFile {
  fileName: string;
  base64: string;
}

/** the paper sizes' one home is domain/paper.ts */
export type PaperSize = Paper;

export interface PrintPdfOptions {
  paper: PaperSize;
  fileName?: string;
  /** the one-page brief is A4 portrait; the Gantt prints landscape */
  portrait?: boolean;
}

export interface FindInPageOptions {
  /** false: search backwards (Shift+Enter) */
  forward?: boolean;
  /** true: the next match of the same text; false: a new search */
  findNext?: boolean;
}

/** matches 0 when nothing was found (or the text was empty: the highlight is cleared) */
export interface FindInPageResult {
  matches: number;
  /** 1-based; 0 when nothing is selected */
  active: number;
}

export interface DesktopShell {
  /** save dialog, then writes the bytes; false when the user cancels */
  saveFile(fileName: string, base64: string): Promise<BridgeResult<boolean>>;
  /** accept like <input accept>: ".xlsx,.xls"; null when the user cancels; files over OPEN_FILE_MAX_BYTES are refused */
  openFile(accept: string): Promise<BridgeResult<OpenedFile | null>>;
  /** prints the current page to PDF (landscape unless `portrait`) and asks where to save it; false when cancelled */
  printPdf(opts: PrintPdfOptions): Promise<BridgeResult<boolean>>;
  /** the system print dialog for the current page */
  print(): Promise<BridgeResult<boolean>>;
  /** Chromium's find-in-page on this window (webContents.findInPage); empty text stops it and clears the highlight */
  findInPage(text: string, opts?: FindInPageOptions): Promise<BridgeResult<FindInPageResult>>;
  /** subscribe to application-menu commands; returns the unsubscribe function */
  onMenuCommand(cb: (cmd: MenuCommand) => void): () => void;
}

