// 进度月报 driven as people do it: an officer exports the month's report from the monthly
// report page, another program (openpyxl, standing in for Excel/WPS) fills it in, the officer
// imports it through the preview dialog, sees the reports in the project's timeline, and
// 撤销本次导入 restores the previous state exactly. A report with a falling cumulative
// investment is refused with its row named, and nothing changes. Today is 2026-11-29.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { MonthSheet, ProjectProgress } from '../../src/domain/api/progress';
import { hasOpenpyxl, python } from '../fixtures/xlsx/corpus';
import { expect, test } from './fixtures';
import { ProgressWorkbookTools } from './pages/progress-workbook';
import { ProjectPage } from './pages/project-page';

const WAN = 10_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'progress-report-e2e-'));
test.afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function api<T>(page: Page, baseURL: string, method: string, input: unknown): Promise<T> {
  const res = await page.request.post(new URL(`api/${method}`, baseURL).href, { data: input });
  expect(res.ok(), await res.text()).toBe(true);
  const body: unknown = await res.json();
  if (typeof body !== 'object' || body === null || !('result' in body)) throw new Error(`no result from ${method}`);
  return body.result as T;
}

/** openpyxl edits rows found by the hidden id columns: `edits` maps "projectId:siteId" to {column: value}. */
function fillWithOpenpyxl(from: string, to: string, edits: Record<string, Record<number, string | number>>): void {
  python(
    `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["进度月报"]
edits = json.loads(sys.argv[3])
for r in range(3, ws.max_row + 1):
    k, l = ws.cell(r, 11).value, ws.cell(r, 12).value
    if k is None:
        continue
    key = "%d:%s" % (int(k), "" if l is None else int(l))
    for col, value in edits.get(key, {}).items():
        ws.cell(r, int(col)).value = value
wb.save(sys.argv[2])
`,
    [from, to, JSON.stringify(edits)],
  );
}

