// The setting table: key -> JSON text. Rows keep DB column names (change_log records them).
import type Database from 'better-sqlite3';
import { stmt } from '../db/statements';

export interface SettingRow {
  id: number;
  key: string;
  value: string;
}

export function getSettingRow(db: Database.Database, key: string): SettingRow | undefined {
  return stmt<[string], SettingRow>(db, 'SELECT * FROM setting WHERE key = ?').get(key);
}

export function insertSetting(db: Database.Database, key: string, value: string): SettingRow {
  const r = stmt(db, 'INSERT INTO setting (key, value) VALUES (?, ?)').run(key, value);
  return { id: Number(r.lastInsertRowid), key, value };
}

export function updateSettingValue(db: Database.Database, id: number, value: string): void {
  stmt(db, 'UPDATE setting SET value = ? WHERE id = ?').run(value, id);
}
