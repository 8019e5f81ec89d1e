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
    expect(menuTarget('export-pdf')).toEqual({ hash: '#/print/gantt?paper=A3&range=plan&action=pdf', forward: false });
    // the paper and range last chosen on the Gantt page
    expect(menuTarget('print', { paper: 'A4', range: 'year:2024' }).hash).toBe('#/print/gantt?paper=A4&range=year%3A2024&action=print');
    expect(menuTarget('import-annex')).toEqual({ hash: '#/', forward: true });
  });
});

describe('print choice', () => {
  it('is remembered, and bad stored values fall back to the defaults', async () => {
    const { loadPrintChoice, savePrintChoice, DEFAULT_PRINT_CHOICE } = await import('../../src/ui/print-choice');
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(loadPrintChoice(storage)).toEqual(DEFAULT_PRINT_CHOICE);
    savePrintChoice({ paper: 'A4', range: 'year:2023' }, storage);
    expect(loadPrintChoice(storage)).toEqual({ paper: 'A4', range: 'year:2023' });
    store.set('tracker.printChoice', '{not json');
    expect(loadPrintChoice(storage)).toEqual(DEFAULT_PRINT_CHOICE);
  });
});
