import { describe, expect, it } from 'vitest';
import { batchLabel, nameKey, type LabelRow } from '../../src/backend/history/batch-label';
import { isUndoBatch, undoBatchId } from '../../src/backend/history/batch-id';

const row = (r: Partial<LabelRow>): LabelRow => ({ entity: 'project', entityId: 1, projectId: 1, field: 'name', oldValue: '"a"', newValue: '"b"', ...r });
const names = new Map([
  [nameKey('project', 1), '甲项目'],
  [nameKey('site', 7), '朱衣镇 朱衣社区'],
]);

describe('undo labels', () => {
  it('says what a save did', () => {
    expect(batchLabel({ door: 'ui', source: null, names, rows: [row({ field: 'investmentYuan' })] })).toBe('撤销：修改 投资估算');
    expect(batchLabel({ door: 'ui', source: null, names, rows: [row({ field: '*', oldValue: null, newValue: '{}' })] })).toBe('撤销：新建项目「甲项目」');
    const imported = [row({}), row({ entityId: 2, projectId: 2 }), row({ entity: 'site', entityId: 9, projectId: 3, field: '*', oldValue: null, newValue: '{}' })];
    expect(batchLabel({ door: 'import', source: '附件1.xlsx', names, rows: imported })).toBe('撤销本次导入（附件1.xlsx，3 个项目）');
    const grid = Array.from({ length: 55 }, (_, i) => row({ entity: 'progress', entityId: i + 1, field: '*', oldValue: null, newValue: '{}' }));
    expect(batchLabel({ door: 'ui', source: null, names, rows: grid })).toBe('撤销月度填报（55 条）');
    expect(batchLabel({ door: 'ui', source: null, names, rows: [row({ entity: 'site', entityId: 7, field: 'archived_at', oldValue: null, newValue: '"2026-11-29"' })] })).toBe(
      '撤销：归档建设点「朱衣镇 朱衣社区」',
    );
    expect(batchLabel({ door: 'ui', source: null, names, rows: [row({ entity: 'funding', entityId: 3, field: 'amount_yuan' })] })).toBe('撤销：修改资金记录（1 项）');
  });

  it('keeps the undo prefix in one place', () => {
    expect(undoBatchId('abc')).toBe('undo:abc');
    expect(isUndoBatch(undoBatchId('abc'))).toBe(true);
    expect(isUndoBatch('import:abc')).toBe(false);
  });
});
