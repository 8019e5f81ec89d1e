// The editable grid's pure logic: cursor movement, Excel/WPS clipboard text, paste
// placement, drafts and validation.
import { describe, expect, it } from 'vitest';
import { evaluateGrid, withWrites, NO_DRAFTS, type GridModel } from '../../src/ui/grid/drafts';
import { moveCell, navKeyOf, type NavKey } from '../../src/ui/grid/navigation';
import { pasteNote, planPaste } from '../../src/ui/grid/paste';
import { parseTsv, toTsv } from '../../src/ui/grid/tsv';
import type { GridColumn } from '../../src/ui/grid/types';

const size = { rows: 3, cols: 4 };
const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
  navKeyOf({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('navigation', () => {
  const move = (row: number, col: number, k: NavKey) => moveCell({ row, col }, k, size);

  it('maps keys to moves', () => {
    expect(key('ArrowUp')).toBe('up');
    expect(key('Tab')).toBe('tab');
    expect(key('Tab', { shiftKey: true })).toBe('shiftTab');
    expect(key('Enter')).toBe('enter');
    expect(key('Enter', { shiftKey: true })).toBe('shiftEnter');
    expect(key('Home', { ctrlKey: true })).toBe('gridStart');
    expect(key('End')).toBe('rowEnd');
    expect(key('a')).toBeNull();
    expect(key('Enter', { ctrlKey: true })).toBeNull();
    expect(key('ArrowDown', { altKey: true })).toBeNull();
  });

  it('arrows clamp at the edges', () => {
    expect(move(0, 0, 'up')).toEqual({ row: 0, col: 0 });
    expect(move(0, 0, 'left')).toEqual({ row: 0, col: 0 });
    expect(move(2, 3, 'down')).toEqual({ row: 2, col: 3 });
    expect(move(2, 3, 'right')).toEqual({ row: 2, col: 3 });
    expect(move(1, 1, 'down')).toEqual({ row: 2, col: 1 });
  });

  it('Tab wraps to the next row and leaves the grid after the last cell; Shift+Tab mirrors it', () => {
    expect(move(0, 2, 'tab')).toEqual({ row: 0, col: 3 });
    expect(move(0, 3, 'tab')).toEqual({ row: 1, col: 0 });
    expect(move(2, 3, 'tab')).toBeNull();
    expect(move(1, 0, 'shiftTab')).toEqual({ row: 0, col: 3 });
    expect(move(0, 0, 'shiftTab')).toBeNull();
  });

  it('Enter moves down and stays on the last row; Home/End/PageDown', () => {
    expect(move(0, 2, 'enter')).toEqual({ row: 1, col: 2 });
    expect(move(2, 2, 'enter')).toEqual({ row: 2, col: 2 });
    expect(move(1, 2, 'shiftEnter')).toEqual({ row: 0, col: 2 });
    expect(move(1, 2, 'rowStart')).toEqual({ row: 1, col: 0 });
    expect(move(1, 0, 'rowEnd')).toEqual({ row: 1, col: 3 });
    expect(move(1, 1, 'gridEnd')).toEqual({ row: 2, col: 3 });
    expect(move(0, 1, 'pageDown')).toEqual({ row: 2, col: 1 });
  });

  it('an out-of-range cursor is brought back inside', () => {
    expect(moveCell({ row: 9, col: 9 }, 'left', size)).toEqual({ row: 2, col: 2 });
    expect(moveCell({ row: 0, col: 0 }, 'down', { rows: 0, cols: 3 })).toBeNull();
  });
});

describe('TSV from Excel / WPS', () => {
  it('splits CRLF rows and tab cells, dropping the final line break', () => {
    expect(parseTsv('1\t2\r\n3\t4\r\n')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(parseTsv('1\t2\n3\t4')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(parseTsv('a\rb\r')).toEqual([['a'], ['b']]);
  });

  it('keeps empty cells and empty rows inside the block', () => {
    expect(parseTsv('\t2\r\n\r\n5\t\r\n')).toEqual([['', '2'], [''], ['5', '']]);
    expect(parseTsv('')).toEqual([['']]);
    expect(parseTsv('x')).toEqual([['x']]);
  });

  it('reads quoted cells with embedded line breaks, tabs and doubled quotes', () => {
    const text = '"第一行\n第二行"\t"含""引号"""\r\n"a\tb"\tplain\r\n';
    expect(parseTsv(text)).toEqual([
      ['第一行\n第二行', '含"引号"'],
      ['a\tb', 'plain'],
    ]);
  });

  it('a quote that does not close a cell is just a character', () => {
    expect(parseTsv('"abc\t1\r\n')).toEqual([['"abc', '1']]);
    expect(parseTsv('"a"b\tc')).toEqual([['"a"b', 'c']]);
    expect(parseTsv('5"\t6')).toEqual([['5"', '6']]);
  });

  it('toTsv and parseTsv round-trip', () => {
    const rows = [
      ['1,000', '', '多行\n文字'],
      ['"引"', 'a\tb', 'x'],
    ];
    expect(parseTsv(toTsv(rows))).toEqual(rows);
    expect(toTsv([['1', '2']])).toBe('1\t2\r\n');
  });
});

describe('paste placement', () => {
  const editable = (_r: number, c: number) => c !== 2;

  it('writes the block from the anchor, cut at the edges, skipping read-only cells', () => {
    const plan = planPaste(
      [
        ['a', 'b', 'c'],
        ['d', 'e', 'f'],
        ['g', 'h', 'i'],
      ],
      { row: 1, col: 1 },
      size,
      editable,
    );
    expect(plan.writes).toEqual([
      { row: 1, col: 1, text: 'a' },
      { row: 1, col: 3, text: 'c' },
      { row: 2, col: 1, text: 'd' },
      { row: 2, col: 3, text: 'f' },
    ]);
    expect(plan.readOnly).toBe(2);
    expect(plan.clipped).toBe(3);
    expect(pasteNote(plan)).toBe('已粘贴 4 个单元格；3 个单元格超出表格范围，未粘贴；2 个单元格为只读（合计或比率），未粘贴。');
  });

  it('one value pasted over a selection fills it', () => {
    const plan = planPaste([['7']], { row: 0, col: 0 }, size, editable, { top: 0, left: 0, bottom: 1, right: 1 });
    expect(plan.writes.map((w) => `${w.row}:${w.col}=${w.text}`)).toEqual(['0:0=7', '0:1=7', '1:0=7', '1:1=7']);
    expect(pasteNote(plan)).toBeNull();
  });
});

describe('drafts and validation', () => {
  type V = number | null;
  const num: GridColumn<V> = {
    key: 'n',
    header: '数量',
    parse: (t) => (t === '' ? { ok: true, value: null } : /^\d+$/.test(t) ? { ok: true, value: Number(t) } : { ok: false, message: '应为整数' }),
    format: (v) => (v === null ? '' : String(v)),
  };
  const capped: GridColumn<V> = {
    ...num,
    key: 'm',
    header: '上限',
    group: '乙',
    validate: (v, row) => (v !== null && v > (row.values[0] ?? 0) ? '不能超过数量' : null),
  };
  const total: GridColumn<V> = { kind: 'computed', key: 't', header: '合计', compute: (r) => String((r[0] ?? 0) + (r[1] ?? 0)) };
  const model: GridModel<V> = {
    columns: [num, capped, total],
    rows: [
      { key: 'a', header: '甲' },
      { key: 'b', header: '乙', readOnly: true },
    ],
    values: [
      [5, 1, null],
      [2, 2, null],
    ],
  };

  it('a draft equal to the stored text is no draft; read-only cells take none', () => {
    const d = withWrites(model, NO_DRAFTS, [
      { row: 0, col: 0, text: '5' },
      { row: 0, col: 1, text: '3' },
      { row: 1, col: 0, text: '9' },
      { row: 0, col: 2, text: '9' },
    ]);
    expect([...d]).toEqual([['0:1', '3']]);
  });

  it('valid drafts become changes and feed computed cells; invalid ones name row and column', () => {
    const d = withWrites(model, NO_DRAFTS, [{ row: 0, col: 1, text: '3' }]);
    const ok = evaluateGrid(model, d);
    expect(ok.problems).toEqual([]);
    expect(ok.changes).toEqual([{ row: 0, col: 1, rowKey: 'a', columnKey: 'm', value: 3 }]);
    expect(total.kind === 'computed' && total.compute(ok.current[0] ?? [])).toBe('8');

    const bad = evaluateGrid(model, withWrites(model, NO_DRAFTS, [{ row: 0, col: 0, text: 'x' }, { row: 0, col: 1, text: '6' }]));
    expect(bad.changes).toEqual([]);
    expect(bad.problems).toEqual([
      { row: 0, col: 0, message: '应为整数', where: '第 1 行（甲），数量' },
      { row: 0, col: 1, message: '不能超过数量', where: '第 1 行（甲），乙·上限' },
    ]);
    expect(bad.problemAt.get('0:0')).toBe('应为整数');
  });

  it('a draft in another format but the same value is not a change', () => {
    const d = withWrites(model, NO_DRAFTS, [{ row: 0, col: 0, text: '05' }]);
    const e = evaluateGrid(model, d);
    expect(d.size).toBe(1);
    expect(e.changes).toEqual([]);
    expect(e.problems).toEqual([]);
  });
});
