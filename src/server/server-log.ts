// Where the server reports problems. Injected so tests can read it and stay quiet.
import type { IncomingMessage } from 'node:http';

export interface ServerLog {
  /** a client's mistake or a client that left: one line, no stack trace */
  warn(line: string): void;
  /** a bug or an environment failure: the line and the error with its stack */
  error(line: string, error: unknown): void;
}

export const consoleLog: ServerLog = {
  warn: (line) => console.warn(line),
  error: (line, error) => console.error(line, error),
};

/** "GET \"/x\"": the URL quoted (no control characters reach the log) and cut to 200 characters. */
export function describeRequest(req: IncomingMessage): string {
  const url = req.url ?? '';
  const shown = url.length > 200 ? `${url.slice(0, 200)}…（共 ${url.length} 个字符）` : url;
  return `${(req.method ?? '?').slice(0, 16)} ${JSON.stringify(shown)}`;
}
