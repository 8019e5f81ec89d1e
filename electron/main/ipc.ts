// IPC registration: ONE channel 'api' for every Api method, plus the shell channels
// (shell-handlers.ts). Each handler first checks that the message comes from our own
// page's top frame, and answers { ok, value | error } instead of throwing, because a
// thrown error crossing IPC and the contextBridge keeps only its message.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Backend } from '../../src/backend/backend';
import { ApiError, type ApiErrorBody, toErrorBody } from '../../src/domain/api/errors';
import type { BridgeResult } from '../../src/domain/desktop-bridge';
import { API_CHANNEL } from '../shared/channels';
import { type AppOrigin, isAppUrl } from './app-origin';

export function isFromApp(event: IpcMainInvokeEvent, origin: AppOrigin): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url, origin);
}

export const REFUSED: ApiErrorBody = { code: 'invalid', message: '已拒绝：请求不是来自本程序的页面', issues: [] };

/** Wraps a handler with the sender check and the { ok, value | error } envelope. */
export function handle<T>(
  channel: string,
  origin: AppOrigin,
  fn: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<T> | T,
): void {
  ipcMain.handle(channel, async (event, ...args: unknown[]): Promise<BridgeResult<T>> => {
    if (!isFromApp(event, origin)) {
      console.warn(`[ipc] refused ${channel} from ${event.senderFrame?.url ?? '(unknown frame)'}`);
      return { ok: false, error: REFUSED };
    }
    try {
      return { ok: true, value: await fn(event, ...args) };
    } catch (error) {
      // the one error mapping shared with HTTP (src/domain/api/errors.ts); only bugs are logged
      return { ok: false, error: toErrorBody(error, (bug) => console.error(`[${channel}]`, bug)) };
    }
  });
}

export function registerApiChannel(backend: Backend, origin: AppOrigin): void {
  handle(API_CHANNEL, origin, (_event, method: unknown, input: unknown) => {
    if (typeof method !== 'string') throw new ApiError('invalid', '接口名称无效');
    // backend.call validates method and input with the contract's zod schemas
    return backend.call(method, input ?? {}, 'ui');
  });
}
