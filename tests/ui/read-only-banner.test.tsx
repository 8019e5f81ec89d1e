import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ReadOnlyBanner, { StatusNotices, useReadOnly } from '../../src/ui/components/ReadOnlyBanner';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function EditButton() {
  const readOnly = useReadOnly();
  return <button disabled={readOnly}>保存</button>;
}

describe('ReadOnlyBanner', () => {
  it('says the database is read-only and lists start-up warnings', () => {
    render(<StatusNotices status={{ readOnly: true, dbPath: 'D:\\台账\\tracker.db', warnings: ['今天的自动备份未能完成，程序照常运行。磁盘空间不足'] }} />);
    expect(screen.getByRole('status').textContent).toContain('数据库为只读，无法修改');
    expect(screen.getByRole('status').textContent).toContain('D:\\台账\\tracker.db');
    expect(screen.getByRole('alert').textContent).toContain('磁盘空间不足');
  });

  it('shows nothing for a writable database without warnings', () => {
    const { container } = render(<StatusNotices status={{ readOnly: false, dbPath: 'x.db', warnings: [] }} />);
    expect(container.textContent).toBe('');
  });

  it('tells the pages below it, through useReadOnly, to disable edits', async () => {
    const reply = { ok: true, result: { readOnly: true, warnings: [], dbPath: 'x.db' } };
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(reply), { headers: { 'content-type': 'application/json' } })));
    render(
      <ReadOnlyBanner>
        <EditButton />
      </ReadOnlyBanner>,
    );
    expect(await screen.findByText('数据库为只读，无法修改')).toBeTruthy();
    expect(screen.getByRole('button', { name: '保存' }).hasAttribute('disabled')).toBe(true);
  });
});
