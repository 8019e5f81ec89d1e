// The CLI as a function (testable without spawning): returns the exit code.
// 0 success; 1 bad input or data (one Chinese line per problem); 2 wrong usage.
import { openBackend } from '../backend/backend';
import { defaultDbPath } from '../backend/app-paths';
import { isIsoDate } from '../domain/calendar';
import { ApiError, describeIssue } from '../domain/api/errors';
import { parseArgs, stringFlag, UsageError } from './args';
import { commands } from './commands';

export interface CliStreams {
  out(line: string): void;
  err(line: string): void;
}

function usageText(): string {
  const lines = ['用法：npm run tracker -- <命令> [选项]', '', '命令：'];
  for (const c of commands) lines.push(`  ${c.usage.padEnd(52)} ${c.summary}`);
  lines.push('', '每个命令都接受 --db PATH（默认：桌面程序的数据库；文件不存在时自动创建并填入规划数据）。');
  return lines.join('\n');
}

/** TRACKER_TODAY=YYYY-MM-DD fixes "today" (reports, lights, default months), as `serve --today` does. */
function todayFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  const value = env.TRACKER_TODAY;
  if (value === undefined || value === '') return undefined;
  if (!isIsoDate(value)) throw new UsageError(`环境变量 TRACKER_TODAY 应为 YYYY-MM-DD 格式的日期，现为「${value.slice(0, 20)}」`);
  return value;
}

export async function runCli(argv: string[], streams: CliStreams, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    streams.out(usageText());
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    streams.err(`未知命令「${name}」。`);
    streams.err(usageText());
    return 2;
  }
  try {
    const args = parseArgs(rest, ['db', ...(command.valueFlags ?? [])], ['help', ...(command.boolFlags ?? [])]);
    if (args.flags.has('help')) {
      streams.out(`用法：npm run tracker -- ${command.usage}\n${command.summary}`);
      return 0;
    }
    const dbPath = stringFlag(args, 'db') ?? defaultDbPath(env);
    const today = todayFromEnv(env);
    return await command.run(args, {
      ...streams,
      dbPath,
      openBackend: (opts) =>
        openBackend({
          dbPath,
          seed: opts?.seed ?? true,
          ...(opts?.create ? { create: opts.create } : {}),
          ...(today ? { today: () => today } : {}),
        }),
    });
  } catch (e) {
    if (e instanceof UsageError) {
      streams.err(`${e.message}\n用法：npm run tracker -- ${command.usage}`);
      return 2;
    }
    if (e instanceof ApiError) {
      streams.err(e.message);
      for (const issue of e.issues) if (e.issues.length > 1 || describeIssue(issue) !== e.message) streams.err(`  - ${describeIssue(issue)}`);
      return 1;
    }
    streams.err(`内部错误：${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
