import { describe, expect, it } from 'vitest';
import type { Project } from '../../src/domain/model';
import { PROJECT_TEXT_RULES } from '../../src/domain/project-rules';
import { displayValue, fieldMaxLength, firstInvalidField, formFromProject, formToPatch, isDirty } from '../../src/ui/project/project-form';
import { categoryOptions, resolveNewCategory } from '../../src/ui/project/category-choice';
import { neighbours, readRegisterOrder } from '../../src/ui/project/project-nav';
import { REGISTER_ORDER_KEY } from '../../src/ui/register/register-state';
import { parseRoute } from '../../src/ui/router';

const project: Project = {
  id: 1, planId: 1, seq: 1, seqPrinted: null, name: '奉节县朱衣社会福利院建设项目', category: '养老', nature: '新建',
  owner: '奉节县民政局', locationText: '朱衣镇', scaleText: '', metrics: {}, investmentYuan: 66_250_000, startYear: 2023,
  endYear: 2025, startDate: null, endDate: null, remark: '重大前期', responsibleUnit: '', leader: '', note: '',
};

describe('project form', () => {
  it('round-trips a project, money in 万元', () => {
    const form = formFromProject(project);
    expect(form.investmentYuan).toBe('6625');
    const { patch, issues } = formToPatch(form);
    expect(issues).toEqual([]);
    expect(patch).toMatchObject({ investmentYuan: 66_250_000, startYear: 2023, endYear: 2025, startDate: null, nature: '新建' });
    expect(isDirty(form, formFromProject(project))).toBe(false);
  });

  it('accepts full-width digits and thousands separators', () => {
    const { patch, issues } = formToPatch({ ...formFromProject(project), investmentYuan: '６,６２５.５', startYear: '２０２３' });
    expect(issues).toEqual([]);
    expect(patch.investmentYuan).toBe(66_255_000);
    expect(patch.startYear).toBe(2023);
  });

  it('names each bad field', () => {
    const { issues } = formToPatch({ ...formFromProject(project), investmentYuan: '六千', endYear: '2025年', name: ' ' });
    expect(issues.map((i) => i.field)).toEqual(['endYear', 'investmentYuan', 'name']);
    expect(issues[1]?.message).toContain('投资估算应为数字');
    expect(formToPatch({ ...formFromProject(project), investmentYuan: '-1' }).issues[0]?.message).toBe('投资估算不能为负数');
  });

  it('shows logged values as people read them', () => {
    expect(displayValue({ field: 'investmentYuan' }, '70000000')).toBe('7,000 万元');
    expect(displayValue({ field: 'leader' }, '""')).toBe('（空）');
    expect(displayValue({ field: 'leader' }, null)).toBe('（空）');
    expect(displayValue({ field: 'name' }, '"新名"')).toBe('新名');
  });
});

describe('project form limits', () => {
  it('gives each text input the backend’s limit, and numbers none', () => {
    expect(fieldMaxLength('name')).toBe(PROJECT_TEXT_RULES.name.max);
    expect(fieldMaxLength('note')).toBe(4000);
    expect(fieldMaxLength('leader')).toBe(PROJECT_TEXT_RULES.leader.max);
    expect(fieldMaxLength('seq')).toBeUndefined();
    expect(fieldMaxLength('investmentYuan')).toBeUndefined();
    expect(fieldMaxLength('endDate')).toBeUndefined();
  });
});

describe('hash routes', () => {
  it('parses every page', () => {
    expect(parseRoute('')).toEqual({ page: 'register' });
    expect(parseRoute('#/')).toEqual({ page: 'register' });
    expect(parseRoute('#/project/12')).toEqual({ page: 'project', id: 12 });
    expect(parseRoute('#/gantt')).toEqual({ page: 'gantt' });
    const print = parseRoute('#/print/gantt?paper=A4&range=year:2024');
    expect(print.page).toBe('printGantt');
    if (print.page === 'printGantt') expect(print.params.get('paper')).toBe('A4');
    expect(parseRoute('#/nowhere').page).toBe('notFound');
  });
});

