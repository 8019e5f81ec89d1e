import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../src/ui/menu-commands';
import { postMenuCommand, useMenuCommands } from '../../src/ui/menu-mailbox';
import { menuTarget } from '../../src/ui/menu-routing';

describe('menu commands', () => {
  it('reach a mounted page at once', () => {
    const seen: MenuCommand[] = [];
    renderHook(() => useMenuCommands((cmd) => (cmd === 'export-annex' ? (seen.push(cmd), true) : false)));
    act(() => postMenuCommand('export-annex'));
    expect(seen).toEqual(['export-annex']);
  });

  it('wait for the page that owns them when it is not mounted yet', () => {
    postMenuCommand('export-gantt');
    const seen: MenuCommand[] = [];
    renderHook(() => useMenuCommands((cmd) => (cmd === 'export-gantt' ? (seen.push(cmd), true) : false)));
    expect(seen).toEqual(['export-gantt']);
    // consumed once, not replayed to the next page
    const again: MenuCommand[] = [];
    renderHook(() => useMenuCommands((cmd) => (again.push(cmd), true)));
    expect(again).toEqual([]);
  });

  it('route print and PDF to the print view', () => {
    expect(menuTarget('export-pdf')).toEqual({ hash: '#/print/gantt?paper=A3&action=pdf', forward: false });
    expect(menuTarget('import-annex')).toEqual({ hash: '#/', forward: true });
  });
});
