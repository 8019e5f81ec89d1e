// Browser mode: the same Api and the built UI on 127.0.0.1 only. Every request runs inside
// request-guard.ts, so no request of any kind can end the process.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Backend } from '../backend/backend';
import { HttpFailure } from './http-failure';
import { handleApi, type ApiTransport } from './http-api';
import { guarded, onClientError } from './request-guard';
import { BodyBudget, DEFAULT_BODY_LIMITS, type BodyLimits } from './request-body';
import { consoleLog, type ServerLog } from './server-log';
import { serveStatic } from './static-files';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export interface ServerOptions {
  port: number;
  webRoot: string;
  /** body limits (tests make them small) */
  limits?: Partial<BodyLimits>;
  log?: ServerLog;
}

/** Rejects requests whose Host is not loopback (DNS-rebinding guard). */
function isLoopbackHost(host: string | undefined): boolean {
  return !!host && /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host);
}

export function startServer(backend: Backend, opts: ServerOptions): Promise<RunningServer> {
  const log = opts.log ?? consoleLog;
  const limits: BodyLimits = { ...DEFAULT_BODY_LIMITS, ...opts.limits };
  const api: ApiTransport = { backend, limits, budget: new BodyBudget(limits.maxInflightBytes), log };

  const route = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    if (!isLoopbackHost(req.headers.host)) {
      req.resume();
      res.writeHead(403).end();
      return;
    }
    const url = req.url ?? '/';
    const m = /^\/api\/([\w.]+)$/.exec(url);
    if (m?.[1] && req.method === 'POST') {
      await handleApi(api, m[1], req, res);
      return;
    }
    req.resume(); // a body we do not read is dropped, so the connection stays usable
    if (m?.[1]) {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    if (url.startsWith('/api/')) throw new HttpFailure(404, `未知的接口：${url.slice(5, 105)}`, { code: 'not_found' });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    await serveStatic(opts.webRoot, url, res, req.headers['if-none-match']);
  };

  const server = http.createServer(guarded(route, log));
  server.on('clientError', onClientError(log));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => {
      server.off('error', reject);
      // e.g. EMFILE on accept: log and keep serving the connections we have
      server.on('error', (e) => log.error('[serve] 服务器错误', e));
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () =>
          new Promise((r) => {
            server.close(() => r());
            server.closeAllConnections();
          }),
      });
    });
  });
}
