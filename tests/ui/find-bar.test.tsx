import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import FindBar from '../../src/ui/components/FindBar';
import { browserFinder, electronFinder, findRanges, type Finder } from '../../src/ui/components/find-in-page';
import type { DesktopShell } from '../../src/domain/desktop-bridge';

afterEach(cleanup);

const ctrlF = () => fireEvent.keyDown(window, { key: 'f', ctrlKey: true });

describe('FindBar', () => {
  it('opens on Ctrl+F on any page, steps through matches with Enter / Shift+Enter, closes on Esc', async () => {
    render(
      <>
        <p>奉节县养老服务中心</p>
        <p>永安街道养老院</p>
        <FindBar finder={browserFinder()} />
      </>,
    );
    expect(screen.queryByRole('search')).toBeNull();
    ctrlF();
    const box = screen.getByRole('searchbox', { name: '在本页查找' });
    expect(document.activeElement).toBe(box);
    fireEvent.change(box, { target: { value: '养老' } });
    await act(async () => fireEvent.keyDown(box, { key: 'Enter' }));
    expect(screen.getByTestId('find-count').textContent).toBe('1/2');
    await act(async () => fireEvent.keyDown(box, { key: 'Enter' }));
    expect(screen.getByTestId('find-count').textContent).toBe('2/2');
    await act(async () => fireEvent.keyDown(box, { key: 'Enter', shiftKey: true }));
    expect(screen.getByTestId('find-count').textContent).toBe('1/2');
    fireEvent.change(box, { target: { value: '殡仪馆' } });
    await act(async () => fireEvent.keyDown(box, { key: 'Enter' }));
    expect(screen.getByTestId('find-count').textContent).toBe('无结果');
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryByRole('search')).toBeNull();
  });

  it('leaves Ctrl+F to the page when disabled (the register focuses its own search box)', () => {
    render(<FindBar disabled />);
    const event = new KeyboardEvent('keydown', { key: 'f', ctrlKey: true, cancelable: true });
    window.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
    expect(screen.queryByRole('search')).toBeNull();
  });

  it('uses the given finder (Electron: the preload), with findNext for the same text', async () => {
    const find = vi.fn<Finder['find']>(async () => ({ matches: 3, active: 1 }));
    render(<FindBar finder={{ find, stop: vi.fn() }} />);
    ctrlF();
    const box = screen.getByRole('searchbox', { name: '在本页查找' });
    fireEvent.change(box, { target: { value: '项目' } });
    await act(async () => fireEvent.keyDown(box, { key: 'Enter' }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '上一个' })));
    expect(find.mock.calls).toEqual([
      ['项目', true, false],
      ['项目', false, true],
    ]);
  });
});

describe('find-in-page', () => {
  it('never matches the find bar itself', () => {
    document.body.innerHTML = '<p>养老</p><div data-find-bar><label>养老</label></div>';
    expect(findRanges(document.body, '养老')).toHaveLength(1);
    document.body.innerHTML = '';
  });

  it('in Electron calls the named preload function and clears on stop', async () => {
    const findInPage = vi.fn<DesktopShell['findInPage']>(async () => ({ ok: true as const, value: { matches: 2, active: 2 } }));
    const finder = electronFinder({ findInPage });
    expect(await finder.find('养老', false, true)).toEqual({ matches: 2, active: 2 });
    finder.stop();
    expect(findInPage.mock.calls).toEqual([['养老', { forward: false, findNext: true }], ['']]);
  });
});
