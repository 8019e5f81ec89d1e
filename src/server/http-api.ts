// The Api over HTTP: POST /api/<method> with a JSON body. A thin adapter, no logic.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, type ApiErrorBody } from '../domain/api/errors';
import type { Backend } from '../backend/backend';

/** base64 of a 50 MB workbook plus JSON overhead */
export const MAX_BODY_BYTES = 72 * 1024 * 1024;

export type ApiReply = { ok: true; result: unknown } | { ok: false; error: ApiErrorBody };

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new ApiError('invalid', '请求过大（超过 72 MB）');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function toErrorBody(e: unknown): ApiErrorBody {
  if (e instanceof ApiError) return e.toBody();
  console.error(e);
  return { code: 'internal', message: `内部错误：${e instanceof Error ? e.message : String(e)}`, issues: [] };
}

export async function handleApi(backend: Backend, method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let reply: ApiReply;
  try {
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      // A cross-site form cannot send JSON without a preflight, which we never grant.
      throw new ApiError('invalid', '请求必须是 application/json');
    }
    const text = await readBody(req);
    const input: unknown = text ? JSON.parse(text) : {};
    reply = { ok: true, result: await backend.call(method, input, 'ui') };
  } catch (e) {
    reply = { ok: false, error: toErrorBody(e) };
  }
  const status = reply.ok ? 200 : reply.error.code === 'internal' ? 500 : reply.error.code === 'not_found' ? 404 : 400;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(reply));
}
