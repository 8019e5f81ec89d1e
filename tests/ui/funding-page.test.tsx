// 资金填报 and 设置 → 资金来源 against a real backend (temporary database) in jsdom: typing and
// pasting amounts, live totals, the confirmation of an over-arrival, one saved batch that
// 撤销 reverts; sources added, renamed, and a used one not removable.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import FundingPage from '../../src/ui/pages/FundingPage';
import FundingSourcesSection from '../../src/ui/settings/FundingSourcesSection';
import { state, useRealBackend } from './helpers/real-backend';

vi.mock('../../src/ui/api-client', () => import('./helpers/real-backend'));

useRealBackend('财务');

function amounts(): unknown[] {
  return state.backend?.db.prepare('SELECT source_id, year, kind, amount_yuan FROM funding ORDER BY id').all() ?? [];
}

const cell = (row: number, col: number): HTMLElement => {
  const el = document.querySelector<HTMLElement>(`[data-cell="${row}:${col}"]`);
  if (!el) throw new Error(`no cell ${row}:${col}`);
  return el;
};
const press = (key: string, init: Partial<KeyboardEventInit> = {}) => fireEvent.keyDown(document.activeElement ?? document.body, { key, ...init });
const type = (text: string) => {
  press(text[0] ?? '');
  const editor = screen.getByRole('textbox');
  fireEvent.change(editor, { target: { value: text } });
  press('Enter');
};

describe('FundingPage', () => {
  it('edits one project by keyboard and paste, confirms an over-arrival, saves one batch, and 撤销 reverts it', async () => {
    render(<FundingPage projectId={1} />);
    await screen.findByRole('grid', { name: '资金填报：1. 奉节县朱衣社会福利院建设项目' });
    // rows 2021…2025 (the plan's years); columns 中央补助 计划/到位/支付, 市级补助 …
    act(() => cell(2, 0).focus()); // 2023, 中央补助 计划
    type('4000');
    press('ArrowUp');
    press('ArrowRight'); // 2023, 中央补助 到位
    fireEvent.paste(document.activeElement ?? document.body, { clipboardData: { getData: () => '4500\t100\r\n' } });
    expect(cell(2, 1).textContent).toBe('4500');
    expect(cell(2, 2).textContent).toBe('100');
    expect(screen.getByTestId('funding-summary').textContent).toContain('到位率 112.50%');
    expect(screen.getByTestId('funding-issues').textContent).toContain('中央补助：到位 4,500 万元，超过计划安排 4,000 万元。');

    fireEvent.click(screen.getByRole('button', { name: '保存（3 处修改）' }));
    const dialog = await screen.findByRole('alertdialog', { name: '以下金额未通过检查，仍要保存吗？' });
    expect(amounts()).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: '仍然保存' }));
    await screen.findByText('已保存 3 个金额。');
    expect(amounts()).toEqual([
      { source_id: 1, year: 2023, kind: 'planned', amount_yuan: 40_000_000 },
      { source_id: 1, year: 2023, kind: 'arrived', amount_yuan: 45_000_000 },
      { source_id: 1, year: 2023, kind: 'paid', amount_yuan: 1_000_000 },
    ]);
    await waitFor(() => expect(cell(2, 0).textContent).toBe('4,000'));

    const undo = await screen.findByRole('button', { name: '撤销：修改资金记录（3 项）' });
    fireEvent.click(undo);
    await waitFor(() => expect(amounts()).toEqual([]));
    await waitFor(() => expect(cell(2, 0).textContent).toBe(''));
  });

  it('keeps an invalid cell from being saved and names it', async () => {
    render(<FundingPage projectId={1} />);
    await screen.findByRole('grid');
    act(() => cell(0, 3).focus());
    type('12.345678');
    expect(cell(0, 3).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('grid-problems').textContent).toContain('第 1 行（2021年），市级补助·计划（万元）：万元最多 4 位小数（精确到元）');
    expect((screen.getByRole('button', { name: '保存' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('FundingSourcesSection', () => {
  it('adds and renames sources; a used source cannot be removed', async () => {
    await state.backend?.send('funding.save', { cells: [{ projectId: 1, sourceId: 1, year: 2023, kind: 'planned', amountYuan: 1 }] });
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    render(<FundingSourcesSection />);
    const central = await screen.findByRole('textbox', { name: '资金来源「中央补助」的名称' });
    const rows = screen.getAllByRole('row');
    expect(rows).toHaveLength(6);
    const deleteCentral = within(rows[1] as HTMLElement).getByRole('button', { name: '删除' }) as HTMLButtonElement;
    expect(deleteCentral.disabled).toBe(true);
    expect(deleteCentral.title).toBe('已有 1 笔金额，不能删除');

    fireEvent.change(central, { target: { value: '中央预算内补助' } });
    fireEvent.click(within(rows[1] as HTMLElement).getByRole('button', { name: '改名' }));
    await screen.findByText('已改名为「中央预算内补助」。');

    fireEvent.change(screen.getByRole('textbox', { name: /新来源/ }), { target: { value: '专项债券' } });
    fireEvent.click(screen.getByRole('button', { name: '添加' }));
    await screen.findByRole('textbox', { name: '资金来源「专项债券」的名称' });

    fireEvent.change(screen.getByRole('textbox', { name: '资金来源「市级补助」的名称' }), { target: { value: '专项债券' } });
    fireEvent.click(within(screen.getAllByRole('row')[2] as HTMLElement).getByRole('button', { name: '改名' }));
    expect((await screen.findByRole('alert')).textContent).toContain('资金来源「专项债券」已存在');

    fireEvent.click(within(screen.getAllByRole('row')[6] as HTMLElement).getByRole('button', { name: '删除' }));
    await waitFor(() => expect(screen.queryByRole('textbox', { name: '资金来源「专项债券」的名称' })).toBeNull());
    const names = state.backend?.db.prepare('SELECT name FROM funding_source ORDER BY sort').all();
    expect(names).toEqual([{ name: '中央预算内补助' }, { name: '市级补助' }, { name: '福彩公益金' }, { name: '县级配套' }, { name: '社会投资' }]);
  });
});
