// The Chromium that the end-to-end tests and the page benches run: Debian's where present
// (Playwright cannot download its own browser on these machines), Playwright's elsewhere.
import fs from 'node:fs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export const chromiumExecutable: string | undefined = fs.existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;

/**
 * Switches for a quiet browser. Besides the usual ones: Chromium 15x opens each new window's
 * address-bar popup (a WebUI page, chrome://omnibox-popup.top-chrome) in a renderer of its own
 * and preloads other top-chrome WebUI. A trace of one fresh register page showed that renderer
 * busy for about 1 s of the page's 1.4 s, on a machine of 2 cores. The app runs in Electron,
 * which has neither: with them a test or bench would measure Chromium's UI as well as ours.
 */
export const QUIET_CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-features=WebUIOmniboxPopup,PreloadTopChromeWebUI',
];
