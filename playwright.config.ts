import { defineConfig } from '@playwright/test';
import fs from 'node:fs';

// Debian's Chromium where present (Playwright cannot download its own browser here).
const debianChromium = '/usr/bin/chromium';
const executablePath = fs.existsSync(debianChromium) ? debianChromium : undefined;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/e2e',
  use: {
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    trace: 'off',
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        // Chromium's own address-bar popup and top-chrome WebUI, one renderer per new window:
        // not in Electron, and on 2 cores it competes with the page under test (bench/browser.ts)
        '--disable-features=WebUIOmniboxPopup,PreloadTopChromeWebUI',
      ],
    },
  },
});
