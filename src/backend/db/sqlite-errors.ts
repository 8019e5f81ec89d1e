// SQLite's errors that a user can act on, in Chinese and naming the file; every door shows these.
import Database from 'better-sqlite3';
import path from 'node:path';
import { ApiError } from '../../domain/api/errors';
import { describeFreeSpace } from './disk-space';

export function readOnlyMessage(dbPath: string): string {
  return `数据库为只读，无法修改（${dbPath}）。可以查看和导出；要修改，请取消文件的只读属性或把它复制到可写的位置，然后重新打开程序。`;
}

export function isSqliteError(e: unknown): e is InstanceType<typeof Database.SqliteError> {
  return e instanceof Database.SqliteError;
}

/** A read-only database, a full disk: ApiError with what to do. Anything else is returned unchanged. */
export function mapSqliteError(e: unknown, dbPath: string): unknown {
  if (!(e instanceof Database.SqliteError)) return e;
  if (e.code.startsWith('SQLITE_READONLY')) return new ApiError('conflict', readOnlyMessage(dbPath));
  if (e.code.startsWith('SQLITE_BUSY')) return new ApiError('conflict', `数据库正忙：另一个程序（桌面程序、浏览器模式或命令行）正在写入 ${dbPath}，请稍后重试。`);
  if (e.code === 'SQLITE_FULL') {
    return new ApiError('conflict', `磁盘空间不足，未能保存：${describeFreeSpace(path.dirname(path.resolve(dbPath)))}。请清理磁盘空间后重试，已有数据未受影响。`);
  }
  return e;
}
