// Opens (and creates) the tracker database with the settings that keep it safe.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../domain/api/errors';
import { migrate } from './migrations';
import { networkPathProblem } from './network-path';

export interface OpenOptions {
  /** Electron-ABI build of better-sqlite3 (the packaged app); tests use the Node build */
  nativeBinding?: string;
}

export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  const problem = networkPathProblem(path.resolve(file));
  if (problem) throw new ApiError('invalid', problem);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (e) {
    throw new ApiError('invalid', `无法打开数据库 ${file}：${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    // Fails fast on a file that is not a SQLite database.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
  } catch (e) {
    db.close();
    if (e instanceof ApiError) throw e;
    throw new ApiError('invalid', `${file} 不是可用的台账数据库：${e instanceof Error ? e.message : String(e)}`);
  }
  return db;
}
