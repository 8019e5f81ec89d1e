// Each test file gets its own server on a fresh, seeded temporary database.
import { test as base } from '@playwright/test';
import { startTestServer, type ServerHandle } from './server-process';

export const test = base.extend<{ baseURL: string }, { app: ServerHandle }>({
  app: [
    async ({}, use) => {
      const server = await startTestServer({ today: '2026-11-29' });
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ app }, use) => {
    await use(app.baseURL);
  },
});

export { expect } from '@playwright/test';
