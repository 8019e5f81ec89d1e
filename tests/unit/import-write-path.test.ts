// The import's fast write path and conflict check: rows logged by SQLite (batchLog.insertedRows)
// in the compact form whose digest is of exactly what logRowInsert writes, the cheap "nothing written since" stamp, and
// the per-import memos that must answer as the functions they stand for.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/backend/backend';
import { batchLog, logRowInsert, newBatchId } from '../../src/backend/history/change-writer';
import { rowsDigest } from '../../src/backend/history/row-digest';
import { dbStamp, unchangedSince } from '../../src/backend/import/db-stamp';
import { derivations } from '../../src/backend/import/kinds/annex-diff';
import { insertProject, insertProjects, insertSite, insertSites, metricsJsonAheadOf, projectRecord, siteRecord, type ProjectInsert, type SiteInsertRow } from '../../src/backend/repositories/projects-repo';
import { cellCleaner, cleanProjectCell } from '../../src/backend/xlsx/annex-text';
import { parseSiteList } from '../../src/domain/location-parser';
import { PROJECT_TEXT_FIELDS } from '../../src/domain/project-rules';
import { parseScale } from '../../src/domain/scale-parser';
import { largeAnnexBytes } from '../fixtures/xlsx/large-annex';
import { describeChange } from '../../src/ui/project/change-rows';
import { openTempBackend } from './helpers/temp-db';

let backend: Backend;
beforeEach(() => {
  backend = openTempBackend();
});
afterEach(() => backend.close());

const tricky = ['引号"与\\反斜杠', '换行\n制表\t回车\r', '\u0001\u001f\u007f\u2028', '😀 emoji', '</script>&<>', ''];

function project(i: number, text: string): ProjectInsert {
  return {
    seq: 900 + i, seqPrinted: i % 2 ? null : `(${i})`, name: `写入路径测试${i}${text}`, category: '养老', nature: '新建', owner: text, locationText: '朱衣镇',
    scaleText: text, metrics: parseScale('床位20张'), investmentYuan: 1_000_000 + i, startYear: 2026, endYear: 2027, startDate: null, endDate: null,
    remark: text, responsibleUnit: '', leader: '', note: text,
  };
}

interface LogRow {
  entity: string;
  entity_id: number;
  project_id: number | null;
  field: string;
  old_value: string | null;
  new_value: string | null;
}

const logOf = (batchId: string): LogRow[] =>
  backend.db.prepare('SELECT entity, entity_id, project_id, field, old_value, new_value FROM change_log WHERE batch_id = ? ORDER BY id').all(batchId) as LogRow[];

