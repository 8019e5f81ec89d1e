// The Chromium every page bench runs in (tests/chromium.ts: the same quiet switches as the
// end-to-end tests), so that the page measured is the only thing drawing.
import { chromium, type Browser } from '@playwright/test';
import { chromiumExecutable, QUIET_CHROMIUM_ARGS } from '../tests/chromium';

export function launchBenchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumExecutable, args: [...QUIET_CHROMIUM_ARGS, ...extraArgs] });
}
