// Every export kind, given text a spreadsheet makes hard (a leading "=", Excel's own escape
// "_x0041_", 4000 characters of one repeated character), writes it as text that reads back
// as itself, in a file our own import's zip guard accepts; the kinds our import reads come
// back with nothing to change. The loop runs over exportKinds, so a new kind is covered too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/backend/backend';
import { EXPORT_BUILDERS } from '../../src/backend/services/export-builders';
import { getPlan } from '../../src/backend/repositories/plans-repo';
import { listProjects } from '../../src/backend/repositories/projects-repo';
import { partsNearRatioLimit } from '../../src/backend/xlsx/guard-safe-zip';
import { isSheetDoc } from '../../src/backend/xlsx/sheet-doc';
import { readWorkbookGrid } from '../../src/backend/xlsx/read-workbook';
import { guardZip } from '../../src/backend/xlsx/zip-guard';
import { exportKinds, importKinds, type ExportKind, type ImportKind } from '../../src/domain/api/xlsx';
import { openTempBackend } from './helpers/temp-db';

// "Q_x0041_Q" reads back as "QAQ" when an export forgets the escape
const MARK = 'Q_x0041_Q';
const LOST = 'QAQ';
const MONTH = '2026-10';
const PLAN_TITLE = `=1+1 ${MARK} 规划`;

let b: Backend;
const names: string[] = [];
const categories: string[] = [];
const longTexts: string[] = [];
const reports: string[] = [];
const SOURCE = `=${MARK}来源`;
const AUTHOR = `@${MARK}`;

/** exactly 4000 characters, one repeated, ending in something unique */
const long = (ch: string, tail: string): string => `${ch.repeat(4000 - tail.length)}${tail}`;

beforeAll(async () => {
  b = openTempBackend();
  b.db.prepare('UPDATE plan SET title = ? WHERE id = 1').run(PLAN_TITLE);
  const projects = listProjects(b.db, 1);
  for (const [i, p] of projects.entries()) {
    const name = `=${i}+1 ${MARK} ${'项'.repeat(150)}${i}`;
    const category = `+${MARK}类${i}`;
    const texts = { locationText: long('镇', `${MARK}${i}`), scaleText: long('建', `${MARK}${i}`), note: long('说', `-${MARK}${i}`) };
    await b.send('project.update', { id: p.id, patch: { name, category, ...texts } });
    names.push(name);
    categories.push(category);
    longTexts.push(...Object.values(texts));
  }
  await b.send('fundingSources.save', { name: SOURCE });
  const sites = b.db.prepare('SELECT id, project_id AS projectId FROM site WHERE archived_at IS NULL').all() as { id: number; projectId: number }[];
  const targets = [...projects.map((p) => ({ projectId: p.id, siteId: null })), ...sites.map((s) => ({ projectId: s.projectId, siteId: s.id }))];
  const entries = targets.map((t, k) => {
    const description = long('进', `${MARK}${k}`);
    const problems = long('问', `=${MARK}${k}`);
    reports.push(description, problems);
    return { ...t, reportMonth: MONTH, stage: '在建' as const, percent: 10, description, problems, investCumulativeYuan: 0, author: AUTHOR };
  });
  await b.send('progress.record', { entries });
}, 120_000);

afterAll(() => b.close());

/** what each kind must print, exactly, as a cell of its own */
function expectedCells(kind: ExportKind): string[] {
  switch (kind) {
    case 'annex':
      return [...names, ...categories, ...longTexts];
    case 'summary':
      return [...names, ...longTexts.filter((t) => t.startsWith('镇'))];
    case 'gantt':
      return [...names, ...categories];
    case 'funding':
      return [...names, SOURCE];
    case 'progress':
      return [...names, ...reports, AUTHOR];
  }
}

const isImportKind = (k: string): k is ImportKind => (importKinds as readonly string[]).includes(k);

describe('every export kind keeps hostile text as text', () => {
  it.each(exportKinds)('%s', { timeout: 120_000 }, async (kind) => {
    const month = kind === 'progress' ? { month: MONTH } : {};
    const file = await b.send('xlsx.export', { kind, ...month });
    const bytes = Buffer.from(file.base64, 'base64');
    expect(() => guardZip(bytes, file.fileName)).not.toThrow();

    const grid = await readWorkbookGrid(bytes, file.fileName);
    const cells = grid.sheets.flatMap((s) => s.rows.flatMap((r) => r.cells));
    const texts = cells.map((c) => c.value).filter((v): v is string => typeof v === 'string');
    expect(texts.filter((t) => t.includes(LOST))).toEqual([]);
    expect(texts.some((t) => t.includes(PLAN_TITLE))).toBe(true);
    // text that looks like a formula stays text
    expect(cells.filter((c) => typeof c.value === 'string' && c.value.includes(MARK) && c.formula !== null)).toEqual([]);
    const present = new Set(texts);
    expect(expectedCells(kind).filter((t) => !present.has(t))).toEqual([]);

    if (isImportKind(kind)) {
      const preview = await b.send('xlsx.importPreview', { kind, fileName: file.fileName, base64: file.base64, planId: 1, ...month });
      expect(preview.writes).toBe(0);
    }
  });

  it('the guard is needed: the 进度月报 as ExcelJS writes it would be taken for a zip bomb', async () => {
    const wb = await EXPORT_BUILDERS.progress.build(b.ctxFor('cli'), { plan: getPlan(b.db, 1), month: MONTH });
    if (isSheetDoc(wb)) throw new Error('the progress report is written by ExcelJS');
    expect(partsNearRatioLimit(Buffer.from(await wb.xlsx.writeBuffer()))).not.toEqual([]);
  }, 120_000);
});
