// A per-connection memo of what is derived from a whole plan (its facts, its register rows),
// valid while the database and "today" are unchanged. A 10,000-project plan takes most of a
// second to derive; the register, the Gantt and the dashboard each ask for it, and ask again
// on every visit.
//
// "Unchanged" is the stamp PRAGMA data_version (moves when ANOTHER connection commits) plus
// total_changes() (moves with every row THIS connection writes) plus today (lights and
// 序时进度 depend on it). Never used inside a transaction: there the caller may be reading its
// own uncommitted writes, which must neither be cached nor served from an older entry.
import type Database from 'better-sqlite3';
import { stmt } from '../db/statements';

interface Entry {
  stamp: string;
  value: unknown;
}

const memos = new WeakMap<Database.Database, Map<string, Entry>>();

/** What makes an entry stale: another connection's commit, this connection's writes, another day. */
export function dbStamp(db: Database.Database, today: string): string {
  const version = db.pragma('data_version', { simple: true });
  const changes = stmt<[], { n: number }>(db, 'SELECT total_changes() AS n').get()?.n ?? 0;
  return `${String(version)}:${changes}:${today}`;
}

/**
 * `build()`'s value for `key` on this connection, built again only when the stamp moved.
 * The value is shared between callers: treat it as read-only.
 */
export function memoPerDbState<T>(db: Database.Database, key: string, today: string, build: () => T): T {
  if (db.inTransaction) return build();
  const stamp = dbStamp(db, today);
  let memo = memos.get(db);
  if (!memo) {
    memo = new Map();
    memos.set(db, memo);
  }
  const hit = memo.get(key);
  // the entry was stored by this function with this key's builder: its type is T
  if (hit && hit.stamp === stamp) return hit.value as T;
  const value = build();
  memo.set(key, { stamp, value });
  return value;
}

/** For tests: the keys memoised on this connection. */
export function memoKeys(db: Database.Database): string[] {
  return [...(memos.get(db)?.keys() ?? [])];
}
