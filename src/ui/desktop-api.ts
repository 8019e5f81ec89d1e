// The Electron transport for the Api: window.api from the preload, unwrapped so callers
// get the output or an ApiError with its code and issues intact. null in browser mode.
// The bridge's types live in src/domain/desktop-bridge.ts (electron/ implements them).
import type { ApiInput, ApiMethod, ApiOutput, Send } from '../domain/api/contract';
import { ApiError } from '../domain/api/errors';
import type { BridgeResult, DesktopApi, DesktopShell } from '../domain/desktop-bridge';

declare global {
  interface Window {
    /** Both absent in browser mode. */
    readonly api?: DesktopApi;
    readonly desktop?: DesktopShell;
  }
}

export function unwrapBridgeResult<T>(result: BridgeResult<T>): T {
  if (result.ok) return result.value;
  throw ApiError.fromBody(result.error);
}

export function sendVia(api: DesktopApi): Send {
  return async function send<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
    const call: DesktopApi[M] | undefined = api[method];
    if (typeof call !== 'function') {
      throw new ApiError('internal', `桌面程序未提供接口 ${method}，请重新安装或升级程序`);
    }
    return unwrapBridgeResult(await call(input));
  };
}

export const desktopSend: Send | null =
  typeof window !== 'undefined' && window.api !== undefined ? sendVia(window.api) : null;
