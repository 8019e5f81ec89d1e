// "Disk full" in words an office user can act on: which disk, which folder, how much is left.
import fs from 'node:fs';
import path from 'node:path';

function errorCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null || !('code' in e)) return undefined;
  return typeof e.code === 'string' ? e.code : undefined;
}

/** ENOSPC/EDQUOT from Node, SQLITE_FULL from SQLite (better-sqlite3's SqliteError.code). */
export function isDiskFull(e: unknown): boolean {
  const code = errorCode(e);
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL';
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} 字节`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

/** Bytes free to this user on the disk holding `dir` (or its nearest existing parent), or null. */
export function freeBytes(dir: string): number | null {
  let p = path.resolve(dir);
  for (;;) {
    try {
      const s = fs.statfsSync(p);
      return s.bavail * s.bsize;
    } catch {
      const parent = path.dirname(p);
      if (parent === p) return null;
      p = parent;
    }
  }
}

/** e.g. "D:\台账\backups 所在磁盘（D:）剩余 12 MB" */
export function describeFreeSpace(dir: string, free: (d: string) => number | null = freeBytes): string {
  const abs = path.resolve(dir);
  const drive = /^[a-zA-Z]:/.exec(abs)?.[0];
  const bytes = free(abs);
  const where = `${abs} 所在磁盘${drive ? `（${drive.toUpperCase()}）` : ''}`;
  return bytes === null ? `${where}剩余空间未知` : `${where}剩余 ${formatBytes(bytes)}`;
}
