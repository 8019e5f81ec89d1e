import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src/domain/api/errors';
import type { AnnexImportPreview, SectionedImportPreview } from '../../src/domain/api/xlsx';
import ImportDialog from '../../src/ui/components/ImportDialog';

afterEach(cleanup);

const preview: AnnexImportPreview = {
  kind: 'annex',
  token: 't',
  writes: 2,
  fileName: '附件1.xlsx',
  sheet: '附件1',
  planTitle: '某县“十五五”规划',
  planId: null,
  added: [{ seq: 2, name: '乙项目' }],
  changed: [
    {
      seq: 1,
      name: '甲项目',
      changes: [{ field: 'investmentYuan', label: '投资估算（万元）', oldValue: '100 万元', newValue: '120 万元' }],
    },
  ],
  unchanged: [{ seq: 3, name: '丙项目' }],
  sites: { added: [], archived: [] },
  warnings: [{ file: '附件1.xlsx', sheet: '附件1', row: 9, column: 'G', message: '合计行为 300 万元，而各行相加为 320 万元' }],
};

describe('ImportDialog', () => {
  it('shows added, changed field by field, unchanged and warnings; 应用 applies', () => {
    const onApply = vi.fn();
    render(<ImportDialog state={{ kind: 'preview', preview }} onApply={onApply} onClose={() => {}} />);
    expect(screen.getByRole('dialog', { name: /导入附件1：附件1.xlsx/ })).toBeTruthy();
    expect(screen.getByTestId('import-target').textContent).toContain('新建规划「某县“十五五”规划」');
    expect(screen.getByTestId('import-counts').textContent).toBe('新增 1 项 · 修改 1 项 · 不变 1 项');
    expect(screen.getByTestId('import-added').textContent).toContain('2. 乙项目');
    const row = screen.getByRole('row', { name: /投资估算/ });
    expect(row.textContent).toBe('投资估算（万元）100 万元120 万元');
    expect(screen.getByRole('note').textContent).toContain('文件 附件1.xlsx，工作表「附件1」，第 9 行，G 列：合计行为 300 万元');
    fireEvent.click(screen.getByRole('button', { name: '应用（写入 2 项）' }));
    expect(onApply).toHaveBeenCalledOnce();
  });

  it('Esc closes a preview or an error, but not a running import', () => {
    const onClose = vi.fn();
    const { rerender } = render(<ImportDialog state={{ kind: 'preview', preview }} onApply={() => {}} onClose={onClose} />);
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    rerender(<ImportDialog state={{ kind: 'working', stage: '正在备份数据库并写入…', fileName: 'a.xlsx' }} onApply={() => {}} onClose={onClose} />);
    expect(screen.getByText('正在备份数据库并写入…')).toBeTruthy();
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    const error = new ApiError('bad_file', 'a.xlsx：发现 2 处问题，未导入任何数据。', [
      { file: 'a.xlsx', sheet: '附件1', row: 3, column: 'G', message: '投资估算应为数字，读到“约300”。' },
      { file: 'a.xlsx', sheet: '附件1', row: 4, column: 'H', message: '结束年份 2023 早于开始年份 2025' },
    ]);
    rerender(<ImportDialog state={{ kind: 'error', error, fileName: 'a.xlsx' }} onApply={() => {}} onClose={onClose} />);
    const alert = screen.getByTestId('import-error');
    expect(alert.textContent).toContain('第 3 行，G 列：投资估算应为数字');
    expect(alert.textContent).toContain('第 4 行，H 列：结束年份 2023 早于开始年份 2025');
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('offers nothing to apply when the file changes nothing', () => {
    render(
      <ImportDialog
        state={{ kind: 'preview', preview: { ...preview, added: [], changed: [], warnings: [], writes: 0 } }}
        onApply={() => {}}
        onClose={() => {}}
      />,
    );
    expect((screen.getByRole('button', { name: '没有需要写入的变化' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the site changes a new 项目建设地 brings', () => {
    const withSites: AnnexImportPreview = {
      ...preview,
      sites: {
        added: [{ projectSeq: 1, projectName: '甲项目', site: '乙镇 / 丙村' }],
        archived: [{ projectSeq: 1, projectName: '甲项目', site: '甲镇' }],
      },
    };
    render(<ImportDialog state={{ kind: 'preview', preview: withSites }} onApply={() => {}} onClose={() => {}} />);
    expect(screen.getByTestId('import-sites-added').textContent).toBe('1. 甲项目：乙镇 / 丙村');
    expect(screen.getByTestId('import-sites-archived').textContent).toBe('1. 甲项目：甲镇');
  });

  it('renders a 进度月报 preview as its sections', () => {
    const sectioned: SectionedImportPreview = {
      kind: 'progress',
      token: 't',
      fileName: '进度月报.xlsx',
      sheet: '进度月报',
      writes: 1,
      warnings: [],
      planId: 1,
      target: '规划「某规划」2026年5月',
      sections: [
        { key: 'added', label: '新增进度记录', items: [{ key: 'p1', title: '1. 甲项目', changes: [{ field: 'percent', label: '形象进度（%）', oldValue: '20', newValue: '35' }] }] },
        { key: 'unchanged', label: '不变', items: [{ key: 'p2', title: '2. 乙项目', changes: [] }] },
      ],
    };
    render(<ImportDialog state={{ kind: 'preview', preview: sectioned }} onApply={() => {}} onClose={() => {}} />);
    expect(screen.getByRole('dialog', { name: /导入进度月报：进度月报.xlsx/ })).toBeTruthy();
    expect(screen.getByTestId('import-counts').textContent).toBe('新增进度记录 1 项 · 不变 1 项');
    expect(screen.getByTestId('import-section-added').textContent).toContain('形象进度（%）2035');
    expect(screen.getByRole('button', { name: '应用（写入 1 项）' })).toBeTruthy();
  });

  it('shows the real percentage while working', () => {
    render(
      <ImportDialog state={{ kind: 'working', stage: '读取工作簿', fileName: 'a.xlsx', percent: 42.4 }} onApply={() => {}} onClose={() => {}} />,
    );
    const bar = screen.getByTestId('import-progress') as HTMLProgressElement;
    expect(bar.value).toBe(42.4);
    expect(screen.getByText(/读取工作簿/).textContent).toContain('42%');
  });
});
