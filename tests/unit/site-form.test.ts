import { describe, expect, it } from 'vitest';
import type { UndoableBatch } from '../../src/domain/api/history';
import type { ChangeLogEntry, Place } from '../../src/domain/model';
import { describeChange, isShownChange } from '../../src/ui/project/change-rows';
import { EMPTY_SITE_FORM, formFromSite, siteFormToFields, siteWindowText, townHint, villagesOf } from '../../src/ui/project/site-form';
import { historySiteNames, undoButtonState } from '../../src/ui/project/undo-button';

const project = { startYear: 2022, endYear: 2025 };
const places: Place[] = [
  { id: 1, parentId: null, name: '朱衣镇', kind: '镇' },
  { id: 2, parentId: 1, name: '朱衣社区', kind: '社区' },
  { id: 3, parentId: null, name: '青龙镇', kind: '镇' },
];

describe('site form', () => {
  it('turns text into fields: 万元 to 元, full-width digits, empty years inherit', () => {
    const { fields, issues } = siteFormToFields({ ...EMPTY_SITE_FORM, town: ' 朱衣镇 ', budgetYuan: '１,２００.５', startYear: '2023' }, project);
    expect(issues).toEqual([]);
    expect(fields).toEqual({ town: '朱衣镇', village: '', address: '', scaleText: '', budgetYuan: 12_005_000, startYear: 2023, endYear: null });
  });

  it('names the field of every problem, once', () => {
    const { issues } = siteFormToFields({ ...EMPTY_SITE_FORM, budgetYuan: '-3', startYear: '二〇二三', endYear: '2030' }, project);
    expect(issues).toEqual([
      { field: 'budgetYuan', message: '预算不能为负数' },
      { field: 'startYear', message: '开始年份应为四位年份，收到「二〇二三」（留空则沿用项目年限）' },
      { field: 'town', message: '乡镇（街道）不能为空' },
      { field: 'endYear', message: '结束年份 2030 不在项目建设年限 2022—2025年 内（留空则沿用项目年限）' },
    ]);
  });

  it('round-trips a site and shows its window', () => {
    const site = { id: 5, projectId: 8, seq: 1, town: '朱衣镇', village: '', address: '', scaleText: '', budgetYuan: 1_500_000, startYear: null, endYear: 2024 };
    expect(formFromSite(site).budgetYuan).toBe('150');
    expect(siteFormToFields(formFromSite(site), project).fields).toMatchObject({ budgetYuan: 1_500_000, startYear: null, endYear: 2024 });
    expect(siteWindowText(site, project)).toBe('2022—2024年');
    expect(siteWindowText({ startYear: null, endYear: null }, project)).toBe('2022—2025年（同项目）');
  });

  it('suggests villages of the chosen town and flags a town the gazetteer does not know', () => {
    expect(villagesOf(places, '朱衣镇').map((p) => p.name)).toEqual(['朱衣社区']);
    expect(villagesOf(places, '不存在镇')).toEqual([]);
    expect(townHint(places, '青龙镇')).toBe('');
    expect(townHint(places, '青龙乡')).toContain('地名库中没有');
  });
});

describe('undo button', () => {
  const u: UndoableBatch = { batchId: 'b', label: '撤销：修改 投资估算', at: '', door: 'ui', user: '张三', count: 1, confirm: null, blocked: null };
  it('shows the backend label and adds only the page’s own conditions', () => {
    expect(undoButtonState(null, { busy: false, dirty: false })).toMatchObject({ label: '撤销', disabled: true });
    expect(undoButtonState(u, { busy: false, dirty: false })).toMatchObject({ label: '撤销：修改 投资估算', disabled: false });
    expect(undoButtonState(u, { busy: false, dirty: true }).disabled).toBe(true);
    expect(undoButtonState({ ...u, blocked: '无法撤销：…' }, { busy: false, dirty: false })).toMatchObject({ disabled: true, title: '无法撤销：…' });
  });
});

describe('history rows', () => {
  const entry = (e: Partial<ChangeLogEntry>): ChangeLogEntry => ({
    id: 1,
    at: '',
    user: 'u',
    door: 'ui',
    entity: 'site',
    entityId: 40,
    projectId: 8,
    field: '*',
    oldValue: null,
    newValue: null,
    batchId: 'b',
    undoneBy: null,
    isUndo: false,
    ...e,
  });

  it('reads site rows in Chinese, names removed sites, and hides the gazetteer link', () => {
    const added = entry({ newValue: JSON.stringify({ id: 40, town: '青龙镇', village: '大窝社区', address: '' }) });
    const names = historySiteNames({ sites: [], history: [added] });
    expect(describeChange(added, names)).toEqual({ what: '新增建设点', before: '（无）', after: '青龙镇 大窝社区' });
    const budget = entry({ field: 'budget_yuan', oldValue: null, newValue: '1200000' });
    expect(describeChange(budget, names)).toEqual({ what: '建设点「青龙镇 大窝社区」：预算（万元）', before: '（空）', after: '120 万元' });
    expect(isShownChange(entry({ field: 'place_id' }))).toBe(false);
    const project = entry({ entity: 'project', entityId: 8, field: 'investmentYuan', oldValue: '30000000', newValue: '32005000' });
    expect(describeChange(project, names)).toEqual({ what: '投资估算（万元）', before: '3,000 万元', after: '3,200.5 万元' });
  });
});
