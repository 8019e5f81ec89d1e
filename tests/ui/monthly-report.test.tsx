// 月度填报 against a real backend (temporary database, fixed today 2026-11-29) in jsdom:
// keyboard entry, a pasted block, one save = one batch, 撤销 of the whole save, and a
// refusal by the backend put back on the cell of the row it names.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import MonthlyReportPage from '../../src/ui/pages/MonthlyReportPage';
import { state, useRealBackend } from './helpers/real-backend';

vi.mock('../../src/ui/api-client', () => import('./helpers/real-backend'));

useRealBackend('王五');

interface Row {
  site_id: number | null;
  report_month: string;
  stage: string;
  percent: number;
  description: string;
  invest_period_yuan: number;
  invest_cumulative_yuan: number;
  author: string;
}

const progressRows = (): Row[] =>
  state.backend?.db.prepare('SELECT * FROM progress WHERE project_id = 10 ORDER BY site_id, id').all() as Row[];

const grid = () => screen.getByRole('grid');
const cell = (row: number, col: number): HTMLElement => {
  const el = grid().querySelector<HTMLElement>(`[data-cell="${row}:${col}"]`);
  if (!el) throw new Error(`no cell ${row}:${col}`);
  return el;
};
const editor = (): HTMLInputElement => grid().querySelector('input.egrid-editor') as HTMLInputElement;

/** Types into a cell the way a person does: select it, type, Tab out. */
function typeInto(row: number, col: number, text: string): void {
  fireEvent.mouseDown(cell(row, col));
  fireEvent.keyDown(grid(), { key: text[0] });
  fireEvent.change(editor(), { target: { value: text } });
  fireEvent.keyDown(editor(), { key: 'Tab' });
}

function paste(row: number, col: number, text: string): void {
  fireEvent.mouseDown(cell(row, col));
  fireEvent.paste(grid(), { clipboardData: { getData: () => text } });
}

const saveButton = () => screen.getByRole('button', { name: /^保存/ }) as HTMLButtonElement;
const undoButton = () => screen.getByTestId('report-undo') as HTMLButtonElement;

