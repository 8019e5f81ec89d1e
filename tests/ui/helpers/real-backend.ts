// UI tests against a real backend (a temporary database) in jsdom. The api client is replaced
// by `send` below, in each test file (vi.mock must stand in the file it mocks for):
//   vi.mock('../../src/ui/api-client', () => import('./helpers/real-backend'));
//   useRealBackend('张三');
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import type { Backend } from '../../../src/backend/backend';
import { openTempBackend } from '../../unit/helpers/temp-db';

/** The test's backend, and how many calls are in flight (to wait until the page asked all it asks). */
export const state: { backend: Backend | null; pending: number } = { backend: null, pending: 0 };

/** Stands in for the api client's send: the call goes to the test's backend as the UI door. */
export async function send(method: string, input: unknown): Promise<unknown> {
  if (!state.backend) throw new Error('no backend');
  state.pending++;
  try {
    return await state.backend.call(method, input, 'ui');
  } finally {
    state.pending--;
  }
}

/** A fresh seeded backend for each test, signed in as `user`; closed after it. */
export function useRealBackend(user: string): void {
  beforeEach(() => {
    state.backend = openTempBackend({ user });
    state.pending = 0;
  });
  afterEach(() => {
    cleanup();
    state.backend?.close();
    state.backend = null;
    vi.restoreAllMocks();
  });
}
