// The project page's progress timeline and milestones editor against a real backend in jsdom.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import ProjectPage from '../../src/ui/pages/ProjectPage';
import { state, useRealBackend } from './helpers/real-backend';

vi.mock('../../src/ui/api-client', () => import('./helpers/real-backend'));

const settled = () => waitFor(() => expect(state.pending).toBe(0), { timeout: 5000 });

useRealBackend('赵六');

const timeline = () => screen.getByTestId('progress-timeline');
const milestones = () => screen.getByRole('region', { name: '里程碑' });
const undoButton = () => screen.getByTestId('undo-button') as HTMLButtonElement;

describe('project page: progress and milestones', () => {
  it('shows the reports as a timeline, newest month first, sites named, with a link to 月度填报', async () => {
    await state.backend?.call(
      'progress.record',
      {
        entries: [
          { projectId: 10, siteId: 42, reportMonth: '2026-09', stage: '在建', percent: 30, description: '基础施工', investPeriodYuan: 100_000, investCumulativeYuan: 100_000 },
          { projectId: 10, siteId: 42, reportMonth: '2026-10', stage: '在建', percent: 60, description: '主体封顶', investPeriodYuan: 200_000, investCumulativeYuan: 300_000, problems: '雨季影响' },
          { projectId: 10, siteId: 43, reportMonth: '2026-10', stage: '完工', percent: 100, investCumulativeYuan: 800_000 },
        ],
      },
      'ui',
    );
    render(<ProjectPage id={10} />);
    await waitFor(() => expect(within(timeline()).getAllByTestId('timeline-entry')).toHaveLength(3), { timeout: 10_000 });
    const months = timeline().querySelectorAll('.tl-month-label');
    expect([...months].map((m) => m.textContent)).toEqual(['2026年10月', '2026年9月']);
    const first = within(timeline()).getAllByTestId('timeline-entry')[0];
    expect(first?.textContent).toContain('10-1 公平镇 万民村');
    expect(first?.textContent).toContain('在建');
    expect(first?.textContent).toContain('60%');
    expect(first?.textContent).toContain('本月完成投资 20 万元 · 累计 30 万元');
    expect(first?.textContent).toContain('主体封顶');
    expect(first?.textContent).toContain('存在问题：雨季影响');
    expect(first?.textContent).toContain('填报人 赵六 · 填报日期 2026-11-29');
    expect(within(first as HTMLElement).getByRole('img').getAttribute('aria-label')).toBe('形象进度 60%');
    expect(screen.getByTestId('monthly-report-link').getAttribute('href')).toBe('#/report?plan=1&project=10');

    fireEvent.change(within(timeline()).getByRole('combobox', { name: '只看' }), { target: { value: '43' } });
    expect(within(timeline()).getAllByTestId('timeline-entry')).toHaveLength(1);
  });

  it('saves milestones for the project and for a site, as ISO dates, undoable', async () => {
    render(<ProjectPage id={10} />);
    await waitFor(() => expect(within(timeline()).getByText(/尚未填报进度/)).toBeTruthy(), { timeout: 10_000 });
    const actual = within(milestones()).getByLabelText('开工实际日期') as HTMLInputElement;
    fireEvent.change(actual, { target: { value: '2024/3/15' } });
    expect(within(milestones()).getByText('即 2024-03-15')).toBeTruthy();
    fireEvent.blur(actual);
    expect(actual.value).toBe('2024-03-15');
    fireEvent.change(within(milestones()).getByLabelText('开工计划日期'), { target: { value: '2024-02-30' } });
    fireEvent.blur(within(milestones()).getByLabelText('开工计划日期'));
    expect(within(milestones()).getByRole('alert').textContent).toBe('日期 2024-02-30 不存在');
    fireEvent.change(within(milestones()).getByLabelText('开工计划日期'), { target: { value: '2024-03-01' } });
    fireEvent.click(within(milestones()).getByRole('button', { name: '保存里程碑' }));
    await waitFor(() => expect(screen.getByTestId('milestones-status').textContent).toBe('已保存里程碑（项目整体，1 项）'));
    const rows = () => state.backend?.db.prepare('SELECT site_id, kind, planned_date, actual_date FROM milestone WHERE project_id = 10').all();
    expect(rows()).toEqual([{ site_id: null, kind: '开工', planned_date: '2024-03-01', actual_date: '2024-03-15' }]);
    await waitFor(() => expect(undoButton().textContent).toBe('撤销：修改里程碑（1 项）'));

    // a site: a future actual date is refused on its input, nothing saved
    fireEvent.change(within(milestones()).getByRole('combobox', { name: '里程碑对象' }), { target: { value: '44' } });
    fireEvent.change(within(milestones()).getByLabelText('主体完工实际日期'), { target: { value: '2027-01-01' } });
    fireEvent.click(within(milestones()).getByRole('button', { name: '保存里程碑' }));
    await waitFor(() => expect(within(milestones()).getByRole('alert').textContent).toContain('晚于今天'));
    expect(rows()).toHaveLength(1);
    fireEvent.change(within(milestones()).getByLabelText('主体完工实际日期'), { target: { value: '2026-06-30' } });
    fireEvent.click(within(milestones()).getByRole('button', { name: '保存里程碑' }));
    await waitFor(() => expect(rows()).toHaveLength(2));
    await waitFor(() => expect(screen.getByTestId('milestones-status').textContent).toBe('已保存里程碑（10-3 公平镇 浸塘村，1 项）'));
    await waitFor(() => expect(within(milestones()).getByRole('option', { name: '10-3 公平镇 浸塘村（1 个）' })).toBeTruthy());
    await settled(); // the page has asked the backend what 撤销 now takes back

    fireEvent.click(undoButton());
    await waitFor(() => expect(rows()).toEqual([{ site_id: null, kind: '开工', planned_date: '2024-03-01', actual_date: '2024-03-15' }]));
    await waitFor(() => expect((within(milestones()).getByLabelText('主体完工实际日期') as HTMLInputElement).value).toBe(''), { timeout: 5000 });
  });
});