test.describe('进度月报', () => {
  test.skip(!hasOpenpyxl(), '需要 /usr/bin/python3 与 openpyxl');

  test('exported, filled by another program, imported with a preview, seen in the timeline, then undone exactly', async ({ page, baseURL }) => {
    // September, recorded earlier: the report's starting values
    const p10 = (await api<MonthSheet>(page, baseURL, 'progress.month', { month: '2026-09' })).rows.find((r) => r.seqLabel === '10');
    if (!p10) throw new Error('no project 10');
    const before10 = await api<ProjectProgress>(page, baseURL, 'progress.list', { projectId: p10.projectId });
    const [s1, s2] = before10.sites;
    if (!s1 || !s2) throw new Error('project 10 has no sites');
    await api(page, baseURL, 'progress.record', {
      entries: [
        { projectId: p10.projectId, siteId: null, reportMonth: '2026-09', stage: '在建', percent: 30, description: '主体施工', investPeriodYuan: 10 * WAN, investCumulativeYuan: 200 * WAN, problems: '' },
        { projectId: p10.projectId, siteId: s1.id, reportMonth: '2026-09', stage: '在建', percent: 40, description: '基础完成', investPeriodYuan: 5 * WAN, investCumulativeYuan: 50 * WAN, problems: '' },
      ],
    });
    const before = await api<ProjectProgress>(page, baseURL, 'progress.list', { projectId: p10.projectId });

    const tools = new ProgressWorkbookTools(page);
    await tools.open('2026-10');
    const exported = path.join(dir, 'exported.xlsx');
    expect(await tools.exportTo(exported)).toBe('奉节县民政事业发展“十四五”规划-进度月报-2026-10.xlsx');

    const filled = path.join(dir, '十月进度.xlsx');
    fillWithOpenpyxl(exported, filled, {
      [`${p10.projectId}:`]: { 5: '４５', 7: 30, 8: '230', 9: '征地协调中' },
      [`${p10.projectId}:${s1.id}`]: { 4: '完工', 5: 100, 6: '已完工，待验收', 7: 20, 8: 70 },
      [`${p10.projectId}:${s2.id}`]: { 4: '在建', 5: 20, 6: '基础施工', 8: 8 },
    });
    await tools.importFile(filled);
    const dialog = tools.importDialog;
    await expect(dialog.getByTestId('import-target')).toContainText('规划「奉节县民政事业发展“十四五”规划」2026年10月进度');
    await expect(dialog.getByTestId('import-counts')).toHaveText('新增进度记录 3 项 · 不变的行 0 项');
    const added = dialog.getByTestId('import-section-added');
    await expect(added).toContainText('10. 奉节县村（社区）便民服务中心建设项目（第');
    await expect(added.getByRole('row', { name: /累计完成投资/ }).first()).toContainText('200 万元');
    await expect(added.getByRole('row', { name: /累计完成投资/ }).first()).toContainText('230 万元');
    await page.screenshot({ path: 'test-results/screens/progress-report-preview.png' });
    await tools.applyImport();
    await expect(tools.notice).toContainText('新增 3 条进度记录（报告期 2026年10月），不变 0 行。');
    await expect(page.getByTestId('report-undo')).toHaveText('撤销本次导入（十月进度.xlsx，1 个项目）');

    // the project's timeline shows October's three reports
    const project = new ProjectPage(page);
    await project.open(p10.projectId);
    const october = page.locator('.tl-month[data-month="2026-10"]');
    await expect(october.getByTestId('timeline-entry')).toHaveCount(3);
    await expect(october).toContainText('已完工，待验收');
    await expect(october).toContainText('征地协调中');
    await expect(october).toContainText('本月完成投资 30 万元 · 累计 230 万元');
    await page.screenshot({ path: 'test-results/screens/progress-report-timeline.png', fullPage: true });

    // 撤销本次导入 from the project page: the history is exactly as before
    await expect(project.undoButton).toHaveText('撤销本次导入（十月进度.xlsx，1 个项目）');
    await project.undoButton.click();
    await expect(october).toHaveCount(0);
    const after = await api<ProjectProgress>(page, baseURL, 'progress.list', { projectId: p10.projectId });
    expect(after.entries).toEqual(before.entries);
    expect(after.facts).toEqual(before.facts);
  });

  test('a report with a falling cumulative investment is refused with its row named; nothing changes', async ({ page, baseURL }) => {
    const sept = await api<MonthSheet>(page, baseURL, 'progress.month', { month: '2026-09' });
    const p10 = sept.rows.find((r) => r.seqLabel === '10');
    if (!p10) throw new Error('no project 10');
    await api(page, baseURL, 'progress.record', {
      entries: [{ projectId: p10.projectId, siteId: null, reportMonth: '2026-09', stage: '在建', percent: 30, description: '', investPeriodYuan: 0, investCumulativeYuan: 200 * WAN, problems: '' }],
    });
    const before = await api<MonthSheet>(page, baseURL, 'progress.month', { month: '2026-10' });

    const tools = new ProgressWorkbookTools(page);
    await tools.open('2026-10');
    const exported = path.join(dir, 'exported-2.xlsx');
    await tools.exportTo(exported);
    const bad = path.join(dir, '回退.xlsx');
    fillWithOpenpyxl(exported, bad, { [`${p10.projectId}:`]: { 5: 35, 8: 150 } });
    const row = Number(python(
      `
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["进度月报"]
print(next(r for r in range(3, ws.max_row + 1) if ws.cell(r, 11).value == int(sys.argv[2]) and ws.cell(r, 12).value is None))
`,
      [bad, String(p10.projectId)],
    ).trim());

    await tools.importFile(bad);
    const error = tools.importDialog.getByTestId('import-error');
    await expect(error).toContainText('回退.xlsx：发现 1 处问题，未导入任何数据。');
    await expect(error).toContainText(`文件 回退.xlsx，工作表「进度月报」，第 ${row} 行，H 列：累计完成投资 150 万元低于上期（2026年9月）的 200 万元`);
    await expect(error).toContainText('数据库未作任何改动');
    await page.screenshot({ path: 'test-results/screens/progress-report-refused.png' });
    await tools.importDialog.getByRole('button', { name: '关闭' }).click();
    await expect(tools.importDialog).toBeHidden();
    expect(await api<MonthSheet>(page, baseURL, 'progress.month', { month: '2026-10' })).toEqual(before);
  });
});
