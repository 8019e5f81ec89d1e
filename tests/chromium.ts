// The Chromium that the end-to-end tests and the page benches run: Debian's where present
// (Playwright cannot download its own browser on these machines), Playwright's elsewhere.
import fs from 'node:fs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export const chromiumExecutable: string | undefined = fs.existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;

/**
 * Switches for a quiet browser. Besides the usual ones: Chromium 156 opens two address-bar popups
 * for each new window (WebUI pages, chrome://omnibox-popup.top-chrome/ and its …_aim.html), each
 * in a renderer of its own. A trace of one fresh register page showed such a renderer busy for
 * about 1 s of the page's 1.4 s, on a machine of 2 cores. The app runs in Electron, which has no
 * address bar: with them a test or bench would measure Chromium's UI as well as ours.
 * (Checked with CDP Target.getTargets: with both features off no browser_ui target is left.)
 */
export const QUIET_CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];
