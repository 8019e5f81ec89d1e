// Loads an Api result into React state with loading and error; `reload` re-runs it.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiInput, ApiMethod, ApiOutput } from '../../domain/api/contract';
import { ApiError } from '../../domain/api/errors';
import { send } from '../api-client';

export interface ApiState<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

export function toApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError('internal', e instanceof Error ? e.message : String(e));
}

/** A request sent before the component rendered, and its answer once it has come. */
export interface EarlyAnswer<T> {
  promise: Promise<T>;
  /** set when the answer came before the first render: that render shows it at once */
  value?: T;
}

export interface UseApiOptions<M extends ApiMethod> {
  /**
   * A request already on its way for this input (start-register.ts sends the register's before
   * React starts), taken on the first render; null when there is none. Used for the first load
   * only: reloads and other inputs always ask afresh.
   */
  early?: (input: ApiInput<M>) => EarlyAnswer<ApiOutput<M>> | null;
}

type Loaded<T> = { data: T | null; error: ApiError | null; loading: boolean };

export function useApi<M extends ApiMethod>(method: M, input: ApiInput<M>, options: UseApiOptions<M> = {}): ApiState<ApiOutput<M>> {
  const key = JSON.stringify(input);
  // taken once, on the first render (a module-level hand-over, not React state elsewhere)
  const [early] = useState(() => {
    const answer = options.early?.(input);
    return answer ? { key, answer } : null;
  });
  const [state, setState] = useState<Loaded<ApiOutput<M>>>(() =>
    early?.answer.value !== undefined ? { data: early.answer.value, error: null, loading: false } : { data: null, error: null, loading: true },
  );
  const [tick, setTick] = useState(0);
  const earlyUsed = useRef(false);
  useEffect(() => {
    const useEarly = early !== null && !earlyUsed.current && early.key === key && tick === 0;
    earlyUsed.current = true;
    // the first render already showed the early answer
    if (useEarly && early.answer.value !== undefined) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    const request = useEarly ? early.answer.promise : send(method, JSON.parse(key) as ApiInput<M>);
    request.then(
      (data) => live && setState({ data, error: null, loading: false }),
      (e: unknown) => live && setState({ data: null, error: toApiError(e), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [method, key, tick, early]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
