// The app frame's own first requests (`meta.get` for the read-only banner, `plans.list` for the
// plan picker), sent by public/early-register.js while the bundle downloads, as it sends the
// register's. Taking them here keeps fetch's own cost off the first render's commit, and their
// answers are usually in before it, so the banner and the picker are drawn in the first frame.
// Each is taken once; a later load (a reload, another page) asks afresh. The desktop app
// (window.api) has none: the script does nothing there.
import type { ApiMethod, ApiOutput } from '../domain/api/contract';
import { ApiError } from '../domain/api/errors';
import { NO_CONNECTION, resultOf, type HttpReply } from './api-client';
import type { EarlyAnswer } from './components/use-api';

/** the methods early-register.js sends, always with the input {} */
export type EarlyMethod = 'meta.get' | 'plans.list';

export interface EarlyReply {
  reply: Promise<HttpReply>;
  settled: HttpReply | null;
}

declare global {
  interface Window {
    /** set by public/early-register.js (browser mode) */
    earlyRequests?: Partial<Record<EarlyMethod, EarlyReply>>;
    /** set by main.tsx as the bundle starts: early-register.js, arriving after that, does nothing */
    appStarted?: boolean;
  }
}

/**
 * The answer of a request early-register.js sent: its value at once when the reply is already
 * read (the first render shows it without waiting a tick), else a promise noting the value when
 * it comes; a failed fetch is "no connection". Shared with start-register.ts.
 */
export function answerOf<M extends ApiMethod>(early: EarlyReply): EarlyAnswer<ApiOutput<M>> {
  if (early.settled) {
    try {
      const value = resultOf<M>(early.settled);
      return { promise: Promise.resolve(value), value };
    } catch (e) {
      const failed = Promise.reject(e);
      failed.catch(() => undefined); // the caller's to show; not "unhandled" until taken
      return { promise: failed };
    }
  }
  return noted(
    early.reply.then(
      (reply) => resultOf<M>(reply),
      () => {
        throw new ApiError('internal', NO_CONNECTION);
      },
    ),
  );
}

/** An answer that notes its value beside the promise once it has come. */
export function noted<T>(promise: Promise<T>): EarlyAnswer<T> {
  const answer: EarlyAnswer<T> = { promise };
  // a failure is the taker's to show when it takes the promise; until then it is not "unhandled"
  promise.then(
    (value) => (answer.value = value),
    () => undefined,
  );
  return answer;
}

/** early-register.js's request for `method` (input {}), once; null when there is none. */
export function takeEarly<M extends EarlyMethod>(method: M): EarlyAnswer<ApiOutput<M>> | null {
  const early = window.earlyRequests?.[method];
  if (!early) return null;
  delete window.earlyRequests?.[method];
  return answerOf<M>(early);
}
