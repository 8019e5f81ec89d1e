// The register in jsdom against a real backend: town shares, sites of the town only,
// state kept for the session, Esc clears the search, long texts open on click.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import RegisterPage from '../../src/ui/pages/RegisterPage';
import { REGISTER_ORDER_KEY } from '../../src/ui/register/register-state';
import { useRealBackend } from './helpers/real-backend';

vi.mock('../../src/ui/api-client', () => import('./helpers/real-backend'));

useRealBackend('张三');

beforeEach(() => {
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '#/');
});

const rows = () => screen.queryAllByTestId('project-row');
const seqs = () => rows().map((r) => Number(r.getAttribute('data-seq')));

describe('register page', () => {
  it('a town filter shows 本镇分摊, labels whole projects 涉及项目总投资, and lists only the town’s sites', async () => {
    render(<RegisterPage />);
    await waitFor(() => expect(rows()).toHaveLength(15));
    fireEvent.change(screen.getByRole('combobox', { name: '乡镇（街道）' }), { target: { value: '公平镇' } });
    await waitFor(() => expect(screen.getByTestId('town-share-total')).toBeTruthy());
    const share = screen.getByTestId('town-share-total').textContent ?? '';
    expect(screen.queryByTestId('total-investment')).toBeNull();
    expect(screen.getByTestId('total-investment-whole').textContent).toContain('涉及项目总投资');
    expect(screen.getByTestId('total-investment-whole').textContent).not.toContain(share);
    expect(screen.getByTestId('total-row').textContent).toContain('本镇分摊');
    expect(screen.getByRole('columnheader', { name: /本镇分摊（万元）/ })).toBeTruthy();

    const p10 = rows().find((r) => r.getAttribute('data-seq') === '10');
    if (!p10) throw new Error('project 10 not in 公平镇');
    expect(within(p10).getByTestId('town-share').textContent).toBe('425.4546');
    expect(within(p10).getByTestId('project-investment').textContent).toBe('涉及项目总投资 3,900');
    fireEvent.click(within(p10).getByRole('button', { name: /展开/ }));
    await waitFor(() => expect(screen.getAllByTestId('site-row')).toHaveLength(6));
    for (const site of screen.getAllByTestId('site-row')) {
      expect(site.textContent).toContain('公平镇');
      expect(within(site).getByTestId('site-years').textContent).toMatch(/^2\d{3}.*沿用项目$/);
      expect(within(site).getByTestId('site-money').textContent).not.toBe('');
    }
    // the order the project page's 上一个/下一个 follow (stored after the frame that shows it)
    await waitFor(() => expect(JSON.parse(window.sessionStorage.getItem(REGISTER_ORDER_KEY) ?? '{}').ids).toHaveLength(rows().length));
    expect(window.location.hash).toContain('town=');
  });

  it('keeps filter, sort and expanded rows when it comes back', async () => {
    const first = render(<RegisterPage />);
    await waitFor(() => expect(rows()).toHaveLength(15));
    fireEvent.change(screen.getByRole('combobox', { name: '乡镇（街道）' }), { target: { value: '朱衣镇' } });
    fireEvent.click(screen.getByRole('button', { name: /^投资估算|^本镇分摊/ }));
    const order = seqs();
    const p13 = rows().find((r) => r.getAttribute('data-seq') === '13');
    if (!p13) throw new Error('project 13 not in 朱衣镇');
    fireEvent.click(within(p13).getByRole('button', { name: /展开/ }));
    await waitFor(() => expect(screen.getAllByTestId('site-row').length).toBeGreaterThan(0));
    first.unmount();
    window.history.replaceState(null, '', '#/'); // back by the breadcrumb: no query
    render(<RegisterPage />);
    await waitFor(() => expect(seqs()).toEqual(order));
    expect((screen.getByRole('combobox', { name: '乡镇（街道）' }) as HTMLSelectElement).value).toBe('朱衣镇');
    await waitFor(() => expect(screen.getAllByTestId('site-row').length).toBeGreaterThan(0));
  });

  it('Esc clears the search; a village hit opens the project and highlights its site', async () => {
    render(<RegisterPage />);
    await waitFor(() => expect(rows()).toHaveLength(15));
    const search = screen.getByRole('searchbox', { name: '搜索' });
    fireEvent.change(search, { target: { value: '公墓' } });
    await waitFor(() => expect(rows().length).toBeLessThan(15));
    fireEvent.keyDown(search, { key: 'Escape' });
    await waitFor(() => expect(rows()).toHaveLength(15));
    expect((search as HTMLInputElement).value).toBe('');

    // 光明村 is only in project 4's site list (its 建设地 names the towns)
    fireEvent.change(search, { target: { value: '光明村' } });
    await waitFor(() => expect(seqs()).toContain(4));
    await waitFor(() => expect(document.querySelectorAll('[data-testid="site-row"][data-hit]').length).toBeGreaterThan(0));
    const hits = [...document.querySelectorAll('[data-testid="site-row"][data-hit]')];
    expect(hits.every((h) => h.textContent?.includes('光明村'))).toBe(true);
    const p4 = rows().find((r) => r.getAttribute('data-seq') === '4');
    expect(p4 && within(p4).getByRole('button', { name: /收起/ })).toBeTruthy();
  });

  it('a long 建设地 opens in full on click and closes again', async () => {
    render(<RegisterPage />);
    await waitFor(() => expect(rows()).toHaveLength(15));
    const cell = within(rows().find((r) => r.getAttribute('data-seq') === '10') ?? document.body).getAllByRole('button', { name: /^建设地：/ })[0];
    if (!cell) throw new Error('no 建设地 cell');
    expect(cell.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(cell);
    expect(cell.getAttribute('aria-expanded')).toBe('true');
    expect(cell.querySelector('.clamp')).toBeNull();
  });

  it('the keyboard moves between the rows of the whole (unwindowed) table and opens sites', async () => {
    render(<RegisterPage />);
    await waitFor(() => expect(rows()).toHaveLength(15));
    expect(screen.getByTestId('register-table').getAttribute('aria-rowcount')).toBeNull(); // every row is in the DOM
    const first = rows()[0];
    if (!first) throw new Error('no row');
    expect(rows().filter((r) => r.tabIndex === 0)).toEqual([first]);
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-seq')).toBe('2'));
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'End' });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-seq')).toBe('15'));
    const last = document.activeElement;
    if (!(last instanceof HTMLElement)) throw new Error('no focused row');
    expect(last.tabIndex).toBe(0); // Tab comes back to the row last used
    fireEvent.keyDown(last, { key: 'ArrowRight' });
    await waitFor(() => expect(screen.getAllByTestId('site-row').length).toBeGreaterThan(0));
    fireEvent.keyDown(last, { key: 'ArrowLeft' });
    await waitFor(() => expect(screen.queryAllByTestId('site-row')).toHaveLength(0));
    fireEvent.keyDown(last, { key: 'Home' });
    await waitFor(() => expect(document.activeElement).toBe(first));
  });
});
