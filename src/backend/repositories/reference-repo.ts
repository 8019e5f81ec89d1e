// Reference data: the gazetteer of places and the funding sources.
import type Database from 'better-sqlite3';
import { stmt } from '../db/statements';
import type { FundingSource, Place, PlaceKind } from '../../domain/model';

interface PlaceRow {
  id: number;
  parent_id: number | null;
  name: string;
  kind: PlaceKind;
}

export function listPlaces(db: Database.Database): Place[] {
  return stmt<[], PlaceRow>(db, 'SELECT * FROM place ORDER BY parent_id IS NOT NULL, parent_id, id')
    .all()
    .map((r) => ({ id: r.id, parentId: r.parent_id, name: r.name, kind: r.kind }));
}

export function insertPlace(db: Database.Database, parentId: number | null, name: string, kind: PlaceKind): number {
  const r = stmt(db, 'INSERT INTO place (parent_id, name, kind) VALUES (?, ?, ?)').run(parentId, name, kind);
  return Number(r.lastInsertRowid);
}

/** id of town, or of village within town, when the gazetteer knows it */
export function findPlaceId(db: Database.Database, town: string, village: string): number | null {
  const t = stmt<[string], { id: number }>(db, 'SELECT id FROM place WHERE parent_id IS NULL AND name = ?').get(town);
  if (!t) return null;
  if (!village) return t.id;
  const v = stmt<[number, string], { id: number }>(db, 'SELECT id FROM place WHERE parent_id = ? AND name = ?')
    .get(t.id, village);
  return v?.id ?? t.id;
}

export function listFundingSources(db: Database.Database): FundingSource[] {
  return stmt<[], FundingSource>(db, 'SELECT id, code, name, sort FROM funding_source ORDER BY sort, id').all();
}

export function insertFundingSource(db: Database.Database, code: string, name: string, sort: number): number {
  const r = stmt(db, 'INSERT INTO funding_source (code, name, sort) VALUES (?, ?, ?)').run(code, name, sort);
  return Number(r.lastInsertRowid);
}
