// The top-level guard around every request: whatever a handler throws, synchronously or
// later, becomes an answer (400 for input we cannot read, 500 for our bugs) and a log line;
// it never reaches the process. Also the answer for connections that are not valid HTTP.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { ClientGone, HttpFailure, sendFailure } from './http-failure';
import { describeRequest, type ServerLog } from './server-log';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

function answerError(req: IncomingMessage, res: ServerResponse, error: unknown, log: ServerLog): void {
  const json = (req.url ?? '').startsWith('/api/');
  if (error instanceof ClientGone) {
    log.warn(`[serve] ${describeRequest(req)}：${error.message}`);
    res.destroy();
  } else if (error instanceof HttpFailure) {
    log.warn(`[serve] ${error.status} ${describeRequest(req)}：${error.message}`);
    sendFailure(res, error.status, error.toBody(), { json, close: error.close });
  } else if (error instanceof URIError) {
    log.warn(`[serve] 400 ${describeRequest(req)}：网址编码无效`);
    sendFailure(res, 400, { code: 'invalid', message: '网址中的 % 编码无效', issues: [] }, { json });
  } else {
    log.error(`[serve] 500 ${describeRequest(req)}`, error);
    const message = `程序内部错误：${error instanceof Error ? error.message : String(error)}`;
    sendFailure(res, 500, { code: 'internal', message, issues: [] }, { json });
  }
}

/** Wraps a handler so that nothing it does can end the process. */
export function guarded(handler: RequestHandler, log: ServerLog): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    // A write after the client has gone emits 'error' on the response; unheard, it would be fatal.
    res.on('error', (e) => log.warn(`[serve] ${describeRequest(req)}：回复未能送达（${e.message}）`));
    const fail = (error: unknown) => {
      try {
        answerError(req, res, error, log);
      } catch (secondary) {
        log.error('[serve] 无法回复出错的请求', secondary);
        res.destroy();
      }
    };
    try {
      Promise.resolve(handler(req, res)).catch(fail);
    } catch (error) {
      fail(error);
    }
  };
}

/** Status for bytes that are not an HTTP request (bad header, bad Content-Length, too large …). */
function clientErrorStatus(code: string | undefined): number {
  if (code === 'HPE_HEADER_OVERFLOW') return 431;
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  return 400;
}

/** Node keeps the response being written on the socket; an answer of ours must not cut into it. */
function answerInFlight(socket: Duplex): boolean {
  const message: unknown = Reflect.get(socket, '_httpMessage');
  return typeof message === 'object' && message !== null && Reflect.get(message, 'headersSent') === true;
}

export function onClientError(log: ServerLog): (error: NodeJS.ErrnoException, socket: Duplex) => void {
  return (error, socket) => {
    if (error.code === 'ECONNRESET' || error.code === 'EPIPE' || !socket.writable || answerInFlight(socket)) {
      socket.destroy();
      return;
    }
    const status = clientErrorStatus(error.code);
    log.warn(`[serve] ${status} 无法解析的请求（${error.code ?? error.message}）`);
    const reason = http.STATUS_CODES[status] ?? 'Bad Request';
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  };
}
