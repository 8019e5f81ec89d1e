import { describe, expect, it } from 'vitest';
import type { Project } from '../../src/domain/model';
import { PROJECT_TEXT_RULES } from '../../src/domain/project-rules';
import { displayValue, fieldMaxLength, formFromProject, formToPatch, isDirty } from '../../src/ui/project/project-form';
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