describe('first invalid field (Ctrl+S scrolls to it)', () => {
  it('picks the earliest field in the form, whatever the issues order', () => {
    expect(firstInvalidField([{ field: 'investmentYuan', message: 'x' }, { field: 'seq', message: 'y' }])).toBe('seq');
    expect(firstInvalidField([{ field: 'endDate', message: 'x' }, { message: 'no field' }])).toBe('endDate');
    expect(firstInvalidField([{ message: 'no field' }])).toBeNull();
  });
  it('finds the bad field of a real form', () => {
    const { issues } = formToPatch({ ...formFromProject(project), investmentYuan: 'abc', name: '' });
    expect(firstInvalidField(issues)).toBe('name');
  });
});

describe('类别 choice', () => {
  it('offers the plan’s categories, then the app’s, then the current value, once each', () => {
    expect(categoryOptions(['养老', '殡葬'], ['养老', '儿童福利'], '养老')).toEqual(['养老', '殡葬', '儿童福利']);
    expect(categoryOptions(['养老'], [], '其他')).toEqual(['养老', '其他']);
  });
  it('matches a typed name to an existing category instead of creating a near-duplicate', () => {
    expect(resolveNewCategory(' 养 老 ', ['养老', '殡葬'])).toEqual({ kind: 'existing', name: '养老' });
  });
  it('asks to confirm a really new category, naming the existing ones', () => {
    const r = resolveNewCategory('养老服务', ['养老', '殡葬']);
    expect(r.kind).toBe('new');
    if (r.kind === 'new') {
      expect(r.name).toBe('养老服务');
      expect(r.confirm).toContain('「养老服务」不是本计划已有的类别（养老、殡葬）');
    }
  });
  it('treats an empty or cancelled prompt as no change, and refuses an over-long name', () => {
    expect(resolveNewCategory(null, ['养老'])).toEqual({ kind: 'cancelled' });
    expect(resolveNewCategory('  ', ['养老'])).toEqual({ kind: 'cancelled' });
    expect(resolveNewCategory('类'.repeat(PROJECT_TEXT_RULES.category.max + 1), ['养老']).kind).toBe('invalid');
  });
});

describe('上一个 / 下一个', () => {
  const plan = [
    { id: 3, seq: 3 },
    { id: 1, seq: 1 },
    { id: 2, seq: 2 },
  ];
  const store = (v: unknown) => ({ getItem: (k: string) => (k === REGISTER_ORDER_KEY ? JSON.stringify(v) : null) });

  it('follows the register’s filtered, sorted order', () => {
    const order = readRegisterOrder(store({ planId: 1, ids: [3, 1] }), 1);
    expect(order).toEqual([3, 1]);
    expect(neighbours(3, order, plan)).toEqual({ prev: null, next: 1, position: { index: 1, count: 2 } });
    expect(neighbours(1, order, plan)).toEqual({ prev: 3, next: null, position: { index: 2, count: 2 } });
  });
  it('falls back to 序号 order without a register order, for another plan, or when the filter left the project out', () => {
    expect(readRegisterOrder(store(null), 1)).toBeNull();
    expect(readRegisterOrder(store({ planId: 2, ids: [3, 1] }), 1)).toBeNull();
    expect(readRegisterOrder({ getItem: () => '{bad json' }, 1)).toBeNull();
    expect(neighbours(2, null, plan)).toEqual({ prev: 1, next: 3, position: { index: 2, count: 3 } });
    expect(neighbours(2, [3, 1], plan)).toEqual({ prev: 1, next: 3, position: { index: 2, count: 3 } });
  });
  it('accepts the order of the register opened without ?plan=', () => {
    expect(readRegisterOrder(store({ planId: null, ids: [2, 1] }), 1)).toEqual([2, 1]);
  });
});

describe('planned dates typed the Chinese way', () => {
  it('are read like the date input reads them, even when saved before the field is left', async () => {
    const { formToPatch, formFromProject } = await import('../../src/ui/project/project-form');
    const { openTempBackend } = await import('./helpers/temp-db');
    const backend = openTempBackend();
    try {
      const p = (await backend.send('register.get', {})).projects[0];
      if (!p) throw new Error('seed');
      const r = formToPatch({ ...formFromProject(p), startDate: `${p.startYear}/3/1`, endDate: '明年三月' });
      expect(r.patch.startDate).toBe(`${p.startYear}-03-01`);
      expect(r.issues.map((i) => i.field)).toEqual(['endDate']);
    } finally {
      backend.close();
    }
  });
});
