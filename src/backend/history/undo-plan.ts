// How to revert one batch, over the change_log semantics of CONTRACTS.md, read backwards:
//   '*' insert → delete the row (a compact insert row, row-digest.ts: its group's digest is
//   checked first); '*' delete → re-insert the row; column update → set it back;
//   'project' field updates → one ProjectPatch (parsed by the zod schema) through saveProjectPatch.
// Also decides, from the log alone, whether the batch may be undone (blocked) and whether the
// user must confirm first (it removes projects or a plan). Reads only; undo.ts applies it.
import type Database from 'better-sqlite3';
import { ApiError } from '../../domain/api/errors';
import { projectPatchSchema, type ProjectPatch } from '../../domain/api/register';
import type { ChangeLogEntry } from '../../domain/model';
import { siteNameOfRow } from '../../domain/site-rules';
import { batchSource, changesOfBatch, laterChangeToRow } from '../repositories/change-log-repo';
import { entityLabel } from '../../domain/entity-labels';
import { batchLabel, DOOR_LABELS, nameKey, rowKind } from './batch-label';
import { isUndoBatch } from './batch-id';
import type { LoggedTable } from './change-writer';
import { compactKeys, summaryOf } from './row-digest';
import { isLoggedTable, readRow, referencingRows, type DbRow } from './row-store';

export type RevertStep =
  | { kind: 'delete'; table: LoggedTable; id: number; projectId: number | null; expected: DbRow }
  | { kind: 'insert'; table: LoggedTable; row: DbRow; projectId: number | null }
  | { kind: 'set'; table: LoggedTable; id: number; projectId: number | null; column: string; expected: unknown; value: unknown }
  | { kind: 'projectPatch'; id: number; expected: Record<string, unknown>; patch: ProjectPatch };

/** Rows logged in the compact form (row-digest.ts): one digest for all of them, checked before undo deletes any. */
export interface DigestGroup {
  table: LoggedTable;
  ids: number[];
  columns: number;
  digest: string;
}

export interface UndoPlan {
  batchId: string;
  rows: ChangeLogEntry[];
  label: string;
  steps: RevertStep[];
  /** why the batch cannot be undone, or null */
  blocked: string | null;
  /** the question to ask before undoing (it removes projects or a plan), or null */
  confirm: string | null;
  removedProjectIds: number[];
  digestGroups: DigestGroup[];
}

class Unrevertable extends Error {}

function decode(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    throw new Unrevertable('修改记录已损坏，无法还原');
  }
}

function decodeRow(json: string | null, id: number): DbRow {
  const value = decode(json);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Unrevertable('修改记录已损坏，无法还原');
  return { ...(value as DbRow), id };
}

interface PatchAccumulator {
  step: Extract<RevertStep, { kind: 'projectPatch' }>;
  raw: Record<string, unknown>;
}

/**
 * The compact insert rows' groups, in log order: a row with "#digest" opens a group of "#rows"
 * rows of its table, logged one after the other. Throws Unrevertable for a broken group.
 */
function digestGroupsOf(rows: ChangeLogEntry[]): { groups: DigestGroup[]; compact: Set<number> } {
  const groups: DigestGroup[] = [];
  const compact = new Set<number>();
  const open = new Map<string, { group: DigestGroup; rows: number }>();
  for (const r of rows) {
    if (rowKind(r) !== 'insert' || !isLoggedTable(r.entity)) continue;
    const keys = compactKeys(decodeRow(r.newValue, r.entityId));
    if (!keys) continue;
    compact.add(r.id);
    if (keys.digest !== null && keys.rows !== null) {
      const previous = open.get(r.entity);
      if (previous && previous.group.ids.length !== previous.rows) throw new Unrevertable('修改记录已损坏，无法还原');
      const group: DigestGroup = { table: r.entity, ids: [r.entityId], columns: keys.columns, digest: keys.digest };
      groups.push(group);
      open.set(r.entity, { group, rows: keys.rows });
      continue;
    }
    const current = open.get(r.entity);
    if (!current || current.group.ids.length >= current.rows || current.group.columns !== keys.columns) throw new Unrevertable('修改记录已损坏，无法还原');
    current.group.ids.push(r.entityId);
  }
  for (const { group, rows: n } of open.values()) if (group.ids.length !== n) throw new Unrevertable('修改记录已损坏，无法还原');
  return { groups, compact };
}

