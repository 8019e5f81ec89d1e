// What a page prints: Chromium's print media to an A4 landscape PDF, read back with pdftotext.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';

export interface PrintedPdf {
  pages: number;
  /** every page's text, whitespace removed (CJK text is laid out with spaces by pdftotext) */
  flat: string;
}

export async function printedPdf(page: Page, name: string): Promise<PrintedPdf> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'print-e2e-'));
  try {
    const file = path.join(dir, `${name}.pdf`);
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: file, format: 'A4', landscape: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    return { pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0), flat: text.replace(/\s+/g, '') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
