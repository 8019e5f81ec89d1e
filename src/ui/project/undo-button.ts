// The undo button shows what the backend says can be undone; it adds no rule of its own beyond
// "not while the form has unsaved edits or a request is running".
import type { UndoableBatch } from '../../domain/api/history';
import type { ProjectDetail } from '../../domain/api/register';
import { siteName } from '../../domain/site-name';
import { siteNameOfRow } from '../../domain/site-rules';

export interface UndoButtonState {
  label: string;
  disabled: boolean;
  title: string;
}

export function undoButtonState(undo: UndoableBatch | null, page: { busy: boolean; dirty: boolean }): UndoButtonState {
  if (!undo) return { label: '撤销', disabled: true, title: '没有可撤销的修改' };
  if (undo.blocked) return { label: undo.label, disabled: true, title: undo.blocked };
  if (page.dirty) return { label: undo.label, disabled: true, title: '请先保存或放弃未保存的修改' };
  return { label: undo.label, disabled: page.busy, title: `${undo.user} 的修改，共 ${undo.count} 处` };
}

/** Names of the project's sites by id, including removed ones that the history still mentions. */
export function historySiteNames(detail: Pick<ProjectDetail, 'sites' | 'history'>): Map<number, string> {
  const names = new Map<number, string>();
  for (const h of detail.history) {
    if (h.entity !== 'site' || h.field !== '*') continue;
    try {
      names.set(h.entityId, siteNameOfRow(JSON.parse(h.newValue ?? h.oldValue ?? 'null')));
    } catch {
      // a damaged row keeps its number in the table
    }
  }
  for (const s of detail.sites) names.set(s.id, siteName(s));
  return names;
}
