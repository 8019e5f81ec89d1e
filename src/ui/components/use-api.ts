// Loads an Api result into React state with loading and error; `reload` re-runs it.
import { useCallback, useEffect, useState } from 'react';
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

export function useApi<M extends ApiMethod>(method: M, input: ApiInput<M>): ApiState<ApiOutput<M>> {
  const key = JSON.stringify(input);
  const [state, setState] = useState<{ data: ApiOutput<M> | null; error: ApiError | null; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    send(method, JSON.parse(key) as ApiInput<M>).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (e: unknown) => live && setState({ data: null, error: toApiError(e), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [method, key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
