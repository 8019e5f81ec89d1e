// Fresh temporary databases for tests. Every backend gets the same fixed clock (local time
// given as text), so nothing depends on the real date or the machine's time zone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openBackend, type Backend, type BackendOptions } from '../../../src/backend/backend';
import { fixedClock } from '../../../src/backend/clock';

/** The tests' "now": 2026-11-29 10:00 local time. */
export const TEST_TODAY = '2026-11-29';
export const TEST_CLOCK = fixedClock(`${TEST_TODAY}T10:00:00`);

export function tempDir(prefix = 'tracker-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function tempDbPath(): string {
  return path.join(tempDir(), 'tracker.db');
}

export function openTempBackend(opts: Partial<BackendOptions> = {}): Backend {
  return openBackend({ dbPath: tempDbPath(), user: 'tester', clock: TEST_CLOCK, ...opts });
}
