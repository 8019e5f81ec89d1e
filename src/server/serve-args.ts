// `npm run serve -- [--db PATH] [--port N] [--today YYYY-MM-DD]`, parsed with node:util
// parseArgs through the neutral wrapper (the server does not import the CLI).
import { integerOption, parseCommandLine, UsageError } from '../shared/command-line';

export const SERVE_USAGE = '用法：npm run serve -- [--db PATH] [--port N] [--today YYYY-MM-DD]';
export const DEFAULT_PORT = 5178;

export interface ServeArgs {
  db?: string;
  /** 0 lets the system pick a free port (the tests use it) */
  port: number;
  today?: string;
}

export function parseServeArgs(argv: readonly string[]): ServeArgs {
  const { values } = parseCommandLine(argv, {
    options: { db: 'string', port: 'string', today: 'string' },
    allowPositionals: false,
  });
  const port = integerOption('port', str(values.get('port')), { min: 0, max: 65535 }) ?? DEFAULT_PORT;
  const today = str(values.get('today'));
  if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) {
    throw new UsageError(`选项 --today 应为 YYYY-MM-DD 格式的日期，收到「${today}」`);
  }
  const db = str(values.get('db'));
  return { port, ...(db !== undefined ? { db } : {}), ...(today !== undefined ? { today } : {}) };
}

function str(v: string | true | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
