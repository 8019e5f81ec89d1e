// Which automatic backups to keep. Pure: names in, decision out; backup.ts does the deleting.
//
// Daily backups thin out like a grandfather-father-son rotation (as restic's and borg's
// --keep-daily/--keep-weekly/--keep-monthly do): the newest backup of each of the last 7 days
// that HAVE a backup, of the last 4 such ISO weeks and of the last 12 such months. Counting days
// with backups, not calendar days, means a database left alone for a month still keeps its
// last backups. Import and restore backups: the newest 10 of each kind.
// A backup dated after the clock's "now" (the PC's clock was wrong when it was taken) is kept
// and takes no slot, so one bad date cannot push out every real backup.
import type { LocalDateTime } from '../clock';
import type { BackupKind, BackupName } from './backup-names';

export interface RetentionPolicy {
  daily: number;
  weekly: number;
  monthly: number;
  /** per event kind: the newest N backups taken before an import / a restore */
  events: Record<Exclude<BackupKind, 'daily'>, number>;
}

export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, weekly: 4, monthly: 12, events: { import: 10, restore: 10 } };

export interface RetentionDecision {
  keep: string[];
  remove: string[];
}

const DAY_MS = 86_400_000;

function dayNumber(at: LocalDateTime): number {
  return Date.UTC(Number(at.slice(0, 4)), Number(at.slice(5, 7)) - 1, Number(at.slice(8, 10))) / DAY_MS;
}

/** The Monday that starts the ISO week of `at`, as a day number (TZ-free: calendar arithmetic only). */
function isoWeekKey(at: LocalDateTime): number {
  const day = dayNumber(at);
  const weekday = new Date(day * DAY_MS).getUTCDay(); // 0 = Sunday
  return day - ((weekday + 6) % 7);
}

const BUCKETS: { rule: 'daily' | 'weekly' | 'monthly'; key: (at: LocalDateTime) => string | number }[] = [
  { rule: 'daily', key: (at) => at.slice(0, 10) },
  { rule: 'weekly', key: isoWeekKey },
  { rule: 'monthly', key: (at) => at.slice(0, 7) },
];

function newestFirst(a: BackupName, b: BackupName): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  return a.name < b.name ? 1 : a.name > b.name ? -1 : 0;
}

export function decideRetention(backups: readonly BackupName[], now: LocalDateTime, policy: RetentionPolicy = DEFAULT_RETENTION): RetentionDecision {
  const keep = new Set<string>();
  const past = backups.filter((b) => {
    if (b.at > now) keep.add(b.name);
    return b.at <= now;
  });
  const dailies = past.filter((b) => b.kind === 'daily').sort(newestFirst);
  for (const { rule, key } of BUCKETS) {
    const wanted = policy[rule];
    let last: string | number | undefined;
    let kept = 0;
    for (const b of dailies) {
      if (kept >= wanted) break;
      const k = key(b.at);
      if (k === last) continue;
      last = k;
      kept++;
      keep.add(b.name);
    }
  }
  for (const kind of ['import', 'restore'] as const) {
    for (const b of past.filter((x) => x.kind === kind).sort(newestFirst).slice(0, policy.events[kind])) keep.add(b.name);
  }
  return {
    keep: backups.filter((b) => keep.has(b.name)).map((b) => b.name),
    remove: backups.filter((b) => !keep.has(b.name)).map((b) => b.name),
  };
}
