// The UI's one way to the backend: Electron IPC when the preload provides it, else HTTP.
import type { ApiInput, ApiMethod, ApiOutput, Send } from '../domain/api/contract';
import { ApiError, isApiErrorBody } from '../domain/api/errors';
import { desktopSend } from './desktop-api';

/** An Api call's HTTP reply as the server sent it: the status and the JSON body (null when not JSON). */
export interface HttpReply {
  status: number;
  body: unknown;
}

export const NO_CONNECTION = '无法连接到台账服务，请确认 npm run serve 仍在运行';

async function httpReply<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<HttpReply> {
  let response: Response;
  try {
    response = await fetch(`./api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
  } catch {
    throw new ApiError('internal', NO_CONNECTION);
  }
  return { status: response.status, body: await response.json().catch(() => null) };
}

/** The method's result in a reply, or its ApiError (also for public/early-register.js's reply: start-register.ts). */
export function resultOf<M extends ApiMethod>({ status, body }: HttpReply): ApiOutput<M> {
  if (typeof body === 'object' && body !== null && 'ok' in body) {
    if (body.ok === true && 'result' in body) return body.result as ApiOutput<M>;
    if ('error' in body && isApiErrorBody(body.error)) throw ApiError.fromBody(body.error);
  }
  throw new ApiError('internal', `服务返回了无法识别的响应（HTTP ${status}）`);
}

async function httpSend<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  return resultOf<M>(await httpReply(method, input));
}

export const send: Send = desktopSend ?? httpSend;
