// A register of 3,000 projects in jsdom, against a real backend on the fixture database: only a
// window of rows is in the DOM, yet the filter, the totals and the keyboard cover every row.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from '@testing-library/react';
import type { RegisterRows } from '../../src/domain/api/register';
import { formatWan } from '../../src/domain/money';
import { openBackend } from '../../src/backend/backend';
import { fixedClock } from '../../src/backend/clock';
import RegisterPage from '../../src/ui/pages/RegisterPage';
import { startRegister } from '../../src/ui/start-register';
import { totalsOf } from '../../src/domain/register-totals';
import { EMPTY_FILTER, matchesFilter } from '../../src/ui/register/register-table';
import { buildRegisterDb, REGISTER_DB_TODAY } from '../fixtures/register-db';
import { state } from './helpers/real-backend';

vi.mock('../../src/ui/api-client', () => import('./helpers/real-backend'));

const N = 3000;
let all: RegisterRows;

beforeAll(async () => {
  const { dbPath } = buildRegisterDb({ projects: N });
  state.backend = openBackend({ dbPath, user: '张三', clock: fixedClock(`${REGISTER_DB_TODAY}T10:00:00`) });
  all = await state.backend.send('register.rows', {});
}, 60_000);

afterAll(() => {
  state.backend?.close();
  state.backend = null;
});

beforeEach(() => {
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '#/');
});
afterEach(cleanup);

const rows = () => screen.queryAllByTestId('project-row');
const seqs = () => rows().map((r) => Number(r.getAttribute('data-seq')));
const table = () => screen.getByTestId('register-table');
const focusedSeq = () => Number(document.activeElement?.getAttribute('data-seq'));

async function openRegister(): Promise<void> {
  render(<RegisterPage />);
  await waitFor(() => expect(rows().length).toBeGreaterThan(0), { timeout: 20_000 });
}

/** Holds back every row (`register.columns`) until `release()`: the page shows its first window meanwhile. */
function holdEveryRow(): { release: () => void; restore: () => void } {
  const backend = state.backend;
  if (!backend) throw new Error('no backend');
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  const call = backend.call.bind(backend);
  const spy = vi.spyOn(backend, 'call').mockImplementation(async (method, input, door) => {
    if (method === 'register.columns') await held;
    return call(method, input, door);
  });
  return {
    release: () => release(),
    restore: () => {
      release();
      spy.mockRestore();
    },
  };
}

