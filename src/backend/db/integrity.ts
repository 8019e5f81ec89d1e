// integrity_check and foreign_key_check: at start (before migrations touch the file), in
// `check`, and on a backup before `restore` puts it in place.
import type Database from 'better-sqlite3';

export interface CheckResult {
  ok: boolean;
  integrity: string[];
  foreignKeys: { table: string; rowid: number; parent: string }[];
}

/** A file too damaged to check is reported, not thrown. */
export function checkDatabase(db: Database.Database): CheckResult {
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    const foreignKeys = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
    return { ok: integrity.length === 1 && integrity[0] === 'ok' && foreignKeys.length === 0, integrity, foreignKeys };
  } catch (e) {
    return { ok: false, integrity: [`无法完成检查：${e instanceof Error ? e.message : String(e)}`], foreignKeys: [] };
  }
}

/** The first few problems, for a one-line message. */
export function summarizeProblems(r: CheckResult): string {
  return [...r.integrity.filter((l) => l !== 'ok'), ...r.foreignKeys.map((f) => `${f.table} 外键`)].slice(0, 3).join('；');
}

export function damagedMessage(file: string, r: CheckResult): string {
  return `数据库完整性检查未通过（${file}）：${summarizeProblems(r)}。请从 backups 文件夹中的备份恢复（npm run tracker -- backup --list 查看，restore 文件名 恢复）。`;
}