/** The revert steps, newest change first. Throws Unrevertable for a row it cannot take back. */
function stepsOf(rows: ChangeLogEntry[], compact: ReadonlySet<number>): RevertStep[] {
  const steps: RevertStep[] = [];
  const patches = new Map<number, PatchAccumulator>();
  for (const r of [...rows].reverse()) {
    const kind = rowKind(r);
    if (kind === 'none') continue; // an empty '*' row (older versions logged such rows): nothing to take back
    const table = r.entity;
    if (!isLoggedTable(table)) throw new Unrevertable(`包含无法撤销的记录（${table}）`);
    if (kind === 'insert') {
      // a compact row: its summary is what to expect column by column; the group's digest covers the rest
      const logged = decodeRow(r.newValue, r.entityId);
      steps.push({ kind: 'delete', table, id: r.entityId, projectId: r.projectId, expected: compact.has(r.id) ? summaryOf(logged) : logged });
    } else if (kind === 'delete') {
      steps.push({ kind: 'insert', table, row: decodeRow(r.oldValue, r.entityId), projectId: r.projectId });
    } else if (table === 'project') {
      let acc = patches.get(r.entityId);
      if (!acc) {
        acc = { step: { kind: 'projectPatch', id: r.entityId, expected: {}, patch: {} }, raw: {} };
        patches.set(r.entityId, acc);
        steps.push(acc.step);
      }
      // reading backwards: the first row seen holds the value to expect now, the last the value to restore
      if (!(r.field in acc.step.expected)) acc.step.expected[r.field] = decode(r.newValue);
      acc.raw[r.field] = decode(r.oldValue);
    } else {
      steps.push({
        kind: 'set',
        table,
        id: r.entityId,
        projectId: r.projectId,
        column: r.field,
        expected: decode(r.newValue),
        value: decode(r.oldValue),
      });
    }
  }
  for (const acc of patches.values()) {
    // the old values go through the same schema as a form save: a typed, checked ProjectPatch
    const parsed = projectPatchSchema.strict().safeParse(acc.raw);
    if (!parsed.success) {
      const what = parsed.error.issues.map((i) => i.message).join('；');
      throw new Unrevertable(`项目（编号 ${acc.step.id}）的原值无法还原：${what}`);
    }
    acc.step.patch = parsed.data;
  }
  return steps;
}

/** Display names of the projects and sites a batch touches: the current row, else the logged one. */
export function namesOf(db: Database.Database, rows: ChangeLogEntry[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const r of rows) {
    if (r.entity !== 'project' && r.entity !== 'site') continue;
    const key = nameKey(r.entity, r.entityId);
    if (names.has(key)) continue;
    let row: DbRow | null = readRow(db, r.entity, r.entityId);
    if (!row && r.field === '*') {
      const logged = decode(r.newValue ?? r.oldValue);
      row = typeof logged === 'object' && logged !== null ? (logged as DbRow) : null;
    }
    if (!row) continue;
    const name = r.entity === 'project' ? (typeof row.name === 'string' ? row.name : '') : siteNameOfRow(row);
    if (name) names.set(key, name);
  }
  return names;
}

