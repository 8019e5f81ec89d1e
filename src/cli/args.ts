// Minimal argv parsing shared by the CLI and `serve`: --flag, --flag value, --flag=value.
export interface CliArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

export class UsageError extends Error {}

/** valueFlags: flags that take a value; every other --flag is boolean. Unknown flags are usage errors. */
export function parseArgs(argv: string[], valueFlags: readonly string[], boolFlags: readonly string[]): CliArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (valueFlags.includes(name)) {
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '' || (eq === -1 && value.startsWith('--')))
        throw new UsageError(`选项 --${name} 需要一个值`);
      flags.set(name, value);
    } else if (boolFlags.includes(name)) {
      if (eq !== -1) throw new UsageError(`选项 --${name} 不接受值`);
      flags.set(name, true);
    } else {
      throw new UsageError(`未知选项 --${name}`);
    }
  }
  return { positionals, flags };
}

export function stringFlag(args: CliArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** A positive integer flag, or a usage error naming the flag. */
export function intFlag(args: CliArgs, name: string): number | undefined {
  const v = stringFlag(args, name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new UsageError(`选项 --${name} 应为非负整数，收到「${v}」`);
  return Number(v);
}
