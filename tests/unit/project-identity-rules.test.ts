// One project per 序号 and per name (blanks ignored) in a plan, refused at the field by
// project.update and by the annex import through the same rule (domain/project-identity.ts);
// the planned window's dates inside the years; old data that breaks today's rules does not
// block edits of other fields; a plan title taken from a file name is made acceptable.
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/backend/backend';
import { listProjects } from '../../src/backend/repositories/projects-repo';
import { saveProjectPatch } from '../../src/backend/services/project-service';
import { buildAnnexWorkbook, workbookBuffer } from '../../src/backend/xlsx/annex-export';
import { ApiError, type Issue } from '../../src/domain/api/errors';
import type { Project } from '../../src/domain/model';
import { identityClash, identityIndex, projectIdentityIssues, projectNameKey } from '../../src/domain/project-identity';
import { projectEditIssues } from '../../src/domain/project-rules';
import { EXTRA_SHEET_NAME } from '../../src/domain/xlsx/annex-columns';
import { openTempBackend } from './helpers/temp-db';

let backend: Backend | null = null;
function open(opts: { seed?: boolean } = {}): Backend {
  backend = openTempBackend({ user: '张三', ...opts });
  return backend;
}
afterEach(() => {
  backend?.close();
  backend = null;
});

/** the refusal's issues, or a failure when it was not refused */
async function refused(p: Promise<unknown>, code = 'invalid'): Promise<Issue[]> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ApiError);
  if (!(e instanceof ApiError)) throw new Error('not refused');
  expect(e.code).toBe(code);
  return e.issues;
}

const projects = (b: Backend): Project[] => listProjects(b.db, 1);
const changeRows = (b: Backend): number => (b.db.prepare('SELECT COUNT(*) AS n FROM change_log').get() as { n: number }).n;

describe('the identity rule', () => {
  it('compares names with blanks and invisible characters removed', () => {
    expect(projectNameKey('朱衣 养老院')).toBe(projectNameKey('朱衣养老院'));
    expect(projectNameKey('朱衣\u3000养老\u200B院')).toBe('朱衣养老院');
    const index = identityIndex([{ seq: 1, name: '朱衣养老院' }]);
    expect(identityClash(index, { seq: 2, name: ' 朱衣 养老院' }).name?.seq).toBe(1);
    expect(identityClash(index, { seq: 1, name: '别的' }).seq?.name).toBe('朱衣养老院');
    // a 序号 that is no 序号 and a blank name identify nothing (their own rules refuse them)
    expect(identityClash(identityIndex([{ seq: 0, name: ' ' }]), { seq: 0, name: '' })).toEqual({});
  });

  it('checks only the fields that change', () => {
    const plan = [
      { id: 1, seq: 1, name: '甲' },
      { id: 2, seq: 1, name: '乙' },
    ];
    expect(projectIdentityIssues(2, { seq: 1, name: '乙' }, { seq: false, name: true }, plan)).toEqual([]);
    expect(projectIdentityIssues(2, { seq: 1, name: '乙' }, { seq: true, name: false }, plan)).toEqual([{ field: 'seq', message: '序号 1 已被「甲」使用' }]);
  });
});

