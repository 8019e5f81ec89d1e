// What every service call gets: the open database and who is acting through which door.
import type Database from 'better-sqlite3';
import type { Door } from '../domain/model';

export interface ServiceContext {
  db: Database.Database;
  dbPath: string;
  /** folder beside the database for backups */
  dataDir: string;
  user: string;
  door: Door;
  /** today's date as ISO YYYY-MM-DD, injectable for tests */
  today(): string;
}
