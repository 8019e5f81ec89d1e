// Fresh temporary databases for tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openBackend, type Backend, type BackendOptions } from '../../../src/backend/backend';

export function tempDir(prefix = 'tracker-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function tempDbPath(): string {
  return path.join(tempDir(), 'tracker.db');
}

export function openTempBackend(opts: Partial<BackendOptions> = {}): Backend {
  return openBackend({ dbPath: tempDbPath(), user: 'tester', today: () => '2026-11-29', ...opts });
}
