// The Chromium every page bench runs in: Debian's where it is installed, with the browser's
// own extras switched off so that the page measured is the only thing drawing.
import fs from 'node:fs';
import { chromium, type Browser } from '@playwright/test';

/**
 * Chromium's switches for a bench. Besides the usual quiet flags: Chromium 15x opens each new
 * window's address-bar popup (a WebUI page, chrome://omnibox-popup.top-chrome) in a renderer of
 * its own, and preloads other top-chrome WebUI. A trace of one fresh register page showed that
 * renderer busy for about 1 s of the page's 1.4 s, on a machine of 2 cores. The app runs in
 * Electron, which has neither, so a bench that keeps them measures Chromium's UI, not ours.
 */
export const BENCH_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-features=WebUIOmniboxPopup,PreloadTopChromeWebUI',
] as const;

export function launchBenchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  const executablePath = fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  return chromium.launch({ executablePath, args: [...BENCH_CHROMIUM_ARGS, ...extraArgs] });
}
