// Reads `--db PATH` / `--db=PATH` from the command line. TRACKER_DB and the per-OS
// default come from src/backend/app-paths.ts defaultDbPath(). Pure, unit-tested.

export function dbPathFromArgv(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--db') {
      const next = argv[i + 1];
      return next !== undefined && next !== '' && !next.startsWith('--') ? next : null;
    }
    if (arg?.startsWith('--db=')) {
      const value = arg.slice('--db='.length);
      return value === '' ? null : value;
    }
  }
  return null;
}

/** --db wins over TRACKER_DB (already inside fallback) and the default folder. */
export function resolveDbPath(argv: readonly string[], fallback: string): string {
  return dbPathFromArgv(argv) ?? fallback;
}
