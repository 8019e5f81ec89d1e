// The Api over HTTP: POST /api/<method> with a JSON body. A thin adapter, no logic: the body
// rules are in request-body.ts, the error mapping and statuses in src/domain/api/errors.ts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, httpStatusOf, toErrorBody, type ApiErrorBody } from '../domain/api/errors';
import type { Backend } from '../backend/backend';
import { ClientGone, HttpFailure } from './http-failure';
import { type BodyBudget, type BodyLimits, parseJsonBody, readBody } from './request-body';
import { describeRequest, type ServerLog } from './server-log';

export type ApiReply = { ok: true; result: unknown } | { ok: false; error: ApiErrorBody };

export interface ApiTransport {
  backend: Backend;
  limits: BodyLimits;
  budget: BodyBudget;
  log: ServerLog;
}

function isJsonContentType(value: string | undefined): boolean {
  // A cross-site form cannot send JSON without a preflight, which we never grant.
  return (value ?? '').trimStart().toLowerCase().startsWith('application/json');
}

export async function handleApi(t: ApiTransport, method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let status = 200;
  let close = false;
  let reply: ApiReply;
  try {
    if (!isJsonContentType(req.headers['content-type'])) {
      req.resume(); // drop the unread body so the connection can be reused
      throw new ApiError('invalid', '请求必须是 application/json');
    }
    const input = parseJsonBody(await readBody(req, res, t.limits, t.budget), t.limits.maxDepth);
    const result = await t.backend.call(method, input, 'ui');
    reply = { ok: true, result };
  } catch (e) {
    if (e instanceof ClientGone) {
      t.log.warn(`[serve] ${describeRequest(req)}：${e.message}`);
      res.destroy();
      return;
    }
    if (e instanceof HttpFailure) {
      t.log.warn(`[serve] ${e.status} ${describeRequest(req)}：${e.message}`);
      status = e.status;
      close = e.close;
      reply = { ok: false, error: e.toBody() };
    } else {
      const error = toErrorBody(e, (bug) => t.log.error(`[serve] ${describeRequest(req)} 内部错误`, bug));
      status = httpStatusOf(error.code);
      reply = { ok: false, error };
    }
  }
  let text: string;
  try {
    text = JSON.stringify(reply);
  } catch (e) {
    // a result that cannot be serialised is our bug, not the client's
    const error = toErrorBody(e, (bug) => t.log.error(`[serve] ${describeRequest(req)} 结果无法序列化`, bug));
    status = httpStatusOf(error.code);
    text = JSON.stringify({ ok: false, error } satisfies ApiReply);
  }
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(text);
}
