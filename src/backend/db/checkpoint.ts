// After a large write (an import), fold the WAL back into the database file. If another
// connection is reading, SQLite cannot, and the -wal file keeps growing: say so.
import type Database from 'better-sqlite3';
import fs from 'node:fs';
import { formatBytes } from './disk-space';

interface CheckpointRow {
  busy: number;
  log: number;
  checkpointed: number;
}

/** How long the checkpoint may wait for readers (ms); the caller is waiting for its reply. */
const CHECKPOINT_WAIT_MS = 500;

/**
 * Runs wal_checkpoint(TRUNCATE). Returns null when the WAL was folded in (or there is none),
 * otherwise a Chinese warning to show beside the import's result.
 */
export function checkpointWarning(db: Database.Database): string | null {
  if (db.readonly || db.memory) return null;
  const wal = `${db.name}-wal`;
  const previous = db.pragma('busy_timeout', { simple: true });
  let row: CheckpointRow | undefined;
  try {
    db.pragma(`busy_timeout = ${CHECKPOINT_WAIT_MS}`);
    row = (db.pragma('wal_checkpoint(TRUNCATE)') as CheckpointRow[])[0];
  } catch (e) {
    return `数据已保存，但日志文件 ${wal} 未能合并回数据库（${e instanceof Error ? e.message : String(e)}）。数据不会丢失，下次启动时会再次合并。`;
  } finally {
    db.pragma(`busy_timeout = ${typeof previous === 'number' ? previous : 5000}`);
  }
  if (!row || row.log === -1) return null; // not in WAL mode
  if (row.busy === 0 && row.log === row.checkpointed) return null;
  let size = '';
  try {
    size = `，${formatBytes(fs.statSync(wal).size)}`;
  } catch {
    // the size is a detail
  }
  return `数据已保存，但日志文件（${wal}${size}）暂时无法合并回数据库：另一个窗口或程序正在读取此数据库。数据不会丢失；关闭其他打开此数据库的程序后会自动合并。`;
}
