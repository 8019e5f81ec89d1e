// The CLI's view of argv (--flag, --flag value, --flag=value), built on the neutral
// node:util parseArgs wrapper in src/shared/command-line.ts. The API is kept for the commands.
import { integerOption, parseCommandLine, type OptionKind } from '../shared/command-line';

export { UsageError } from '../shared/command-line';

export interface CliArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

/** valueFlags: flags that take a value; boolFlags: flags that do not. Any other flag is a usage error. */
export function parseArgs(argv: string[], valueFlags: readonly string[], boolFlags: readonly string[]): CliArgs {
  const options: Record<string, OptionKind> = {};
  for (const name of valueFlags) options[name] = 'string';
  for (const name of boolFlags) options[name] = 'boolean';
  const { positionals, values } = parseCommandLine(argv, { options, allowPositionals: true });
  return { positionals, flags: values };
}

export function stringFlag(args: CliArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** A non-negative integer flag (or one within range), or a usage error naming the flag. */
export function intFlag(args: CliArgs, name: string, range: { min: number; max: number } = { min: 0, max: Number.MAX_SAFE_INTEGER }): number | undefined {
  return integerOption(name, stringFlag(args, name), range);
}
