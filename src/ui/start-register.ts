// The register's first request (`register.first`: the first window of rows and the plan's
// totals, or the whole register of a small plan), sent as main.tsx starts (before React
// renders), so the rows are on their way while React mounts. In browser mode public/early-register.js has usually sent it
// already, while the bundle was downloading, and this takes its reply. The register page takes
// it once (use-register-rows.ts); any later load (a reload, coming
// back from a project page after an edit) asks afresh, so nothing stale is ever shown.
import type { ApiInput, ApiOutput } from '../domain/api/contract';
import { send } from './api-client';
import { answerOf, noted, type EarlyReply } from './early-requests';
import type { EarlyAnswer } from './components/use-api';
import { parseRoute } from './router';

/** the register's plan: what a started request is matched on (the row count is this module's choice) */
type RowsInput = Omit<ApiInput<'register.first'>, 'rows'>;
type RowsOutput = ApiOutput<'register.first'>;

/** The rows a window `height` px tall shows, with room to spare (public/early-register.js asks the same). */
export function firstWindowRows(height: number): number {
  return Math.min(200, Math.max(20, Math.ceil((height || 900) / 30) + 10));
}

declare global {
  interface Window {
    /** set by public/early-register.js (browser mode): the register's request, sent before the bundle ran */
    registerEarly?: EarlyReply & { key: string };
  }
}

let started: { key: string; answer: EarlyAnswer<RowsOutput> } | null = null;

/** The reply early-register.js already has or awaits for this input, else a new request. */
function rowsFor(input: RowsInput): EarlyAnswer<RowsOutput> {
  const early = window.registerEarly;
  delete window.registerEarly;
  if (!early || early.key !== JSON.stringify(input)) return noted(send('register.first', { ...input, rows: firstWindowRows(window.innerHeight) }));
  return answerOf<'register.first'>(early);
}

/** The input the register page will ask with for this hash, or null when the hash is not the register. */
export function registerInputFor(hash: string): RowsInput | null {
  const route = parseRoute(hash);
  if (route.page !== 'register') return null;
  return route.planId === undefined ? {} : { planId: route.planId };
}

/**
 * Sends `register.first` now (or takes early-register.js's) when the page opens on the register;
 * returns its answer (null on another page), for main.tsx to wait on briefly before the first render.
 */
export function startRegister(hash: string, rows: (input: RowsInput) => EarlyAnswer<RowsOutput> = rowsFor): EarlyAnswer<RowsOutput> | null {
  const input = registerInputFor(hash);
  if (input === null) return null;
  const answer = rows(input);
  started = { key: JSON.stringify(input), answer };
  return answer;
}

/**
 * Resolves once the answer is in (or has failed), or after `ms`, whichever is first. The first
 * render waits on it: the register's reply is usually a few milliseconds behind the bundle (its
 * JSON is read only once the bundle's evaluation frees the main thread), and a page drawn once,
 * with its rows, costs a render and a layout less than one drawn loading and then again.
 */
export function settledWithin(answer: EarlyAnswer<unknown> | null, ms: number): Promise<void> {
  if (answer === null || answer.value !== undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    const done = (): void => {
      clearTimeout(timer);
      resolve();
    };
    answer.promise.then(done, done);
  });
}

/** The started request for exactly this input, once; null when there is none (then the page sends its own). */
export function takeStartedRegister(input: RowsInput): EarlyAnswer<RowsOutput> | null {
  if (started === null || started.key !== JSON.stringify(input)) return null;
  const { answer } = started;
  started = null;
  return answer;
}