describe(`register with ${N} projects`, () => {
  it('draws a window of rows, yet counts and totals every project', async () => {
    await openRegister();
    expect(all.projects).toHaveLength(N);
    expect(rows().length).toBeLessThan(60);
    expect(seqs().slice(0, 3)).toEqual([1, 2, 3]);
    // the header, every project row and the totals row, for assistive technology
    expect(table().getAttribute('aria-rowcount')).toBe(String(N + 2));
    expect(rows()[0]?.getAttribute('aria-rowindex')).toBe('2');
    expect(screen.getByTestId('total-row').getAttribute('aria-rowindex')).toBe(String(N + 2));
    expect(screen.getByTestId('total-row').textContent).toContain(`合计（${N} 个项目，${all.siteCount} 个建设点）`);
    expect(screen.getByTestId('total-investment').textContent).toBe(formatWan(all.totalInvestmentYuan));
  });

  it('scrolling draws the rows at the new position', async () => {
    await openRegister();
    const wrap = table().parentElement;
    if (!wrap) throw new Error('no scroller');
    // jsdom lays nothing out: the rows keep their estimated height (56 px)
    Object.defineProperty(wrap, 'scrollTop', { configurable: true, writable: true, value: 56 * 1500 });
    fireEvent.scroll(wrap);
    await waitFor(() => expect(seqs()).toContain(1500));
    expect(rows().length).toBeLessThan(60);
    expect(seqs()).not.toContain(3); // the rows scrolled away are dropped (the focusable first row stays)
  });

  it('filters every project, not the window, and totals the filtered ones', async () => {
    await openRegister();
    const text = '养老';
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索' }), { target: { value: text } });
    const expected = all.projects.filter((r) => matchesFilter(r, { ...EMPTY_FILTER, text }));
    expect(expected.length).toBeGreaterThan(300); // far more than a window
    await waitFor(() => expect(screen.getByTestId('total-row').textContent).toContain(`筛选合计（${expected.length} 个项目`));
    expect(rows().length).toBeLessThan(60);
    expect(rows().every((r) => r.textContent?.includes(text))).toBe(true);
    expect(screen.getByTestId('total-investment').textContent).toBe(formatWan(totalsOf(expected).investmentYuan));
    expect(table().getAttribute('aria-rowcount')).toBe(String(expected.length + 2));

    fireEvent.change(screen.getByRole('combobox', { name: '类别' }), { target: { value: '殡葬' } });
    await waitFor(() => expect(screen.getByTestId('total-row').textContent).toContain('筛选合计（0 个项目'));
    expect(screen.getByText('没有符合条件的项目')).toBeTruthy();
  });

  it('moves the focus between rows with the keyboard, scrolling the window', async () => {
    await openRegister();
    const first = rows()[0];
    if (!first) throw new Error('no row');
    expect(first.tabIndex).toBe(0); // the one row Tab reaches
    expect(rows().slice(1).every((r) => r.tabIndex === -1)).toBe(true);
    act(() => first.focus());
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    await waitFor(() => expect(focusedSeq()).toBe(2));
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'End' });
    await waitFor(() => expect(focusedSeq()).toBe(N));
    expect(document.activeElement?.getAttribute('aria-rowindex')).toBe(String(N + 1));
    expect(seqs()).not.toContain(2);
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'ArrowUp' });
    await waitFor(() => expect(focusedSeq()).toBe(N - 1));
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Home' });
    await waitFor(() => expect(focusedSeq()).toBe(1));
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'PageDown' });
    await waitFor(() => expect(focusedSeq()).toBeGreaterThan(5));

    // → opens the focused project's sites, ← closes them
    const row = document.activeElement;
    if (!(row instanceof HTMLElement)) throw new Error('no focused row');
    const seq = focusedSeq();
    fireEvent.keyDown(row, { key: 'ArrowRight' });
    await waitFor(() => expect(within(row).getByRole('button', { name: /^收起/ }).getAttribute('aria-expanded')).toBe('true'));
    const project = all.projects.find((p) => p.seq === seq);
    await waitFor(() => expect(screen.getAllByTestId('site-row')).toHaveLength(project?.siteCount ?? -1));
    // the open project's site rows count in aria-rowcount and are numbered after it
    expect(table().getAttribute('aria-rowcount')).toBe(String(N + 2 + (project?.siteCount ?? 0)));
    expect(screen.getAllByTestId('site-row')[0]?.getAttribute('aria-rowindex')).toBe(String(Number(row.getAttribute('aria-rowindex')) + 1));
    fireEvent.keyDown(row, { key: 'ArrowLeft' });
    await waitFor(() => expect(screen.queryAllByTestId('site-row')).toHaveLength(0));
    expect(document.activeElement).toBe(row);
  });

  it('opens on the first window and the whole plan\'s totals, and a search typed before every row is here applies when they come', async () => {
    const { release, restore } = holdEveryRow();
    try {
      startRegister('#/');
      render(<RegisterPage />);
      await waitFor(() => expect(rows().length).toBeGreaterThan(0));
      expect(seqs().slice(0, 3)).toEqual([1, 2, 3]);
      expect(screen.getByTestId('register-loading').textContent).toContain(`正在加载全部 ${N} 个项目`);
      expect(screen.getByTestId('total-row').textContent).toContain(`合计（${N} 个项目，${all.siteCount} 个建设点）`);
      expect(screen.getByTestId('total-investment').textContent).toBe(formatWan(all.totalInvestmentYuan));
      expect(table().getAttribute('aria-rowcount')).toBe(String(N + 2));
      const red = all.projects.filter((r) => r.facts.light === 'red').length;
      expect(screen.getByRole('option', { name: `滞后（${red}）` })).toBeTruthy();

      // typed at once: kept in the box, applied when every row is here
      const text = '养老';
      const box = screen.getByRole('searchbox', { name: '搜索' });
      fireEvent.change(box, { target: { value: text } });
      expect(box).toHaveProperty('value', text);
      expect(screen.getByTestId('register-loading').textContent).toContain('筛选和排序将在加载完成后生效');
      release();
      const expected = all.projects.filter((r) => matchesFilter(r, { ...EMPTY_FILTER, text }));
      await waitFor(() => expect(screen.getByTestId('total-row').textContent).toContain(`筛选合计（${expected.length} 个项目`));
      expect(screen.queryByTestId('register-loading')).toBeNull();
      expect(rows().every((r) => r.textContent?.includes(text))).toBe(true);
    } finally {
      restore();
    }
  });

  it('a scroll made while every row is still coming stays where it is when they come', async () => {
    const { release, restore } = holdEveryRow();
    try {
      startRegister('#/');
      render(<RegisterPage />);
      await waitFor(() => expect(rows().length).toBeGreaterThan(0));
      const wrap = table().parentElement;
      if (!wrap) throw new Error('no scroller');
      // jsdom lays nothing out: the rows keep their estimated height (56 px)
      Object.defineProperty(wrap, 'scrollTop', { configurable: true, writable: true, value: 56 * 1500 });
      fireEvent.scroll(wrap);
      expect(seqs()).not.toContain(1500); // not here yet: empty space of the rows' height
      release();
      await waitFor(() => expect(screen.queryByTestId('register-loading')).toBeNull());
      await waitFor(() => expect(seqs()).toContain(1500));
      expect(wrap.scrollTop).toBe(56 * 1500);
    } finally {
      restore();
    }
  });
});
