import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const shared = { globals: true, testTimeout: 30_000, hookTimeout: 30_000 };

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      { extends: true, test: { ...shared, name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { ...shared, name: 'ui', environment: 'jsdom', include: ['tests/ui/**/*.test.tsx'] } },
      // crash, concurrency, hostile-input and bad-disk tests: real processes and sockets, kept under a minute
      {
        extends: true,
        test: { ...shared, name: 'reliability', environment: 'node', include: ['tests/reliability/**/*.test.ts'], testTimeout: 60_000 },
      },
    ],
  },
});
