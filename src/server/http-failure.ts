// A request the server refuses before it reaches the Api: bad URL, body too large, busy.
// Carries the HTTP status and the Api error body, so both /api and static paths can answer.
import type { ServerResponse } from 'node:http';
import type { ApiErrorBody, ApiErrorCode } from '../domain/api/errors';

export class HttpFailure extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  /** the rest of the request was not read: close the connection after answering */
  readonly close: boolean;

  constructor(status: number, message: string, opts: { code?: ApiErrorCode; close?: boolean } = {}) {
    super(message);
    this.name = 'HttpFailure';
    this.status = status;
    this.code = opts.code ?? 'invalid';
    this.close = opts.close ?? false;
  }

  toBody(): ApiErrorBody {
    return { code: this.code, message: this.message, issues: [] };
  }
}

/** The client went away mid-request: nobody is left to answer. */
export class ClientGone extends Error {
  override name = 'ClientGone';
}

/** Answers with a JSON Api reply or plain text, unless an answer has already started. */
export function sendFailure(res: ServerResponse, status: number, body: ApiErrorBody, opts: { json: boolean; close?: boolean }): void {
  if (res.headersSent || res.destroyed || res.writableEnded) {
    res.destroy();
    return;
  }
  const text = opts.json ? JSON.stringify({ ok: false, error: body }) : body.message;
  res.writeHead(status, {
    'content-type': opts.json ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...(opts.close ? { connection: 'close' } : {}),
  });
  res.end(text);
}
