// Migrations run in order and are recorded in a ledger table. A database whose ledger
// names a version this build does not know was made by a newer app: refuse, don't touch.
import type Database from 'better-sqlite3';
import { ApiError } from '../../domain/api/errors';

interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE plan (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        issuer TEXT NOT NULL DEFAULT '',
        start_year INTEGER NOT NULL,
        end_year INTEGER NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE place (
        id INTEGER PRIMARY KEY,
        parent_id INTEGER REFERENCES place(id),
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('镇','乡','街道','村','社区')),
        UNIQUE (parent_id, name)
      );
      CREATE TABLE project (
        id INTEGER PRIMARY KEY,
        plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        seq_printed TEXT,
        name TEXT NOT NULL,
        category TEXT NOT NULL DEFAULT '',
        nature TEXT NOT NULL DEFAULT '新建',
        owner TEXT NOT NULL DEFAULT '',
        location_text TEXT NOT NULL DEFAULT '',
        scale_text TEXT NOT NULL DEFAULT '',
        metrics_json TEXT NOT NULL DEFAULT '{}',
        investment_yuan INTEGER NOT NULL CHECK (investment_yuan >= 0),
        start_year INTEGER NOT NULL,
        end_year INTEGER NOT NULL,
        start_date TEXT,
        end_date TEXT,
        remark TEXT NOT NULL DEFAULT '',
        responsible_unit TEXT NOT NULL DEFAULT '',
        leader TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        CHECK (end_year >= start_year)
      );
      CREATE INDEX project_plan ON project(plan_id, seq);
      CREATE TABLE site (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        place_id INTEGER REFERENCES place(id),
        town TEXT NOT NULL DEFAULT '',
        village TEXT NOT NULL DEFAULT '',
        address TEXT NOT NULL DEFAULT '',
        scale_text TEXT NOT NULL DEFAULT '',
        budget_yuan INTEGER CHECK (budget_yuan IS NULL OR budget_yuan >= 0),
        start_year INTEGER,
        end_year INTEGER
      );
      CREATE INDEX site_project ON site(project_id, seq);
      CREATE TABLE funding_source (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL UNIQUE,
        sort INTEGER NOT NULL
      );
      CREATE TABLE funding (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
        source_id INTEGER NOT NULL REFERENCES funding_source(id),
        year INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('planned','arrived','paid')),
        amount_yuan INTEGER NOT NULL CHECK (amount_yuan >= 0),
        UNIQUE (project_id, source_id, year, kind)
      );
      CREATE TABLE progress (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
        site_id INTEGER REFERENCES site(id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        stage TEXT NOT NULL DEFAULT '',
        percent REAL NOT NULL CHECK (percent BETWEEN 0 AND 100),
        description TEXT NOT NULL DEFAULT '',
        invest_period_yuan INTEGER NOT NULL DEFAULT 0,
        invest_cumulative_yuan INTEGER NOT NULL DEFAULT 0,
        problems TEXT NOT NULL DEFAULT '',
        author TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      );
      CREATE INDEX progress_project ON progress(project_id, date);
      CREATE TABLE milestone (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
        site_id INTEGER REFERENCES site(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        planned_date TEXT,
        actual_date TEXT
      );
      CREATE INDEX milestone_project ON milestone(project_id);
      CREATE TABLE change_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user TEXT NOT NULL,
        door TEXT NOT NULL CHECK (door IN ('ui','import','cli')),
        entity TEXT NOT NULL,
        entity_id INTEGER NOT NULL,
        project_id INTEGER,
        field TEXT NOT NULL,
        old_value TEXT,
        new_value TEXT,
        batch_id TEXT NOT NULL,
        undone_by INTEGER
      );
      CREATE INDEX change_log_project ON change_log(project_id, id);
    `,
  },
  {
    version: 2,
    name: 'site archiving, change batches, undo indexes',
    // archived_at: a site with progress or milestones is archived (hidden from lists), not deleted.
    // change_batch: what a batch came from (an import's file name), for the undo label.
    // The indexes keep undo's batch lookups and "changed later?" checks off full scans.
    sql: `
      ALTER TABLE site ADD COLUMN archived_at TEXT;
      CREATE TABLE change_batch (
        batch_id TEXT PRIMARY KEY,
        source TEXT NOT NULL
      );
      CREATE INDEX change_log_batch ON change_log(batch_id);
      CREATE INDEX change_log_entity ON change_log(entity, entity_id, id);
    `,
  },
  {
    version: 3,
    name: 'settings, progress report month',
    // setting: key -> JSON value (traffic-light thresholds, edited on 设置).
    // report_month: the month a report is about (报告期); the old date column is when it was
    // entered. Existing rows report on the month they were entered in.
    sql: `
      CREATE TABLE setting (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        value TEXT NOT NULL
      );
      ALTER TABLE progress ADD COLUMN report_month TEXT NOT NULL DEFAULT '';
      UPDATE progress SET report_month = substr(date, 1, 7);
      CREATE INDEX progress_target_month ON progress(project_id, site_id, report_month);
      CREATE INDEX progress_report_month ON progress(report_month);
    `,
  },
];

export const SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

function ensureLedger(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
}

export function appliedVersion(db: Database.Database): number {
  ensureLedger(db);
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const latest = Math.max(0, ...migrations.map((m) => m.version));
  const current = appliedVersion(db);
  if (current > latest) {
    throw new ApiError(
      'conflict',
      `此数据库由更新版本的程序创建（结构版本 ${current}，本程序支持到 ${latest}），为避免损坏已拒绝打开，请升级程序。`,
    );
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of migrations) {
    if (m.version <= current) continue;
    // IMMEDIATE, and re-checked inside: another process may have migrated while this one waited
    db.transaction(() => {
      if (appliedVersion(db) >= m.version) return;
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    }).immediate();
  }
  return appliedVersion(db);
}
