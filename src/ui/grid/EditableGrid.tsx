// The generic keyboard-first editable grid (funding, monthly progress). It only renders
// and routes keys: navigation, clipboard parsing, paste planning and validation are the
// pure functions beside it. The page owns the drafts (so it can show live totals and save).
//
// Keys: arrows / Tab / Shift+Tab / Enter / Home / End / PageUp / PageDown move; Shift+arrows
// select; typing replaces a cell, F2 or a double click edits it; in a cell editor Enter commits
// and moves down, Tab commits and moves right, Esc cancels; Delete clears the selection;
// Ctrl+C copies and Ctrl+V pastes tab-separated blocks (Excel, WPS); Ctrl+S saves.
import { useEffect, useLayoutEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { cellKey, displayText, isEditableCell, withWrites, type Drafts, type GridEvaluation, type GridModel } from './drafts';
import { isTypingKey, moveCell, navKeyOf, type NavKey } from './navigation';
import { pasteNote, planPaste } from './paste';
import { cellsOf, inRange, isSingleCell, rangeOf } from './selection';
import { parseTsv, toTsv } from './tsv';
import { columnLabel, isComputed, type CellPos, type GridFooterRow } from './types';
import './grid.css';

interface Editing {
  row: number;
  col: number;
  text: string;
  /** 'replace': started by typing, arrows commit and move; 'edit': F2, arrows move the caret */
  mode: 'replace' | 'edit';
}

export interface FocusRequest {
  pos: CellPos;
  /** change it to ask again for the same cell */
  token: number;
}

export interface EditableGridProps<V> {
  /** accessible name of the grid, e.g. "资金填报：某项目" */
  label: string;
  /** header of the row-header column, e.g. "年度" */
  corner: string;
  model: GridModel<V>;
  drafts: Drafts;
  evaluation: GridEvaluation<V>;
  onDraftsChange(next: Drafts): void;
  /** Ctrl+S; gets the drafts including a cell edit committed by the shortcut itself */
  onSave?(drafts: Drafts): void;
  footer?: readonly GridFooterRow[];
  /** move the cursor here (from a problem list) */
  focusRequest?: FocusRequest | null;
  testId?: string;
}

const NAV_EXTENDS: ReadonlySet<NavKey> = new Set(['up', 'down', 'left', 'right', 'rowStart', 'rowEnd', 'gridStart', 'gridEnd', 'pageUp', 'pageDown']);

interface HeaderCell {
  text: string;
  colSpan: number;
  rowSpan: number;
  key: string;
}

/** Two header rows when columns are grouped: groups above, column headers below. */
function headerRows(columns: readonly { key: string; header: string; group?: string }[]): HeaderCell[][] {
  if (!columns.some((c) => c.group)) return [columns.map((c) => ({ text: c.header, colSpan: 1, rowSpan: 1, key: c.key }))];
  const top: HeaderCell[] = [];
  const bottom: HeaderCell[] = [];
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i];
    if (!c) continue;
    if (!c.group) {
      top.push({ text: c.header, colSpan: 1, rowSpan: 2, key: c.key });
      continue;
    }
    let j = i;
    while (j + 1 < columns.length && columns[j + 1]?.group === c.group) j++;
    top.push({ text: c.group, colSpan: j - i + 1, rowSpan: 1, key: `group:${c.key}` });
    for (let k = i; k <= j; k++) {
      const sub = columns[k];
      if (sub) bottom.push({ text: sub.header, colSpan: 1, rowSpan: 1, key: sub.key });
    }
    i = j;
  }
  return [top, bottom];
}