describe('project.update refuses a second project with the same 序号 or name', () => {
  it('序号 1 on project 10', async () => {
    const b = open();
    const [p1, , , , , , , , , p10] = projects(b);
    const before = changeRows(b);
    const issues = await refused(b.send('project.update', { id: p10?.id ?? 0, patch: { seq: 1 } }));
    expect(issues).toEqual([{ field: 'seq', message: `序号 1 已被「${p1?.name}」使用` }]);
    expect(projects(b).map((p) => p.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(changeRows(b)).toBe(before);
  });

  it('the name of another project, also when it differs only by spaces', async () => {
    const b = open();
    const [p1, p2] = projects(b);
    if (!p1 || !p2) throw new Error('seed missing');
    const same = await refused(b.send('project.update', { id: p2.id, patch: { name: p1.name } }));
    expect(same).toEqual([{ field: 'name', message: `项目名称「${p1.name}」已被序号 1 的项目使用` }]);
    const spaced = `${p1.name.slice(0, 3)} ${p1.name.slice(3, 6)}\u3000${p1.name.slice(6)}`;
    const spacedIssues = await refused(b.send('project.update', { id: p2.id, patch: { name: spaced } }));
    expect(spacedIssues[0]?.field).toBe('name');
    expect(spacedIssues[0]?.message).toContain('只差空格');
    expect(projects(b)[1]?.name).toBe(p2.name);
    // its own name with other spaces is no clash
    const own = `${p1.name.slice(0, 4)} ${p1.name.slice(4)}`;
    expect((await b.send('project.update', { id: p1.id, patch: { name: own } })).project.name).toBe(own);
  });

  it('a free 序号 and a new name are saved', async () => {
    const b = open();
    const p10 = projects(b)[9];
    const saved = await b.send('project.update', { id: p10?.id ?? 0, patch: { seq: 16, name: '新的名称' } });
    expect(saved.project).toMatchObject({ seq: 16, name: '新的名称' });
  });

  it('clashes already in old data do not block other edits, and are not made worse', async () => {
    const b = open();
    const [p1, p2, p3] = projects(b);
    b.db.prepare('UPDATE project SET seq = 1 WHERE id = ?').run(p2?.id);
    expect((await b.send('project.update', { id: p2?.id ?? 0, patch: { leader: '李四' } })).project.leader).toBe('李四');
    const issues = await refused(b.send('project.update', { id: p3?.id ?? 0, patch: { seq: 1 } }));
    expect(issues.map((i) => i.field)).toEqual(['seq']);
    expect(issues[0]?.message).toBe(`序号 1 已被「${p1?.name}」使用`);
  });

  it('undo swaps two 序号 back, and refuses to bring back a 序号 someone took since', async () => {
    const b = open();
    const ctx = b.ctxFor('ui');
    const [p1, p2] = projects(b);
    const id1 = p1?.id ?? 0;
    const id2 = p2?.id ?? 0;
    // one batch that swaps 1 and 2 (through a free 序号)
    saveProjectPatch(ctx, id1, { seq: 99 }, 'swap');
    saveProjectPatch(ctx, id2, { seq: 1 }, 'swap');
    saveProjectPatch(ctx, id1, { seq: 2 }, 'swap');
    await b.send('history.undo', { batchId: 'swap' });
    expect(projects(b).slice(0, 2).map((p) => [p.id, p.seq])).toEqual([
      [id1, 1],
      [id2, 2],
    ]);

    saveProjectPatch(ctx, id1, { seq: 16 }, 'move');
    saveProjectPatch(ctx, id2, { seq: 1 }, 'take');
    const issues = await refused(b.send('history.undo', { batchId: 'move' }), 'conflict');
    expect(issues).toEqual([{ field: 'seq', message: `序号 1 已被「${p2?.name}」使用` }]);
    expect(projects(b).find((p) => p.id === id1)?.seq).toBe(16);
  });
});

describe('the planned window', () => {
  const p = { name: '甲', category: '养老', owner: '', locationText: '', scaleText: '', remark: '', responsibleUnit: '', leader: '', note: '', seqPrinted: null };
  const base = { ...p, investmentYuan: 0, startYear: 2026, endYear: 2028, startDate: null, endDate: null };

  it('refuses an end date outside the years or before the start date, at the field', async () => {
    expect(projectEditIssues(base, { endDate: '2029-01-01' })).toEqual([{ field: 'endDate', message: '结束日期 2029-01-01 不在建设年限 2026—2028年 内' }]);
    expect(projectEditIssues(base, { endDate: '2025-12-31' })[0]?.field).toBe('endDate');
    expect(projectEditIssues(base, { startDate: '2030-01-01' })[0]).toEqual({ field: 'startDate', message: '开始日期 2030-01-01 不在建设年限 2026—2028年 内' });
    expect(projectEditIssues(base, { startDate: '2027-05-01', endDate: '2027-04-30' })).toEqual([{ field: 'endDate', message: '结束日期 2027-04-30 早于开始日期 2027-05-01' }]);
    expect(projectEditIssues(base, { startDate: '2026-01-01', endDate: '2028-12-31' })).toEqual([]);
    // shortening the years checks the dates already there
    expect(projectEditIssues({ ...base, endDate: '2028-06-30' }, { endYear: 2027 })[0]?.field).toBe('endDate');

    const b = open();
    const p1 = projects(b)[0];
    const issues = await refused(b.send('project.update', { id: p1?.id ?? 0, patch: { endDate: `${(p1?.endYear ?? 0) + 1}-01-01` } }));
    expect(issues.map((i) => i.field)).toEqual(['endDate']);
    expect(issues[0]?.message).toContain('不在建设年限');
  });
});

describe('old data does not block edits of other fields', () => {
  it('an over-long or multi-line value, or a date outside the years, already saved', async () => {
    const b = open();
    const p1 = projects(b)[0];
    const id = p1?.id ?? 0;
    b.db
      .prepare('UPDATE project SET note = ?, leader = ?, end_date = ? WHERE id = ?')
      .run('旧'.repeat(5000), '张三\n李四', `${(p1?.endYear ?? 0) + 3}-01-01`, id);
    const saved = await b.send('project.update', { id, patch: { owner: '县民政局', investmentYuan: 1 } });
    expect(saved.project).toMatchObject({ owner: '县民政局', investmentYuan: 1, note: '旧'.repeat(5000) });
    // the changed field's own rules still apply
    const issues = await refused(b.send('project.update', { id, patch: { remark: '备'.repeat(101) } }));
    expect(issues.map((i) => i.field)).toEqual(['remark']);
    // a change to the window checks the window as it would be
    const window = await refused(b.send('project.update', { id, patch: { endYear: (p1?.endYear ?? 0) + 1 } }));
    expect(window.map((i) => i.field)).toEqual(['endDate']);
  });

  it('in an annex import that changes something else', async () => {
    const b = open();
    const p1 = projects(b)[0];
    b.db.prepare('UPDATE project SET note = ? WHERE id = ?').run('旧'.repeat(5000), p1?.id);
    // a file without our hidden sheet carries no 备注说明 (note): the old one stays
    if (!p1) throw new Error('seed missing');
    const wb = buildAnnexWorkbook({ title: '奉节县民政事业发展“十四五”规划' }, [{ ...p1, investmentYuan: p1.investmentYuan + 10_000 }]);
    const file = await workbookBuffer({ ...wb, sheets: wb.sheets.filter((s) => s.name !== EXTRA_SHEET_NAME) });
    const preview = await b.send('xlsx.importPreview', { fileName: 'a.xlsx', base64: file.toString('base64'), planId: 1 });
    expect(preview.kind === 'annex' ? preview.changed.map((c) => c.changes.map((x) => x.field)) : null).toEqual([['investmentYuan']]);
  });
});

describe('the annex import refuses the same clashes', () => {
  it('two rows whose names differ only by spaces', async () => {
    const b = open({ seed: false });
    const ps: Project[] = [1, 2].map((seq) => ({
      id: seq, planId: 1, seq, seqPrinted: null, name: seq === 1 ? '朱衣 养老院' : '朱衣养老院', category: '养老', nature: '新建',
      owner: '', locationText: '', scaleText: '', metrics: {}, investmentYuan: 10_000, startYear: 2026, endYear: 2027,
      startDate: null, endDate: null, remark: '', responsibleUnit: '', leader: '', note: '',
    }));
    const file = await workbookBuffer(buildAnnexWorkbook({ title: '规划' }, ps));
    const issues = await refused(b.send('xlsx.importPreview', { fileName: 'dup.xlsx', base64: file.toString('base64') }), 'bad_file');
    expect(issues.map((i) => i.message)).toContainEqual(expect.stringMatching(/^项目名称“朱衣养老院”与第 3 行的“朱衣 养老院”只差空格，视为重复。$/));
    expect(b.db.prepare('SELECT COUNT(*) AS n FROM project').get()).toEqual({ n: 0 });
  });

  it('a 序号 that a project of the plan missing from the file still holds', async () => {
    const b = open();
    const [p1, p2] = projects(b);
    if (!p1 || !p2) throw new Error('seed missing');
    // a file with project 2 alone, renumbered 1: project 1 is not in it and keeps 序号 1
    const file = await workbookBuffer(buildAnnexWorkbook({ title: '奉节县民政事业发展“十四五”规划' }, [{ ...p2, seq: 1 }]));
    const issues = await refused(b.send('xlsx.importPreview', { fileName: 'part.xlsx', base64: file.toString('base64'), planId: 1 }), 'bad_file');
    expect(issues).toEqual([expect.objectContaining({ file: 'part.xlsx', row: 3, message: `序号 1 已被规划中不在此文件里的「${p1.name.slice(0, 30)}」使用` })]);
    expect(projects(b).map((p) => p.seq).slice(0, 2)).toEqual([1, 2]);
  });
});

describe('a new plan titled from the file name', () => {
  async function importUntitled(fileName: string): Promise<string> {
    const b = open({ seed: false });
    const p: Project = {
      id: 1, planId: 1, seq: 1, seqPrinted: null, name: '朱衣养老院', category: '养老', nature: '新建', owner: '', locationText: '',
      scaleText: '', metrics: {}, investmentYuan: 10_000, startYear: 2026, endYear: 2027, startDate: null, endDate: null,
      remark: '', responsibleUnit: '', leader: '', note: '',
    };
    const wb = buildAnnexWorkbook({ title: 'x' }, [p]);
    // no title row: the plan is named after the file
    const titleRow = wb.sheets[0]?.rows[0];
    if (titleRow) titleRow.values[0] = null;
    const preview = await b.send('xlsx.importPreview', { fileName, base64: (await workbookBuffer(wb)).toString('base64') });
    await b.send('xlsx.importApply', { token: preview.token });
    const title = (await b.send('plans.list', {}))[0]?.title ?? '';
    b.close();
    backend = null;
    return title;
  }

  it('is cut to the title limit and loses control characters', async () => {
    expect(await importUntitled(`${'规'.repeat(250)}.xlsx`)).toBe('规'.repeat(200));
    expect(await importUntitled('C:\\文件\\十五五\u0007规划 .xlsx')).toBe('十五五 规划');
  });
});
