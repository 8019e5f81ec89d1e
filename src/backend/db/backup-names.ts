// Names of automatic backups: <db name>-<YYYYMMDD>-<HHMMSS>-<kind>[-n].db, in the user's
// LOCAL time (from the injected clock). The name is the only record of a backup's kind and
// time, so retention and `backup --list` read it back with parseBackupName. Pure.
import type { LocalDateTime } from '../clock';

export const BACKUP_KINDS = ['daily', 'import', 'restore'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export const BACKUP_KIND_LABELS: Record<BackupKind, string> = {
  daily: '每日',
  import: '导入前',
  restore: '恢复前',
};

export interface BackupName {
  /** file name without folder */
  name: string;
  kind: BackupKind;
  /** local time the backup was taken */
  at: LocalDateTime;
}

const NAME = /^(.+)-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(daily|import|restore)(?:-(\d+))?\.db$/;

function isKind(s: string): s is BackupKind {
  return (BACKUP_KINDS as readonly string[]).includes(s);
}

export function backupFileName(base: string, kind: BackupKind, at: LocalDateTime, n = 0): string {
  const stamp = `${at.slice(0, 10).replace(/-/g, '')}-${at.slice(11, 19).replace(/:/g, '')}`;
  return `${base}-${stamp}-${kind}${n > 0 ? `-${n}` : ''}.db`;
}

/** The backup's kind and time, or null for any other file (those are never touched). */
export function parseBackupName(name: string, base: string): BackupName | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, b, y, mo, d, h, mi, s, kind] = m;
  if (b !== base || kind === undefined || !isKind(kind)) return null;
  return { name, kind, at: `${y}-${mo}-${d}T${h}:${mi}:${s}` };
}
