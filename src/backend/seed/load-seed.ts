// Fills an empty database with the plan's seed file (resources/seed), in one transaction.
import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { wanToYuan } from '../../domain/money';
import { parseScale } from '../../domain/scale-parser';
import { seedSchema, type Seed } from '../../domain/seed';
import { insertPlan } from '../repositories/plans-repo';
import { insertProject, insertSite } from '../repositories/projects-repo';
import { findPlaceId, insertFundingSource, insertPlace } from '../repositories/reference-repo';

export const SEED_FILE = 'fengjie-14th-plan.json';

/** resources/seed beside the repo root, or TRACKER_RESOURCES in a packaged app */
export function seedPath(): string {
  const root = process.env.TRACKER_RESOURCES ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../resources');
  return path.join(root, 'seed', SEED_FILE);
}

export function readSeed(file: string = seedPath()): Seed {
  return seedSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

/** Reference data only (places, funding sources): what `init --empty` still needs. */
export function seedReference(db: Database.Database, seed: Seed): void {
  db.transaction(() => {
    seed.fundingSources.forEach((s, i) => insertFundingSource(db, s.code, s.name, i + 1));
    for (const town of seed.places) {
      const townId = insertPlace(db, null, town.name, town.kind);
      for (const child of town.children) insertPlace(db, townId, child.name, child.kind);
    }
  }).immediate();
}

export function seedPlan(db: Database.Database, seed: Seed): number {
  return db.transaction(() => {
    const planId = insertPlan(db, seed.plan);
    for (const p of seed.projects) {
      const { sites, investmentWan, ...fields } = p;
      const projectId = insertProject(db, planId, {
        ...fields,
        metrics: parseScale(p.scaleText),
        investmentYuan: wanToYuan(investmentWan),
        startDate: null,
        endDate: null,
        responsibleUnit: p.owner,
        leader: '',
      });
      sites.forEach((s, i) =>
        insertSite(
          db,
          projectId,
          { ...s, seq: i + 1, budgetYuan: null, startYear: null, endYear: null },
          findPlaceId(db, s.town, s.village),
        ),
      );
    }
    return planId;
  }).immediate();
}

export function isEmptyDatabase(db: Database.Database): boolean {
  const row = db.prepare<[], { n: number }>('SELECT (SELECT COUNT(*) FROM plan) + (SELECT COUNT(*) FROM funding_source) AS n').get();
  return (row?.n ?? 0) === 0;
}

/** First start: reference data and (unless empty) the plan. No-op on a used database. */
export function ensureSeeded(db: Database.Database, withPlan: boolean): boolean {
  if (!isEmptyDatabase(db)) return false;
  const seed = readSeed();
  // IMMEDIATE, and re-checked inside: two processes opening a new file at once seed it once
  return db
    .transaction(() => {
      if (!isEmptyDatabase(db)) return false;
      seedReference(db, seed);
      if (withPlan) seedPlan(db, seed);
      return true;
    })
    .immediate();
}
