// The generic grid in a DOM: ARIA nesting, keyboard movement and editing, paste of an
// Excel/WPS block, invalid cells marked and listed, Ctrl+S with the committed drafts.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useMemo, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import EditableGrid from '../../src/ui/grid/EditableGrid';
import GridProblems from '../../src/ui/grid/GridProblems';
import GridSaveBar from '../../src/ui/grid/GridSaveBar';
import { evaluateGrid, NO_DRAFTS, type Drafts, type GridModel } from '../../src/ui/grid/drafts';
import type { GridColumn } from '../../src/ui/grid/types';

afterEach(cleanup);

type V = number | null;
const int = (key: string, header: string, group?: string): GridColumn<V> => ({
  key,
  header,
  ...(group ? { group } : {}),
  parse: (t) => (t.trim() === '' ? { ok: true, value: null } : /^\d+$/.test(t.trim()) ? { ok: true, value: Number(t) } : { ok: false, message: '应为整数' }),
  format: (v) => (v === null ? '' : String(v)),
});
const model: GridModel<V> = {
  columns: [
    int('a', '计划', '中央'),
    int('b', '到位', '中央'),
    int('c', '计划', '县级'),
    { kind: 'computed', key: 'sum', header: '合计', compute: (r) => String((r[0] ?? 0) + (r[1] ?? 0) + (r[2] ?? 0)) },
  ],
  rows: [
    { key: 'r1', header: '2023年' },
    { key: 'r2', header: '2024年' },
    { key: 'r3', header: '2025年' },
  ],
  values: [
    [1, 2, 3, null],
    [null, null, null, null],
    [4, null, null, null],
  ],
};

function Harness({ onSave }: { onSave: (d: Drafts) => void }) {
  const [drafts, setDrafts] = useState<Drafts>(NO_DRAFTS);
  const evaluation = useMemo(() => evaluateGrid(model, drafts), [drafts]);
  return (
    <>
      <GridSaveBar
        changeCount={evaluation.changes.length}
        draftCount={drafts.size}
        problemCount={evaluation.problems.length}
        saving={false}
        onSave={() => onSave(drafts)}
        onDiscard={() => setDrafts(NO_DRAFTS)}
      />
      <GridProblems problems={evaluation.problems} />
      <EditableGrid label="测试表格" corner="年度" model={model} drafts={drafts} evaluation={evaluation} onDraftsChange={setDrafts} onSave={onSave} />
    </>
  );
}

const cell = (row: number, col: number): HTMLElement => {
  const el = document.querySelector<HTMLElement>(`[data-cell="${row}:${col}"]`);
  if (!el) throw new Error(`no cell ${row}:${col}`);
  return el;
};
const key = (k: string, init: Partial<KeyboardEventInit> = {}) => {
  const target = document.activeElement ?? document.body;
  fireEvent.keyDown(target, { key: k, ...init });
};

function setup() {
  const onSave = vi.fn();
  render(<Harness onSave={onSave} />);
  act(() => cell(0, 0).focus());
  return { onSave };
}

describe('EditableGrid', () => {
  it('nests grid > rowgroup > row > cells, with grouped headers and a row header per row', () => {
    setup();
    const grid = screen.getByRole('grid', { name: '测试表格' });
    for (const c of within(grid).getAllByRole('gridcell')) {
      const row = c.parentElement;
      expect(row?.getAttribute('role')).toBe('row');
      expect(row?.parentElement?.getAttribute('role')).toBe('rowgroup');
      expect(row?.parentElement?.parentElement).toBe(grid);
    }
    expect(within(grid).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['年度', '中央', '县级', '合计', '计划', '到位', '计划']);
    expect(within(grid).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['2023年', '2024年', '2025年']);
    // one tab stop: the cursor cell
    expect(within(grid).getAllByRole('gridcell').filter((c) => c.tabIndex === 0)).toEqual([cell(0, 0)]);
    expect(cell(0, 3).getAttribute('aria-readonly')).toBe('true');
    expect(cell(0, 3).textContent).toBe('6');
  });

  it('arrows, Tab and Enter move the focus between cells', () => {
    setup();
    key('ArrowRight');
    expect(document.activeElement).toBe(cell(0, 1));
    key('ArrowDown');
    expect(document.activeElement).toBe(cell(1, 1));
    key('Tab');
    key('Tab');
    key('Tab'); // past the last column: next row
    expect(document.activeElement).toBe(cell(2, 0));
    key('Tab', { shiftKey: true });
    expect(document.activeElement).toBe(cell(1, 3));
    key('Enter');
    expect(document.activeElement).toBe(cell(2, 3));
    key('Home', { ctrlKey: true });
    expect(document.activeElement).toBe(cell(0, 0));
  });

  it('typing replaces a cell, Enter commits and moves down; F2 edits; Esc cancels', () => {
    setup();
    key('7');
    const editor = screen.getByRole('textbox', { name: '2023年 中央·计划' });
    expect((editor as HTMLInputElement).value).toBe('7');
    fireEvent.change(editor, { target: { value: '70' } });
    key('Enter');
    expect(cell(0, 0).textContent).toBe('70');
    expect(cell(0, 0).className).toContain('egrid-dirty');
    expect(cell(0, 3).textContent).toBe('75'); // the computed column follows
    expect(document.activeElement).toBe(cell(1, 0));

    key('ArrowUp');
    key('F2');
    const again = screen.getByRole('textbox') as HTMLInputElement;
    expect(again.value).toBe('70');
    fireEvent.change(again, { target: { value: '999' } });
    key('Escape');
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(cell(0, 0).textContent).toBe('70');
    expect(document.activeElement).toBe(cell(0, 0));

    key('Delete');
    expect(cell(0, 0).textContent).toBe('');
  });

  it('pastes a tab-separated block from the cursor, skipping read-only cells and reporting what fell outside', () => {
    setup();
    key('ArrowDown');
    key('ArrowRight');
    const text = '10\t20\t99\r\n"4\n0"\t\t\r\n5\t6\t7\r\n';
    fireEvent.paste(document.activeElement ?? document.body, { clipboardData: { getData: () => text } });
    expect(cell(1, 1).textContent).toBe('10');
    expect(cell(1, 2).textContent).toBe('20');
    expect(cell(1, 3).textContent).toBe('30'); // computed from the row, not overwritten by the pasted 99
    expect(cell(2, 1).textContent).toBe('4\n0');
    expect(cell(2, 2).textContent).toBe('');
    expect(document.querySelector('.egrid-note')?.textContent).toBe('已粘贴 4 个单元格；3 个单元格超出表格范围，未粘贴；2 个单元格为只读（合计或比率），未粘贴。');
    // the multi-line text is not an integer: marked, listed by row and column, save blocked
    expect(cell(2, 1).getAttribute('aria-invalid')).toBe('true');
    expect(cell(2, 1).getAttribute('title')).toBe('应为整数');
    expect(screen.getByTestId('grid-problems').textContent).toContain('第 3 行（2025年），中央·到位：应为整数');
    expect((screen.getByRole('button', { name: /保存/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('Ctrl+S saves the drafts, including a cell still being edited', () => {
    const { onSave } = setup();
    key('ArrowDown');
    key('5');
    key('s', { ctrlKey: true });
    expect(onSave).toHaveBeenCalledTimes(1);
    const drafts = onSave.mock.calls[0]?.[0] as Drafts;
    expect([...drafts]).toEqual([['1:0', '5']]);
    expect((screen.getByRole('button', { name: '保存（1 处修改）' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