export default function EditableGrid<V>(props: EditableGridProps<V>) {
  const { model, drafts, evaluation, onDraftsChange } = props;
  const size = { rows: model.rows.length, cols: model.columns.length };
  const [cursor, setCursor] = useState<CellPos>({ row: 0, col: 0 });
  const [anchor, setAnchor] = useState<CellPos>({ row: 0, col: 0 });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const editingRef = useRef<Editing | null>(null);
  editingRef.current = editing;
  const wantFocus = useRef(false);

  const selection = rangeOf(anchor, cursor);

  // keep the cursor inside the grid when rows or columns change
  const safeRow = Math.min(cursor.row, Math.max(0, size.rows - 1));
  const safeCol = Math.min(cursor.col, Math.max(0, size.cols - 1));
  if (safeRow !== cursor.row || safeCol !== cursor.col) {
    setCursor({ row: safeRow, col: safeCol });
    setAnchor({ row: safeRow, col: safeCol });
  }

  useLayoutEffect(() => {
    if (!wantFocus.current || editing) return;
    wantFocus.current = false;
    const el = tableRef.current?.querySelector<HTMLElement>(`[data-cell="${cursor.row}:${cursor.col}"]`);
    el?.focus();
  }, [cursor, editing]);

  useEffect(() => {
    if (!props.focusRequest) return;
    wantFocus.current = true;
    setEditing(null);
    setCursor(props.focusRequest.pos);
    setAnchor(props.focusRequest.pos);
  }, [props.focusRequest]);

  const go = (pos: CellPos, extend = false): void => {
    wantFocus.current = true;
    setCursor(pos);
    if (!extend) setAnchor(pos);
  };

  const write = (writes: { row: number; col: number; text: string }[], base: Drafts = drafts): Drafts => {
    const next = withWrites(model, base, writes);
    onDraftsChange(next);
    return next;
  };

  /** Ends the cell editor; returns the drafts as they are afterwards. */
  const commit = (): Drafts => {
    const e = editingRef.current;
    if (!e) return drafts;
    editingRef.current = null;
    setEditing(null);
    return write([{ row: e.row, col: e.col, text: e.text }]);
  };

  const cancel = (): void => {
    editingRef.current = null;
    setEditing(null);
    wantFocus.current = true;
  };

  const startEdit = (pos: CellPos, text: string | null, mode: Editing['mode']): void => {
    if (!isEditableCell(model, pos.row, pos.col)) {
      const c = model.columns[pos.col];
      setNote(`${model.rows[pos.row]?.header ?? ''} ${c ? columnLabel(c) : ''}为只读，不能编辑。`);
      return;
    }
    setNote(null);
    setEditing({ row: pos.row, col: pos.col, text: text ?? displayText(model, drafts, evaluation.current, pos.row, pos.col), mode });
  };

  const onGridKeyDown = (e: KeyboardEvent<HTMLTableElement>): void => {
    if (editingRef.current) return; // the editor handles its own keys
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
      e.preventDefault();
      e.stopPropagation(); // a page-wide Ctrl+S must not save a second time
      props.onSave?.(drafts);
      return;
    }
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      setAnchor({ row: 0, col: 0 });
      go({ row: size.rows - 1, col: size.cols - 1 }, true);
      return;
    }
    const nav = navKeyOf(e);
    if (nav) {
      const next = moveCell(cursor, nav, size);
      if (next === null) return; // Tab out of the grid
      e.preventDefault();
      go(next, e.shiftKey && NAV_EXTENDS.has(nav));
      return;
    }
    if (e.key === 'F2') {
      e.preventDefault();
      startEdit(cursor, null, 'edit');
      return;
    }
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      write(cellsOf(selection).map((p) => ({ ...p, text: '' })));
      return;
    }
    if (e.key === 'Escape') {
      setAnchor(cursor);
      return;
    }
    if (e.key === 'Process' || e.nativeEvent.isComposing) {
      startEdit(cursor, '', 'replace'); // an IME started: give it the editor
      return;
    }
    if (isTypingKey(e)) {
      e.preventDefault();
      startEdit(cursor, e.key, 'replace');
    }
  };

  const onEditorKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    const ed = editingRef.current;
    if (!ed || e.nativeEvent.isComposing) return;
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
      return;
    }
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      const next = commit();
      wantFocus.current = true;
      props.onSave?.(next);
      return;
    }
    const nav = navKeyOf(e);
    const arrows = nav === 'up' || nav === 'down' || nav === 'left' || nav === 'right';
    if (!nav || (arrows && ed.mode === 'edit') || nav === 'rowStart' || nav === 'rowEnd' || nav === 'gridStart' || nav === 'gridEnd') return;
    e.preventDefault();
    commit();
    go(moveCell({ row: ed.row, col: ed.col }, nav, size) ?? { row: ed.row, col: ed.col });
  };

  const onPaste = (e: ClipboardEvent<HTMLTableElement>): void => {
    const text = e.clipboardData.getData('text/plain');
    if (editingRef.current && !/[\t\r\n]/.test(text)) return; // plain text into the cell editor
    e.preventDefault();
    if (editingRef.current) cancel();
    const block = parseTsv(text);
    const plan = planPaste(block, { row: selection.top, col: selection.left }, size, (r, c) => isEditableCell(model, r, c), isSingleCell(selection) ? undefined : selection);
    write(plan.writes);
    setNote(pasteNote(plan));
    const last = plan.writes.at(-1);
    if (last && plan.writes.length > 1) {
      setAnchor({ row: selection.top, col: selection.left });
      go({ row: last.row, col: last.col }, true);
    }
  };

  const onCopy = (e: ClipboardEvent<HTMLTableElement>): void => {
    if (editingRef.current) return;
    e.preventDefault();
    const rows: string[][] = [];
    for (let r = selection.top; r <= selection.bottom; r++) {
      const cells: string[] = [];
      for (let c = selection.left; c <= selection.right; c++) cells.push(displayText(model, drafts, evaluation.current, r, c));
      rows.push(cells);
    }
    e.clipboardData.setData('text/plain', toTsv(rows));
  };

  const headers = headerRows(model.columns);
  const headerCount = headers.length;
  const footer = props.footer ?? [];

  return (
    <div className="egrid-wrap" data-testid={props.testId}>
      <table
        ref={tableRef}
        role="grid"
        className="egrid"
        aria-label={props.label}
        aria-multiselectable="true"
        onKeyDown={onGridKeyDown}
        onPaste={onPaste}
        onCopy={onCopy}
      >
        <colgroup>
          <col className="egrid-col-head" />
          {model.columns.map((c) => (
            <col key={c.key} style={c.width ? { width: c.width } : undefined} />
          ))}
        </colgroup>
        <thead role="rowgroup">
          {headers.map((cells, i) => (
            <tr role="row" key={i}>
              {i === 0 && (
                <th role="columnheader" rowSpan={headerCount} scope="col" className="egrid-corner">
                  {props.corner}
                </th>
              )}
              {cells.map((h) => (
                <th role="columnheader" key={h.key} colSpan={h.colSpan} rowSpan={h.rowSpan} scope={h.colSpan > 1 ? 'colgroup' : 'col'}>
                  {h.text}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody role="rowgroup">
          {model.rows.map((r, row) => (
            <tr role="row" key={r.key} className={r.className}>
              <th role="rowheader" scope="row" className="egrid-rowhead" title={r.title ?? r.header}>
                {r.header}
              </th>
              {model.columns.map((c, col) => {
                const key = cellKey(row, col);
                const problem = evaluation.problemAt.get(key);
                const editable = isEditableCell(model, row, col);
                const isCursor = cursor.row === row && cursor.col === col;
                const selected = inRange(selection, row, col);
                const isEditing = editing !== null && editing.row === row && editing.col === col;
                const classes = [
                  'egrid-cell',
                  `egrid-${c.align ?? (isComputed(c) ? 'right' : 'left')}`,
                  editable ? '' : 'egrid-readonly',
                  drafts.has(key) ? 'egrid-dirty' : '',
                  problem ? 'egrid-invalid' : '',
                  isCursor ? 'egrid-cursor' : '',
                  selected && !isSingleCell(selection) ? 'egrid-selected' : '',
                ].filter(Boolean).join(' ');
                return (
                  <td
                    role="gridcell"
                    key={c.key}
                    data-cell={key}
                    tabIndex={isCursor && !isEditing ? 0 : -1}
                    className={classes}
                    aria-selected={selected}
                    aria-readonly={editable ? undefined : true}
                    aria-invalid={problem ? true : undefined}
                    title={problem}
                    onMouseDown={(ev) => {
                      if (isEditing) return;
                      if (editingRef.current) commit();
                      go({ row, col }, ev.shiftKey);
                    }}
                    onFocus={() => {
                      // focus that did not come from our own moves (a click, a screen reader, a test)
                      if (isCursor || editingRef.current) return;
                      setCursor({ row, col });
                      setAnchor({ row, col });
                    }}
                    onDoubleClick={() => startEdit({ row, col }, null, 'edit')}
                  >
                    {isEditing ? (
                      <input
                        className="egrid-editor"
                        aria-label={`${r.header} ${columnLabel(c)}`}
                        list={!isComputed(c) && c.options ? `egrid-options-${c.key}` : undefined}
                        autoFocus
                        value={editing.text}
                        onChange={(ev) => setEditing({ ...editing, text: ev.target.value })}
                        onKeyDown={onEditorKeyDown}
                        onBlur={() => {
                          if (editingRef.current) commit();
                        }}
                      />
                    ) : (
                      displayText(model, drafts, evaluation.current, row, col)
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        {footer.length > 0 && (
          <tfoot role="rowgroup">
            {footer.map((f, i) => (
              <tr role="row" key={f.key} className="egrid-footer">
                <th role="rowheader" scope="row" className="egrid-rowhead">
                  {f.header}
                </th>
                {f.cells.map((text, col) => (
                  <td role="gridcell" key={model.columns[col]?.key ?? col} aria-readonly="true" className="egrid-cell egrid-right egrid-readonly">
                    {text}
                  </td>
                ))}
              </tr>
            ))}
          </tfoot>
        )}
      </table>
      {model.columns.map((c) =>
        !isComputed(c) && c.options ? (
          <datalist key={c.key} id={`egrid-options-${c.key}`}>
            {c.options.map((o) => (
              <option key={o} value={o} />
            ))}
          </datalist>
        ) : null,
      )}
      <p className="egrid-note" role="status" aria-live="polite">
        {note ?? ''}
      </p>
    </div>
  );
}