describe('batchLog.insertedRows', () => {
  it('logs each row compactly: its name, and on the first row one digest of the rows exactly as logRowInsert logs them', () => {
    const ctx = { ...backend.ctxFor('cli'), door: 'import' as const };
    const slow = newBatchId();
    const fast = newBatchId();
    const ids: number[] = [];
    const siteIds: number[] = [];
    backend.db
      .transaction(() => {
        tricky.forEach((text, i) => {
          const id = insertProject(backend.db, 1, project(i, text));
          ids.push(id);
          siteIds.push(insertSite(backend.db, id, { seq: 1, town: text, village: '', address: text, scaleText: '', budgetYuan: i ? 1000 * i : null, startYear: null, endYear: 2027 }));
          logRowInsert(ctx, 'project', projectRecord(backend.db, id), id, slow);
        });
        for (const id of siteIds) logRowInsert(ctx, 'site', siteRecord(backend.db, id), Number(siteRecord(backend.db, id).project_id), slow);
        const log = batchLog(ctx, fast);
        log.insertedRows('project', [...ids].reverse(), 'id');
        log.insertedRows('site', siteIds, 'project_id');
      })
      .immediate();
    const full = logOf(slow);
    const compact = logOf(fast);
    // the same rows, in id order, with the same entity, ids, project and field
    const frame = (rows: LogRow[]): unknown[] => rows.map(({ new_value: _n, ...rest }) => rest);
    expect(frame(compact)).toEqual(frame(full));
    expect(compact.map((r) => r.entity_id)).toEqual([...ids, ...siteIds]);
    for (const table of ['project', 'site'] as const) {
      const fullRows = full.filter((r) => r.entity === table).map((r) => r.new_value ?? '');
      const compactRows = compact.filter((r) => r.entity === table).map((r) => JSON.parse(r.new_value ?? '{}') as Record<string, unknown>);
      const summary = table === 'project' ? ['name'] : ['seq', 'town', 'village', 'address'];
      const columns = Object.keys(JSON.parse(fullRows[0] ?? '{}') as object).length;
      compactRows.forEach((c, i) => {
        const whole = JSON.parse(fullRows[i] ?? '{}') as Record<string, unknown>;
        const extra = i === 0 ? { '#rows': fullRows.length, '#digest': rowsDigest(fullRows) } : {};
        expect(c).toEqual({ ...Object.fromEntries(summary.map((k) => [k, whole[k]])), '#columns': columns, ...extra });
      });
    }
    // what the history view and the undo label read of a '*' row still reads the same
    const shown = (r: LogRow): ReturnType<typeof describeChange> =>
      describeChange({ entity: r.entity, entityId: r.entity_id, field: r.field, oldValue: r.old_value, newValue: r.new_value }, new Map());
    expect(compact.map(shown)).toEqual(full.map(shown));
    // and the whole form is far smaller than the rows it stands for
    const bytes = (rows: LogRow[]): number => rows.reduce((n, r) => n + (r.new_value?.length ?? 0), 0);
    expect(bytes(compact)).toBeLessThan(bytes(full));
  });

  it('reads rows back through JavaScript for a table with a REAL column (SQLite prints 1.0 where JSON.stringify prints 1)', () => {
    const ctx = { ...backend.ctxFor('cli'), door: 'import' as const };
    const projectId = Number((backend.db.prepare('SELECT id FROM project ORDER BY id LIMIT 1').get() as { id: number }).id);
    const insert = backend.db.prepare(
      "INSERT INTO progress (project_id, date, stage, percent, description, created_at, report_month) VALUES (?, '2026-11-01', '施工', ?, '', '2026-11-01', '2026-11')",
    );
    const slow = newBatchId();
    const fast = newBatchId();
    backend.db
      .transaction(() => {
        const ids = [40, 12.5].map((percent) => Number(insert.run(projectId, percent).lastInsertRowid));
        for (const id of ids) logRowInsert(ctx, 'progress', backend.db.prepare('SELECT * FROM progress WHERE id = ?').get(id) as Record<string, unknown>, projectId, slow);
        batchLog(ctx, fast).insertedRows('progress', ids, 'project_id');
      })
      .immediate();
    expect(logOf(fast)).toEqual(logOf(slow));
    expect(logOf(fast)[0]?.new_value).toContain('"percent":40,');
  });
});

