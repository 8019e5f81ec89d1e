// Issue 10, item 14: the import dialog is modal for the keyboard, the chooser no longer
// offers .xls/.csv, an .xls is explained in words, and the notice after an import is short.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src/domain/api/errors';
import type { AnnexImportPreview, ImportResult } from '../../src/domain/api/xlsx';
import ImportDialog from '../../src/ui/components/ImportDialog';

const mocks = vi.hoisted(() => ({ send: vi.fn(), openFile: vi.fn() }));
vi.mock('../../src/ui/api-client', () => ({ send: mocks.send }));
vi.mock('../../src/ui/shell', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/ui/shell')>()),
  shell: { openFile: mocks.openFile, saveFile: vi.fn(), printPdf: vi.fn() },
}));
const { default: XlsxToolbar } = await import('../../src/ui/components/XlsxToolbar');

afterEach(() => {
  cleanup();
  mocks.send.mockReset();
  mocks.openFile.mockReset();
});

const preview: AnnexImportPreview = {
  kind: 'annex',
  token: 't',
  writes: 1,
  fileName: '附件1.xlsx',
  sheet: '附件1',
  planTitle: '某县规划',
  planId: 1,
  added: [{ seq: 2, name: '乙项目' }],
  changed: [],
  unchanged: [{ seq: 1, name: '甲项目' }],
  sites: { added: [], archived: [] },
  warnings: [],
};

describe('ImportDialog keyboard', () => {
  it('keeps Tab and Shift+Tab inside the dialog', () => {
    render(
      <>
        <button type="button">页面上的按钮</button>
        <ImportDialog state={{ kind: 'preview', preview }} onApply={() => {}} onClose={() => {}} />
      </>,
    );
    const cancel = screen.getByRole('button', { name: '取消' });
    const apply = screen.getByRole('button', { name: '应用（写入 1 项）' });
    const summary = screen.getByText('不变（1 项）');
    // focus starts on the dialog itself; Shift+Tab wraps to the last control, not the page
    fireEvent.keyDown(document, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(apply);
    fireEvent.keyDown(document, { key: 'Tab' });
    expect(document.activeElement).toBe(summary);
    apply.focus();
    fireEvent.keyDown(document, { key: 'Tab' });
    expect(document.activeElement).toBe(summary);
    // focus that escaped (a click behind the backdrop) is brought back in
    screen.getByRole('button', { name: '页面上的按钮' }).focus();
    fireEvent.keyDown(document, { key: 'Tab' });
    expect(document.activeElement).toBe(summary);
    expect(cancel).toBeTruthy();
  });

  it('says in words that an .xls must be saved as .xlsx first', () => {
    const error = new ApiError('bad_file', '旧版.xls：不能导入');
    render(<ImportDialog state={{ kind: 'error', error, fileName: '旧版.xls' }} onApply={() => {}} onClose={() => {}} />);
    expect(screen.getByTestId('import-save-as-xlsx').textContent).toContain('另存为” Excel 工作簿（.xlsx）');
  });
});

describe('XlsxToolbar', () => {
  it('offers only .xlsx/.xlsm in the chooser and says so next to the button', async () => {
    mocks.openFile.mockResolvedValue(null);
    render(<XlsxToolbar />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '导入附件1…' })));
    expect(mocks.openFile).toHaveBeenCalledWith('.xlsx,.xlsm');
    const button = screen.getByRole('button', { name: '导入附件1…' });
    const hint = document.getElementById(button.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toContain('.xls 请先在 Excel/WPS 中另存为 .xlsx');
  });

  it('after an import shows a short summary; the backup path only in a tooltip and behind 详情', async () => {
    const result: ImportResult = {
      kind: 'annex',
      batchId: 'b1',
      planId: 1,
      added: 1,
      changed: 0,
      unchanged: 1,
      backupPath: '/home/user/.config/tracker/backups/tracker-2026-11-29T10-00-00.sqlite',
      summary: '新增 1 项，修改 0 项，不变 1 项。',
      warnings: [],
    };
    mocks.openFile.mockResolvedValue({ fileName: '附件1.xlsx', base64: 'UEs=' });
    mocks.send.mockImplementation(async (method: string) => {
      if (method === 'xlsx.importPreview') return preview;
      if (method === 'xlsx.importApply') return result;
      return null;
    });
    render(<XlsxToolbar />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '导入附件1…' })));
    await act(async () => fireEvent.click(await screen.findByRole('button', { name: '应用（写入 1 项）' })));
    const notice = await screen.findByTestId('xlsx-notice');
    expect(notice.textContent).toContain('已导入 附件1.xlsx：新增 1 项');
    expect(notice.textContent).not.toContain('backups');
    expect(notice.querySelector('[title]')?.getAttribute('title')).toContain(result.backupPath);
    fireEvent.click(screen.getByRole('button', { name: '详情' }));
    expect(screen.getByTestId('xlsx-notice-detail').textContent).toContain(`导入前的数据已备份到 ${result.backupPath}`);
  });
});
