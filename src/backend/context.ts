// What every service call gets: the open database and who is acting through which door.
import type Database from 'better-sqlite3';
import type { Door } from '../domain/model';
import type { Clock } from './clock';

/**
 * Where a long job is: a Chinese step name, its count so far, and (when the caller knows
 * the whole job's shape) the overall percent 0–100. Called often: keep it cheap.
 */
export type ProgressReporter = (phase: string, done: number, total: number, percent?: number) => void;

export interface ServiceContext {
  db: Database.Database;
  dbPath: string;
  /** folder beside the database for backups */
  dataDir: string;
  user: string;
  door: Door;
  /** today's date as ISO YYYY-MM-DD, injectable for tests */
  today(): string;
  /** progress of a long call (imports): the CLI prints it, HTTP/IPC callers poll it by job id */
  progress?: ProgressReporter;
  /** the one wall clock (local time) for backup names and checks; tests inject it */
  clock?: Clock;
  /** problems met at start that did not stop it (e.g. the daily backup on a full disk), for meta.get */
  startupWarnings?: readonly string[];
}
