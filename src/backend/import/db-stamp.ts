// A cheap "has anything been written since?" for the import's conflict check. data_version
// changes when another connection commits; total_changes() counts every row this connection
// has written. Both unchanged on the same connection = not one row of the database changed,
// so a fingerprint taken then still holds and need not be recomputed (a 10,000-row plan's
// fingerprint hashes every row). Any change, even an unrelated one, means: recompute it.
import type Database from 'better-sqlite3';
import { stmt } from '../db/statements';

export interface DbStamp {
  db: Database.Database;
  dataVersion: number;
  totalChanges: number;
}

export function dbStamp(db: Database.Database): DbStamp {
  const dataVersion = Number(db.pragma('data_version', { simple: true }));
  const totalChanges = stmt<[], { n: number }>(db, 'SELECT total_changes() AS n').get()?.n ?? -1;
  return { db, dataVersion, totalChanges };
}

/** true only when certainly nothing was written since `stamp` (false = look closer). */
export function unchangedSince(db: Database.Database, stamp: DbStamp): boolean {
  if (db !== stamp.db || stamp.totalChanges < 0) return false;
  const now = dbStamp(db);
  return now.dataVersion === stamp.dataVersion && now.totalChanges === stamp.totalChanges;
}
