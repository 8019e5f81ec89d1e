// Progress of a long import call as the UI sees it: the call is made with a fresh job id,
// and xlsx.importProgress is polled with that id until the call returns. Works the same
// over HTTP and Electron IPC (both are request/response). No React here.
import type { Send } from '../domain/api/contract';
import type { ImportProgressSnapshot } from '../domain/api/xlsx';

export const POLL_MS = 200;

/** 32 hex digits: what the contract's jobId accepts. */
export function newJobId(random: () => number = Math.random): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
}

/**
 * Runs `call(jobId)`, reporting the job's progress to `onProgress` until it settles.
 * A failed poll is skipped (the call itself reports real failures).
 */
export async function withImportProgress<T>(
  send: Send,
  call: (jobId: string) => Promise<T>,
  onProgress: (snapshot: ImportProgressSnapshot) => void,
  pollMs: number = POLL_MS,
): Promise<T> {
  const jobId = newJobId();
  let running = true;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const poll = async (): Promise<void> => {
    try {
      const snap = await send('xlsx.importProgress', { jobId });
      if (running && snap && !snap.finished) onProgress(snap);
    } catch {
      // a missed poll only delays the bar
    }
    if (running) timer = setTimeout(() => void poll(), pollMs);
  };
  timer = setTimeout(() => void poll(), pollMs);
  try {
    return await call(jobId);
  } finally {
    running = false;
    if (timer) clearTimeout(timer);
  }
}
