// What an undo button says about a batch: "撤销：修改 投资估算", "撤销本次导入（附件1.xlsx，3 个项目）",
// "撤销月度填报（55 条）". Pure: the caller resolves names of the rows it mentions.
import { entityLabel } from '../../domain/entity-labels';
import { fieldLabel } from '../../domain/field-labels';
import type { ChangeLogEntry, Door } from '../../domain/model';
import { SITE_COLUMN_LABELS } from '../../domain/site-rules';

export const DOOR_LABELS: Record<Door, string> = { ui: '界面', import: '导入', cli: '命令行' };

export type LabelRow = Pick<ChangeLogEntry, 'entity' | 'entityId' | 'projectId' | 'field' | 'oldValue' | 'newValue'>;

export interface BatchFacts {
  door: Door;
  /** what the batch came from, e.g. an imported file's name */
  source: string | null;
  rows: LabelRow[];
  /** display names: `${entity}:${id}` → 「…」 text without brackets */
  names: ReadonlyMap<string, string>;
}

export const nameKey = (entity: string, id: number): string => `${entity}:${id}`;

type RowKind = 'insert' | 'delete' | 'update' | 'none';

export function rowKind(r: Pick<LabelRow, 'field' | 'oldValue' | 'newValue'>): RowKind {
  if (r.field !== '*') return 'update';
  if (r.oldValue === null && r.newValue !== null) return 'insert';
  if (r.oldValue !== null && r.newValue === null) return 'delete';
  return 'none';
}

function listed(items: string[], max = 3): string {
  const unique = [...new Set(items)];
  return unique.length <= max ? unique.join('、') : `${unique.slice(0, max).join('、')} 等 ${unique.length} 项`;
}

/** "投资估算（万元）" → "投资估算": the unit says nothing in an undo label. */
function shortFieldLabel(field: string): string {
  return fieldLabel(field).replace(/（[^）]*）$/, '');
}

function distinctIds(rows: LabelRow[]): number[] {
  return [...new Set(rows.map((r) => r.entityId))];
}

function named(facts: BatchFacts, entity: string, id: number): string {
  const n = facts.names.get(nameKey(entity, id));
  return n ? `「${n}」` : `（编号 ${id}）`;
}

function projectLabel(facts: BatchFacts, rows: LabelRow[]): string {
  const ids = distinctIds(rows);
  const inserts = rows.filter((r) => rowKind(r) === 'insert');
  if (inserts.length > 0) {
    const first = inserts[0];
    return inserts.length === 1 && first ? `撤销：新建项目${named(facts, 'project', first.entityId)}` : `撤销：新建 ${inserts.length} 个项目`;
  }
  const fields = rows.filter((r) => rowKind(r) === 'update').map((r) => shortFieldLabel(r.field));
  if (ids.length === 1) return `撤销：修改 ${listed(fields)}`;
  return `撤销：修改 ${ids.length} 个项目的 ${listed(fields)}`;
}

function siteLabel(facts: BatchFacts, rows: LabelRow[]): string {
  const ids = distinctIds(rows);
  const kinds = new Set(rows.map(rowKind));
  const archives = rows.some((r) => r.field === 'archived_at');
  if (ids.length > 1) {
    if (kinds.size === 1 && kinds.has('insert')) return `撤销：新增 ${ids.length} 个建设点`;
    return `撤销：建设点修改（${ids.length} 处）`;
  }
  const only = ids[0] ?? 0;
  const name = named(facts, 'site', only);
  if (kinds.has('insert')) return `撤销：新增建设点${name}`;
  if (kinds.has('delete')) return `撤销：删除建设点${name}`;
  if (archives) return `撤销：归档建设点${name}`;
  const fields = rows.map((r) => SITE_COLUMN_LABELS[r.field] ?? r.field).filter((f) => f !== '');
  return `撤销：修改建设点${name}的 ${listed(fields)}`;
}

export function batchLabel(facts: BatchFacts): string {
  const rows = facts.rows.filter((r) => rowKind(r) !== 'none');
  const entities = new Set(rows.map((r) => r.entity));
  if (facts.door === 'import') {
    const projects = new Set(rows.map((r) => r.projectId).filter((p): p is number => p !== null)).size;
    const parts = [facts.source, projects > 0 ? `${projects} 个项目` : `${rows.length} 项修改`].filter((p): p is string => !!p);
    return `撤销本次导入（${parts.join('，')}）`;
  }
  if (entities.size === 1) {
    const entity = [...entities][0] ?? '';
    if (entity === 'project') return projectLabel(facts, rows);
    if (entity === 'site') return siteLabel(facts, rows);
    if (entity === 'progress') {
      const added = rows.filter((r) => rowKind(r) === 'insert').length;
      if (added > 1 && added === rows.length) return `撤销月度填报（${added} 条）`;
      if (added === 1 && rows.length === 1) return '撤销：填报进度';
    }
    return `撤销：修改${entityLabel(entity)}（${rows.length} 项）`;
  }
  return `撤销：${rows.length} 项修改`;
}