describe('insertProjects and insertSites', () => {
  it('store the same rows under the same ids as insertProject and insertSite one after another', () => {
    // 130 projects: more than one multi-row statement, and a last one that is not full
    const list = Array.from({ length: 130 }, (_, i) => project(i, tricky[i % tricky.length] ?? ''));
    const site = (i: number): SiteInsertRow['site'] => ({ seq: 1 + (i % 3), town: tricky[i % tricky.length] ?? '', village: '', address: `${i}号`, scaleText: '', budgetYuan: i % 2 ? 1000 * i : null, startYear: null, endYear: i % 5 ? 2027 : null });
    const rowsOf = (table: string, ids: readonly number[]): unknown[] => ids.map((id) => backend.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id));
    const write = (bulk: boolean): { projects: unknown[]; sites: unknown[]; projectIds: number[]; siteIds: number[] } => {
      let projectIds: number[] = [];
      let siteIds: number[] = [];
      backend.db.exec('BEGIN IMMEDIATE');
      try {
        if (bulk) {
          // some metrics_json worked out ahead, as the import's head start does
          list.forEach((p, i) => (i % 2 ? metricsJsonAheadOf(p.metrics) : undefined));
          projectIds = insertProjects(backend.db, 1, list);
          siteIds = insertSites(backend.db, projectIds.flatMap((projectId, i) => (i % 4 ? [{ projectId, site: site(i), placeId: null }] : [])));
        } else {
          projectIds = list.map((p) => insertProject(backend.db, 1, p));
          siteIds = projectIds.flatMap((projectId, i) => (i % 4 ? [insertSite(backend.db, projectId, site(i), null)] : []));
        }
        return { projects: rowsOf('project', projectIds), sites: rowsOf('site', siteIds), projectIds, siteIds };
      } finally {
        backend.db.exec('ROLLBACK');
      }
    };
    const one = write(false);
    const bulk = write(true);
    expect(bulk).toEqual(one);
    expect(bulk.projectIds).toHaveLength(130);
    expect(bulk.siteIds).toHaveLength(97);
  });
});

describe('the conflict check', () => {
  it('a stamp holds until any row is written, by this connection or another', () => {
    const db = backend.db;
    const stamp = dbStamp(db);
    expect(unchangedSince(db, stamp)).toBe(true);
    db.prepare("UPDATE project SET leader = leader WHERE id = -1").run(); // touches no row
    expect(unchangedSince(db, stamp)).toBe(true);
    db.prepare("UPDATE project SET leader = '甲' WHERE id = (SELECT MIN(id) FROM project)").run();
    expect(unchangedSince(db, stamp)).toBe(false);
    const again = dbStamp(db);
    const other = new Database(db.name);
    try {
      other.prepare("UPDATE project SET leader = '乙' WHERE id = (SELECT MIN(id) FROM project)").run();
    } finally {
      other.close();
    }
    expect(unchangedSince(db, again)).toBe(false);
  });

  it('an unrelated write between preview and apply does not refuse the import; a write by another connection to its rows does', async () => {
    const base64 = (await largeAnnexBytes(30, '写入路径测试规划')).toString('base64');
    const first = await backend.send('xlsx.importPreview', { fileName: 'a.xlsx', base64 });
    await backend.send('project.update', { id: 1, patch: { leader: '与导入无关' } }); // a project of another plan
    const applied = await backend.send('xlsx.importApply', { token: first.token });
    expect(applied.added).toBe(30);

    const edited = (await largeAnnexBytes(30, '写入路径测试规划')).toString('base64');
    const second = await backend.send('xlsx.importPreview', { fileName: 'a.xlsx', base64: edited, planId: applied.planId ?? 0 });
    const other = new Database(backend.db.name);
    try {
      other.prepare("UPDATE project SET note = '别处改了' WHERE plan_id = ? AND seq = 1").run(applied.planId);
    } finally {
      other.close();
    }
    await expect(backend.send('xlsx.importApply', { token: second.token })).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('per-import memos answer as the functions they stand for', () => {
  it('cellCleaner', () => {
    const clean = cellCleaner();
    const texts = ['  甲  ', '甲', '', ' ', '\u200b', 'a\nb', 'x'.repeat(5000), '豈', ...tricky];
    for (let round = 0; round < 2; round++) {
      for (const field of PROJECT_TEXT_FIELDS) for (const t of texts) expect(clean(t, field)).toEqual(cleanProjectCell(t, field));
    }
  });

  it('derivations', () => {
    const derive = derivations();
    for (let round = 0; round < 2; round++) {
      for (const t of ['占地面积1000㎡，建筑面积约500m²，设计床位20张', '', '墓位1-2万个']) expect(derive.metrics(t)).toEqual(parseScale(t));
      for (const t of ['公平镇万民村、长龙村，五马镇高榜村', '', '朱衣镇']) expect(derive.places(t)).toEqual(parseSiteList(t));
    }
  });
});

