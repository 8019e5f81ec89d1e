// Prepared statements cached per connection by SQL text: repositories call this on every
// use, so a 10,000-row import prepares each statement once, not 10,000 times.
import type Database from 'better-sqlite3';

const MAX_PER_CONNECTION = 500;
const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function stmt<P extends unknown[] = unknown[], R = unknown>(db: Database.Database, sql: string): Database.Statement<P, R> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let s = cache.get(sql);
  if (!s) {
    // Dynamic UPDATEs vary with the patched fields; a cap keeps that bounded.
    if (cache.size >= MAX_PER_CONNECTION) cache.clear();
    s = db.prepare(sql);
    cache.set(sql, s);
  }
  return s as Database.Statement<P, R>;
}