describe('monthly report page', () => {
  it('defaults to the month before the backend’s today and lists project 10’s 55 sites', async () => {
    render(<MonthlyReportPage target={{ projectId: 10 }} />);
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('月度填报 · 2026年10月'), { timeout: 10_000 });
    expect(within(grid()).getAllByRole('rowheader')).toHaveLength(56); // 55 sites + 合计
    expect(within(grid()).getAllByRole('rowheader')[0]?.textContent).toBe('10-1 公平镇 万民村');
    expect((screen.getByRole('combobox', { name: '报告期' }) as HTMLSelectElement).value).toBe('2026-10');
  });

  it('the plan scope has one row per project, reported at project level', async () => {
    render(<MonthlyReportPage target={{ planId: 1, month: '2026-09' }} />);
    await waitFor(() => expect(within(grid()).getAllByRole('rowheader')).toHaveLength(16), { timeout: 10_000 }); // 15 + 合计
    expect(within(grid()).getAllByRole('columnheader')[0]?.textContent).toBe('项目');
    expect(within(grid()).getAllByRole('rowheader')[9]?.textContent).toBe('10 奉节县村（社区）便民服务中心建设项目');
    typeInto(9, 0, '2');
    typeInto(9, 1, '20');
    typeInto(9, 4, '100');
    fireEvent.click(saveButton());
    await waitFor(() => expect(progressRows()).toHaveLength(1));
    expect(progressRows()[0]).toMatchObject({ site_id: null, report_month: '2026-09', percent: 20, invest_cumulative_yuan: 1_000_000 });
    await waitFor(() => expect(undoButton().textContent).toBe('撤销：填报进度'));
  });

  it('records three sites by keyboard and paste in one batch, and 撤销 reverts the whole save', async () => {
    render(<MonthlyReportPage target={{ projectId: 10, month: '2026-10' }} />);
    await waitFor(() => expect(cell(0, 0)).toBeTruthy(), { timeout: 10_000 });
    expect(saveButton().disabled).toBe(true);

    typeInto(0, 0, '2'); // 在建, by its number
    typeInto(0, 1, '60');
    typeInto(0, 3, '30'); // 本月 30 万元: 累计 follows (no earlier report: 30)
    expect(cell(0, 0).textContent).toBe('2');
    expect(cell(0, 4).textContent).toBe('30');

    // two rows copied from Excel: stage, percent, description, 本月, 累计, problems
    paste(1, 0, '在建\t45\t主体封顶\t20\t80\t\r\n完工\t100\t已完工\t10\t150\t待验收\r\n');
    expect(cell(2, 5).textContent).toBe('待验收');
    await waitFor(() => expect(saveButton().textContent).toBe('保存（3 处修改）'));

    fireEvent.click(saveButton());
    await waitFor(() => expect(progressRows()).toHaveLength(3));
    const rows = progressRows();
    expect(rows.map((r) => [r.report_month, r.stage, r.percent, r.invest_period_yuan, r.invest_cumulative_yuan, r.author])).toEqual([
      ['2026-10', '在建', 60, 300_000, 300_000, '王五'],
      ['2026-10', '在建', 45, 200_000, 800_000, '王五'],
      ['2026-10', '完工', 100, 100_000, 1_500_000, '王五'],
    ]);
    await waitFor(() => expect(screen.getByTestId('reported-count').textContent).toBe('3'));
    await waitFor(() => expect(undoButton().textContent).toBe('撤销月度填报（3 条）'));
    expect(screen.getByText(/已保存 3 条进度（报告期 2026年10月）/)).toBeTruthy();

    fireEvent.click(undoButton());
    await waitFor(() => expect(progressRows()).toHaveLength(0));
    await waitFor(() => expect(screen.getByTestId('reported-count').textContent).toBe('0'));
    expect(cell(0, 1).textContent).toBe('');
  });

  it('marks invalid cells and keeps Save disabled until they are fixed', async () => {
    render(<MonthlyReportPage target={{ projectId: 10, month: '2026-10' }} />);
    await waitFor(() => expect(cell(0, 0)).toBeTruthy(), { timeout: 10_000 });
    typeInto(0, 1, '120');
    expect(cell(0, 1).getAttribute('aria-invalid')).toBe('true');
    expect(cell(0, 1).getAttribute('title')).toBe('形象进度应在 0 至 100 之间');
    const problems = screen.getByTestId('grid-problems');
    expect(problems.textContent).toContain('第 1 行（10-1 公平镇 万民村），形象进度（%）：形象进度应在 0 至 100 之间');
    expect(problems.textContent).toContain('第 1 行（10-1 公平镇 万民村），建设阶段：请填写建设阶段');
    expect(saveButton().disabled).toBe(true);
    typeInto(0, 1, '20');
    typeInto(0, 0, '前期');
    typeInto(0, 4, '0');
    await waitFor(() => expect(screen.queryByTestId('grid-problems')).toBeNull());
    expect(saveButton().disabled).toBe(false);
  });

  it('puts a refusal by the backend on the cell of the row it names', async () => {
    render(<MonthlyReportPage target={{ projectId: 10, month: '2026-10' }} />);
    await waitFor(() => expect(cell(0, 0)).toBeTruthy(), { timeout: 10_000 });
    // meanwhile, someone else records September for the first site (the grid does not know it)
    await state.backend?.call(
      'progress.record',
      { entries: [{ projectId: 10, siteId: 42, reportMonth: '2026-09', stage: '在建', percent: 50, investCumulativeYuan: 5_000_000 }] },
      'import',
    );
    typeInto(0, 0, '在建');
    typeInto(0, 1, '55');
    typeInto(0, 4, '300');
    fireEvent.click(saveButton());
    await waitFor(() =>
      expect(screen.getByTestId('grid-problems').textContent).toContain(
        '第 1 行（10-1 公平镇 万民村），累计完成投资（万元）：累计完成投资 300 万元低于上期（2026年9月）的 500 万元',
      ),
    );
    expect(cell(0, 4).getAttribute('aria-invalid')).toBe('true');
    expect(progressRows()).toHaveLength(1); // only the other person's report
    // fixing the row lifts the refusal
    typeInto(0, 4, '520');
    await waitFor(() => expect(screen.queryByTestId('grid-problems')).toBeNull());
  });
});
