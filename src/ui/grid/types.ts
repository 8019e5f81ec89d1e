// The generic editable grid's vocabulary. A grid edits a matrix of values V (one type for
// all cells, e.g. `number | null` for funding, a union for the monthly progress grid):
// columns say how text becomes a value (parse), a value becomes text (format), and what
// else a value must satisfy (validate). Cells are edited as text; drafts hold the texts
// typed or pasted until the page saves them.

export type ParseResult<V> = { ok: true; value: V } | { ok: false; message: string };

interface ColumnBase {
  /** stable id, e.g. "3:planned" */
  key: string;
  /** the header cell text */
  header: string;
  /** a header spanning the adjacent columns with the same group (e.g. a funding source) */
  group?: string;
  /** how problems and screen readers name the column, e.g. "中央补助·计划（万元）"; defaults to group·header */
  label?: string;
  /** px */
  width?: number;
  align?: 'left' | 'right' | 'center';
}

/** A cell the user types into. */
export interface EditableColumn<V> extends ColumnBase {
  kind?: 'editable';
  readOnly?: boolean;
  /** typed or pasted text → value, or a Chinese reason */
  parse(text: string): ParseResult<V>;
  /** value → the text shown, edited and copied */
  format(value: V): string;
  /** a reason the value is not acceptable in its row, or null (e.g. a percent going down) */
  validate?(value: V, row: RowContext<V>): string | null;
  /** suggestions offered by the cell editor (a datalist), e.g. the construction stages */
  options?: readonly string[];
}

/** A read-only cell computed from its row's current values (row totals, rates). */
export interface ComputedColumn<V> extends ColumnBase {
  kind: 'computed';
  compute(row: readonly V[]): string;
}

export type GridColumn<V> = EditableColumn<V> | ComputedColumn<V>;

export interface RowContext<V> {
  rowIndex: number;
  rowKey: string;
  /** the row's current values (drafts applied where valid) */
  values: readonly V[];
}

export interface GridRowDef {
  key: string;
  /** the row header, e.g. "2023年" or "1. 某项目" */
  header: string;
  readOnly?: boolean;
  /** extra class on the row, e.g. values carried over from last month shown greyed */
  className?: string;
  /** hover text of the row header (its full name, last month's report) */
  title?: string;
}

export interface CellPos {
  row: number;
  col: number;
}

export interface GridSize {
  rows: number;
  cols: number;
}

/** A cell's text that cannot be saved, and why. */
export interface CellProblem {
  row: number;
  col: number;
  message: string;
  /** "第 3 行（2023年），中央补助·到位（万元）" */
  where: string;
}

/** A valid draft that differs from the stored value: what a save sends. */
export interface CellChange<V> {
  row: number;
  col: number;
  rowKey: string;
  columnKey: string;
  value: V;
}

/** A read-only line under the body (合计). */
export interface GridFooterRow {
  key: string;
  header: string;
  cells: string[];
}

export function isComputed<V>(c: GridColumn<V>): c is ComputedColumn<V> {
  return c.kind === 'computed';
}

export function columnLabel<V>(c: GridColumn<V>): string {
  return c.label ?? (c.group ? `${c.group}·${c.header}` : c.header);
}
