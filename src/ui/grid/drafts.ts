// Drafts: the texts typed or pasted into cells and not saved yet, keyed "row:col".
// Evaluating them against the columns gives the current values (valid drafts applied),
// the problems (invalid cells, with row and column named) and the changes a save sends.
import { columnLabel, isComputed, type CellChange, type CellProblem, type GridColumn, type GridRowDef } from './types';
import type { CellWrite } from './paste';

export type Drafts = ReadonlyMap<string, string>;

export const NO_DRAFTS: Drafts = new Map();

export function cellKey(row: number, col: number): string {
  return `${row}:${col}`;
}

export interface GridModel<V> {
  columns: readonly GridColumn<V>[];
  rows: readonly GridRowDef[];
  /** stored values, rows × columns (a computed column's entry is ignored) */
  values: readonly (readonly V[])[];
}

export function isEditableCell<V>(model: GridModel<V>, row: number, col: number): boolean {
  const c = model.columns[col];
  const r = model.rows[row];
  if (!c || !r || r.readOnly) return false;
  return !isComputed(c) && c.readOnly !== true;
}

/** The stored value's text: what a cell shows without a draft. */
export function storedText<V>(model: GridModel<V>, row: number, col: number): string {
  const c = model.columns[col];
  const v = model.values[row]?.[col];
  if (!c || isComputed(c) || v === undefined) return '';
  return c.format(v);
}

/** Drafts with some cells written; a text equal to the stored one removes the draft. */
export function withWrites<V>(model: GridModel<V>, drafts: Drafts, writes: readonly CellWrite[]): Drafts {
  const next = new Map(drafts);
  for (const w of writes) {
    if (!isEditableCell(model, w.row, w.col)) continue;
    const key = cellKey(w.row, w.col);
    if (w.text === storedText(model, w.row, w.col)) next.delete(key);
    else next.set(key, w.text);
  }
  return next;
}

export interface GridEvaluation<V> {
  /** values with every valid draft applied */
  current: V[][];
  /** invalid cells in row-major order */
  problems: CellProblem[];
  /** "row:col" → reason, for marking cells */
  problemAt: ReadonlyMap<string, string>;
  /** valid drafts whose value differs from the stored one */
  changes: CellChange<V>[];
}

function where<V>(model: GridModel<V>, row: number, col: number): string {
  const r = model.rows[row];
  const c = model.columns[col];
  return `第 ${row + 1} 行（${r?.header ?? ''}），${c ? columnLabel(c) : `第 ${col + 1} 列`}`;
}

export function evaluateGrid<V>(model: GridModel<V>, drafts: Drafts): GridEvaluation<V> {
  const current = model.values.map((r) => [...r]);
  const parseErrors = new Map<string, string>();
  const touchedRows = new Set<number>();
  for (const [key, text] of drafts) {
    const [row = -1, col = -1] = key.split(':').map(Number);
    const c = model.columns[col];
    const r = current[row];
    if (!c || !r || isComputed(c)) continue;
    touchedRows.add(row);
    const parsed = c.parse(text);
    if (parsed.ok) r[col] = parsed.value;
    else parseErrors.set(key, parsed.message);
  }
  const problemAt = new Map<string, string>();
  const problems: CellProblem[] = [];
  const changes: CellChange<V>[] = [];
  for (const row of [...touchedRows].sort((a, b) => a - b)) {
    const values = current[row] ?? [];
    const rowKey = model.rows[row]?.key ?? String(row);
    model.columns.forEach((c, col) => {
      if (isComputed(c)) return;
      const key = cellKey(row, col);
      const value = values[col];
      let message = parseErrors.get(key) ?? null;
      if (message === null && c.validate && value !== undefined && isEditableCell(model, row, col)) {
        message = c.validate(value, { rowIndex: row, rowKey, values });
      }
      if (message !== null) {
        problemAt.set(key, message);
        problems.push({ row, col, message, where: where(model, row, col) });
        return;
      }
      const stored = model.values[row]?.[col];
      if (drafts.has(key) && value !== undefined && stored !== undefined && c.format(value) !== c.format(stored)) {
        changes.push({ row, col, rowKey, columnKey: c.key, value });
      }
    });
  }
  return { current, problems, problemAt, changes };
}

/** The text a cell shows now: its draft, else its stored value, else (computed) its formula. */
export function displayText<V>(model: GridModel<V>, drafts: Drafts, current: readonly (readonly V[])[], row: number, col: number): string {
  const c = model.columns[col];
  if (!c) return '';
  if (isComputed(c)) return c.compute(current[row] ?? []);
  return drafts.get(cellKey(row, col)) ?? storedText(model, row, col);
}
