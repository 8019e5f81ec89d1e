// Command-line parsing for every Node entry (the CLI and `npm run serve`): node:util
// parseArgs in strict mode, with its error codes turned into Chinese usage errors that
// name the offending option. Neutral on purpose, so that src/server need not import src/cli.
import { parseArgs as parseNodeArgs } from 'node:util';

/** Wrong usage: the entry prints the message and its usage line, and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export type OptionKind = 'string' | 'boolean';

export interface CommandLineSpec {
  /** option name (without --) → whether it takes a value */
  options: Readonly<Record<string, OptionKind>>;
  allowPositionals: boolean;
}

export interface CommandLine {
  positionals: string[];
  /** string options map to their value, boolean options to true; absent options are absent */
  values: Map<string, string | true>;
}

type NodeOptions = Record<string, { type: OptionKind }>;

function nodeOptions(spec: CommandLineSpec): NodeOptions {
  const options: NodeOptions = {};
  for (const [name, type] of Object.entries(spec.options)) options[name] = { type };
  return options;
}

function kindOf(spec: CommandLineSpec, name: string): OptionKind | undefined {
  return Object.prototype.hasOwnProperty.call(spec.options, name) ? spec.options[name] : undefined;
}

/** "--x" followed by "--y": parseArgs calls the value ambiguous; for us it is missing. */
function looksLikeOption(value: string): boolean {
  return value.length > 1 && value.startsWith('-');
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/**
 * parseArgs's messages are English and its errors do not carry the option, so the
 * culprit is found again from a lenient token scan of the same argv.
 */
function toUsageError(error: unknown, argv: readonly string[], spec: CommandLineSpec): UsageError {
  const { tokens } = parseNodeArgs({ args: [...argv], options: nodeOptions(spec), strict: false, allowPositionals: true, tokens: true });
  const code = errorCode(error);
  for (const t of tokens) {
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && t.kind === 'option' && kindOf(spec, t.name) === undefined) {
      return new UsageError(`未知选项 ${t.rawName}`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && t.kind === 'option') {
      const kind = kindOf(spec, t.name);
      const value = t.value;
      if (kind === 'boolean' && value !== undefined) return new UsageError(`选项 ${t.rawName} 不接受值`);
      if (kind === 'string' && value === undefined) return new UsageError(`选项 ${t.rawName} 需要一个值`);
      if (kind === 'string' && value !== undefined && !t.inlineValue && looksLikeOption(value)) {
        // "--db --json": the value was forgotten; "--plan -3": write it as --plan=-3
        const isOption = kindOf(spec, value.replace(/^--?/, '').replace(/=.*$/, '')) !== undefined;
        return new UsageError(`选项 ${t.rawName} 需要一个值${isOption ? '' : `；以 - 开头的值请写成 ${t.rawName}=${value}`}`);
      }
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' && t.kind === 'positional') {
      return new UsageError(`多余的参数「${t.value}」：此命令只接受选项`);
    }
  }
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new UsageError(`命令行参数有误（${detail}）`);
}

/** Parses argv strictly: unknown options, missing or surplus values are UsageErrors in Chinese. */
export function parseCommandLine(argv: readonly string[], spec: CommandLineSpec): CommandLine {
  let parsed;
  try {
    parsed = parseNodeArgs({ args: [...argv], options: nodeOptions(spec), strict: true, allowPositionals: spec.allowPositionals });
  } catch (error) {
    throw toUsageError(error, argv, spec);
  }
  const values = new Map<string, string | true>();
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === '') throw new UsageError(`选项 --${name} 需要一个值`);
    if (typeof value === 'string') values.set(name, value);
    else if (value === true) values.set(name, true);
  }
  return { positionals: parsed.positionals, values };
}

/** An integer option within [min, max], or a UsageError naming the option and what it got. */
export function integerOption(name: string, value: string | undefined, range: { min: number; max: number }): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d{1,15}$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= range.min && n <= range.max)) {
    const unbounded = range.max >= Number.MAX_SAFE_INTEGER;
    const expected = unbounded ? (range.min === 0 ? '非负整数' : `不小于 ${range.min} 的整数`) : ` ${range.min}–${range.max} 之间的整数`;
    throw new UsageError(`选项 --${name} 应为${expected}，收到「${value}」`);
  }
  return n;
}
