// How a change_log row reads in the project's history table: what changed, before and after.
import { entityLabel } from '../../domain/entity-labels';
import { fieldLabel } from '../../domain/field-labels';
import type { ChangeLogEntry } from '../../domain/model';
import { formatWan } from '../../domain/money';
import { SITE_COLUMN_LABELS, siteNameOfRow } from '../../domain/site-rules';
import { displayValue } from './project-form';

export interface ChangeText {
  what: string;
  before: string;
  after: string;
}

type Entry = Pick<ChangeLogEntry, 'entity' | 'entityId' | 'field' | 'oldValue' | 'newValue'>;

function parse(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
}

function text(row: unknown, key: string): string {
  if (typeof row !== 'object' || row === null) return '';
  const v = (row as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : '';
}

function siteValue(column: string, json: string | null): string {
  const v = parse(json);
  if (v === null || v === '') return '（空）';
  if (column === 'budget_yuan' && typeof v === 'number') return `${formatWan(v)} 万元`;
  if (column === 'archived_at') return `已归档（${String(v)}）`;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Rows not worth a line of their own (the gazetteer link follows the town's name). */
export function isShownChange(e: Pick<ChangeLogEntry, 'entity' | 'field'>): boolean {
  return !(e.entity === 'site' && SITE_COLUMN_LABELS[e.field] === '');
}

/** `siteNames`: current names by site id, for rows that do not carry the site's own fields. */
export function describeChange(e: Entry, siteNames: ReadonlyMap<number, string>): ChangeText {
  const entity = entityLabel(e.entity);
  if (e.field === '*') {
    const row = parse(e.newValue ?? e.oldValue);
    const name = e.entity === 'site' ? siteNameOfRow(row) : text(row, 'name');
    const created = e.oldValue === null;
    const verb = created ? (e.entity === 'site' ? '新增' : '新建') : '删除';
    return { what: `${verb}${entity}`, before: created ? '（无）' : name, after: created ? name : '（无）' };
  }
  if (e.entity === 'project') return { what: fieldLabel(e.field), before: displayValue(e, e.oldValue), after: displayValue(e, e.newValue) };
  if (e.entity === 'site') {
    const name = siteNames.get(e.entityId) ?? `编号 ${e.entityId}`;
    return {
      what: `建设点「${name}」：${SITE_COLUMN_LABELS[e.field] ?? e.field}`,
      before: siteValue(e.field, e.oldValue),
      after: siteValue(e.field, e.newValue),
    };
  }
  const show = (json: string | null): string => {
    const v = parse(json);
    return v === null || v === '' ? '（空）' : typeof v === 'string' ? v : JSON.stringify(v);
  };
  return { what: `${entity}：${e.field}`, before: show(e.oldValue), after: show(e.newValue) };
}