function laterChangeProblem(db: Database.Database, rows: ChangeLogEntry[], batchId: string, names: Map<string, string>): string | null {
  const lastId = Math.max(...rows.map((r) => r.id));
  const seen = new Set<string>();
  for (const r of rows) {
    const key = nameKey(r.entity, r.entityId);
    if (seen.has(key) || rowKind(r) === 'none') continue;
    seen.add(key);
    const later = laterChangeToRow(db, r.entity, r.entityId, lastId, batchId);
    if (later) {
      const name = names.get(key);
      const what = `${entityLabel(r.entity)}${name ? `「${name}」` : `（编号 ${r.entityId}）`}`;
      return `无法撤销：之后 ${later.user}（${DOOR_LABELS[later.door]}）又修改了${what}，请先撤销那次修改。`;
    }
  }
  return null;
}

/** Rows that would have to go with a row this batch removes, other than rows the batch itself removes. */
function dependentsProblem(db: Database.Database, steps: RevertStep[], names: Map<string, string>): string | null {
  const removed = new Set(steps.filter((s) => s.kind === 'delete').map((s) => nameKey(s.table, s.id)));
  for (const s of steps) {
    if (s.kind !== 'delete') continue;
    const kept = referencingRows(db, s.table, s.id)
      .map((ref) => ({ table: ref.table, count: ref.ids.filter((id) => !removed.has(nameKey(ref.table, id))).length }))
      .filter((ref) => ref.count > 0);
    if (kept.length > 0) {
      const name = names.get(nameKey(s.table, s.id));
      const what = `${entityLabel(s.table)}${name ? `「${name}」` : `（编号 ${s.id}）`}`;
      const has = kept.map((k) => `${k.count} 条${entityLabel(k.table)}`).join('、');
      return `无法撤销：${what}之后已有 ${has}，撤销会一并删除它们。`;
    }
  }
  return null;
}

function removedIds(steps: RevertStep[], table: LoggedTable): number[] {
  return steps.flatMap((s) => (s.kind === 'delete' && s.table === table ? [s.id] : []));
}

function confirmQuestion(steps: RevertStep[], names: Map<string, string>): string | null {
  const projects = removedIds(steps, 'project');
  const plans = removedIds(steps, 'plan').length;
  if (projects.length === 0 && plans === 0) return null;
  const listed = projects.slice(0, 5).map((id) => `「${names.get(nameKey('project', id)) ?? `编号 ${id}`}」`);
  const more = projects.length > 5 ? ` 等` : '';
  const parts: string[] = [];
  if (projects.length > 0) parts.push(`${projects.length} 个项目（${listed.join('、')}${more}）及其建设点`);
  if (plans > 0) parts.push('本次导入新建的规划');
  return `撤销将删除 ${parts.join('，以及')}。确定撤销吗？`;
}

/** Everything undo needs to know about a batch; throws not_found for an unknown batch. */
export function planUndo(db: Database.Database, batchId: string): UndoPlan {
  const rows = changesOfBatch(db, batchId);
  const first = rows[0];
  if (!first) throw new ApiError('not_found', '找不到这次修改（可能已被清理）');
  const names = namesOf(db, rows);
  const label = batchLabel({ door: first.door, source: batchSource(db, batchId), rows, names });
  const plan: UndoPlan = { batchId, rows, label, steps: [], blocked: null, confirm: null, removedProjectIds: [], digestGroups: [] };
  if (isUndoBatch(batchId)) return { ...plan, blocked: '撤销操作本身不能再撤销' };
  if (rows.some((r) => r.undoneBy !== null)) return { ...plan, blocked: '这次修改已经撤销过了' };
  try {
    const { groups, compact } = digestGroupsOf(rows);
    plan.digestGroups = groups;
    plan.steps = stepsOf(rows, compact);
  } catch (e) {
    if (e instanceof Unrevertable) return { ...plan, blocked: `无法撤销：${e.message}` };
    throw e;
  }
  if (plan.steps.length === 0) return { ...plan, blocked: '这次修改没有可撤销的内容' };
  plan.blocked = laterChangeProblem(db, rows, batchId, names) ?? dependentsProblem(db, plan.steps, names);
  plan.confirm = confirmQuestion(plan.steps, names);
  plan.removedProjectIds = removedIds(plan.steps, 'project');
  return plan;
}
