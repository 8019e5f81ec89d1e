// The UI's one way to the backend: Electron IPC when the preload provides it, else HTTP.
import type { ApiInput, ApiMethod, ApiOutput, Send } from '../domain/api/contract';
import { ApiError, isApiErrorBody } from '../domain/api/errors';
import { desktopSend } from './desktop-api';

async function httpSend<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  let response: Response;
  try {
    response = await fetch(`./api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
  } catch {
    throw new ApiError('internal', '无法连接到台账服务，请确认 npm run serve 仍在运行');
  }
  const reply: unknown = await response.json().catch(() => null);
  if (typeof reply === 'object' && reply !== null && 'ok' in reply) {
    if (reply.ok === true && 'result' in reply) return reply.result as ApiOutput<M>;
    if ('error' in reply && isApiErrorBody(reply.error)) throw ApiError.fromBody(reply.error);
  }
  throw new ApiError('internal', `服务返回了无法识别的响应（HTTP ${response.status}）`);
}

export const send: Send = desktopSend ?? httpSend;
