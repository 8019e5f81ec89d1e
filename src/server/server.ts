// Browser mode: the same Api and the built UI on 127.0.0.1 only.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Backend } from '../backend/backend';
import { handleApi } from './http-api';
import { serveStatic } from './static-files';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Rejects requests whose Host is not loopback (DNS-rebinding guard). */
function isLoopbackHost(host: string | undefined): boolean {
  return !!host && /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host);
}

export function startServer(backend: Backend, opts: { port: number; webRoot: string }): Promise<RunningServer> {
  const server = http.createServer((req, res) => {
    if (!isLoopbackHost(req.headers.host)) {
      res.writeHead(403).end();
      return;
    }
    const url = req.url ?? '/';
    const m = /^\/api\/([\w.]+)$/.exec(url);
    if (m?.[1]) {
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST' }).end();
        return;
      }
      void handleApi(backend, m[1], req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    serveStatic(opts.webRoot, url, res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}
