// Every test gets its own server on a fresh, seeded temporary database, so no test
// sees another's edits or imports. Today is fixed so traffic lights are reproducible.
import { test as base } from '@playwright/test';
import { startTestServer, type ServerHandle } from './server-process';

export const TODAY = '2026-11-29';

export const test = base.extend<{ app: ServerHandle; baseURL: string }>({
  app: async ({}, use) => {
    const server = await startTestServer({ today: TODAY });
    await use(server);
    await server.stop();
  },
  baseURL: async ({ app }, use) => {
    await use(app.baseURL);
  },
});

export { expect } from '@playwright/test';
