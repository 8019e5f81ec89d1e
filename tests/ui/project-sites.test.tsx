// The project page against a real backend (temporary database) in jsdom: sites are added,
// edited, archived after a confirmation, and each save is undone with the page's one undo button.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import ProjectPage from '../../src/ui/pages/ProjectPage';
import { state, useRealBackend } from './helpers/real-backend';

vi.mock('../../src/ui/api-client', () => import('./helpers/real-backend'));

useRealBackend('张三');

const sitesSection = () => screen.getByRole('region', { name: '建设点' });
const siteRows = () => within(sitesSection()).queryAllByTestId('site-edit-row');
const undoButton = () => screen.getByTestId('undo-button') as HTMLButtonElement;
const status = () => screen.getByRole('status');

function fill(form: HTMLElement, values: Record<string, string>): void {
  for (const [label, value] of Object.entries(values)) fireEvent.change(within(form).getByLabelText(label), { target: { value } });
}

describe('project page: sites', () => {
  it('adds and edits a site, and undoes both with the backend’s labels', async () => {
    render(<ProjectPage id={8} />);
    await waitFor(() => expect(siteRows()).toHaveLength(1));
    expect(undoButton().disabled).toBe(true);

    fireEvent.click(within(sitesSection()).getByRole('button', { name: '新增建设点' }));
    const form = within(sitesSection()).getByRole('group', { name: '新增建设点' });
    fill(form, { '乡镇（街道）': '朱衣镇', '预算（万元）': '-1' });
    fireEvent.click(within(form).getByRole('button', { name: '保存建设点' }));
    expect(within(form).getByRole('alert').textContent).toBe('预算不能为负数');
    fill(form, { '预算（万元）': '80' });
    fireEvent.click(within(form).getByRole('button', { name: '保存建设点' }));
    await waitFor(() => expect(siteRows()).toHaveLength(2));
    expect(status().textContent).toBe('已新增建设点「朱衣镇」');
    await waitFor(() => expect(undoButton().textContent).toBe('撤销：新增建设点「朱衣镇」'));

    fireEvent.click(within(sitesSection()).getByRole('button', { name: '编辑 朱衣镇' }));
    const edit = within(sitesSection()).getByRole('group', { name: '编辑建设点「朱衣镇」' });
    fill(edit, { '村（社区）': '朱衣社区' });
    fireEvent.click(within(edit).getByRole('button', { name: '保存建设点' }));
    await waitFor(() => expect(undoButton().textContent).toBe('撤销：修改建设点「朱衣镇 朱衣社区」的 村（社区）'));

    fireEvent.click(undoButton());
    await waitFor(() => expect(status().textContent).toBe('已撤销：修改建设点「朱衣镇 朱衣社区」的 村（社区）'));
    await waitFor(() => expect(undoButton().textContent).toBe('撤销：新增建设点「朱衣镇」'));
    fireEvent.click(undoButton());
    await waitFor(() => expect(siteRows()).toHaveLength(1));
    await waitFor(() => expect(undoButton().disabled).toBe(true));
  });

  it('archives a site with progress only after the user confirms, and undo restores it', async () => {
    state.backend?.db
      .prepare("INSERT INTO progress (project_id, site_id, date, stage, percent, author, created_at) VALUES (8, 40, '2026-10-31', '在建', 30, 't', 'x')")
      .run();
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    render(<ProjectPage id={8} />);
    await waitFor(() => expect(siteRows()).toHaveLength(1));
    const remove = () => fireEvent.click(within(sitesSection()).getByRole('button', { name: '删除 青龙镇 大窝社区' }));

    remove(); // declined: nothing changes
    await waitFor(() => expect(confirm).toHaveBeenCalledTimes(1));
    expect(confirm.mock.calls[0]?.[0]).toContain('已有 1 条进度记录，不能删除，将改为归档');
    await waitFor(() => expect(within(sitesSection()).getByRole('button', { name: '删除 青龙镇 大窝社区' }).hasAttribute('disabled')).toBe(false));
    expect(siteRows()).toHaveLength(1);

    remove(); // confirmed: archived
    await waitFor(() => expect(siteRows()).toHaveLength(0));
    expect(status().textContent).toBe('已归档建设点「青龙镇 大窝社区」，可撤销');
    await waitFor(() => expect(undoButton().textContent).toBe('撤销：归档建设点「青龙镇 大窝社区」'));
    fireEvent.click(undoButton());
    await waitFor(() => expect(siteRows()).toHaveLength(1));
  });
});
