// The traffic lights as a person meets them: the register's 状态 column and filter, the
// Gantt's bars, and the thresholds on 设置. Progress is recorded through the Api (the
// monthly grid is another screen), exactly as the grid would send it.
import { expect, test } from './fixtures';
import { GanttPageObject } from './pages/gantt-page';
import { RegisterPage } from './pages/register-page';
import { SettingsPageObject } from './pages/settings-page';

async function call(baseURL: string, method: string, input: unknown): Promise<unknown> {
  const res = await fetch(new URL(`api/${method}`, baseURL), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const reply = (await res.json()) as { ok: true; result: unknown } | { ok: false; error: { message: string } };
  if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`);
  return reply.result;
}

test('register, Gantt and settings show the lights from the same facts', async ({ page, baseURL }) => {
  const view = (await call(baseURL, 'register.get', {})) as { projects: { id: number; seq: number }[] };
  const id = (seq: number): number => view.projects.find((p) => p.seq === seq)?.id ?? 0;
  await call(baseURL, 'progress.record', {
    entries: [
      { projectId: id(3), reportMonth: '2026-10', stage: '竣工验收', percent: 100, investCumulativeYuan: 10_250_000 },
      { projectId: id(7), reportMonth: '2026-10', stage: '在建', percent: 80, investCumulativeYuan: 12_000_000 },
    ],
  });

  const register = new RegisterPage(page);
  await register.open();
  await expect(register.row(3).locator('[data-light]')).toHaveText('已完成');
  await expect(register.row(3)).toContainText('100%');
  await expect(register.row(7).locator('[data-light="red"]')).toHaveText('滞后');
  await expect(register.row(7).locator('[data-light]')).toHaveAttribute('title', '计划2023年竣工，未完工');
  await expect(register.row(1).locator('[data-light]')).toHaveText('未填报');

  await page.getByRole('combobox', { name: '状态' }).selectOption({ label: '滞后（1）' });
  await expect(register.rows).toHaveCount(1);
  await page.getByRole('combobox', { name: '状态' }).selectOption({ label: '未填报（13）' });
  await expect(register.rows).toHaveCount(13);
  await page.screenshot({ path: 'test-results/screens/register-lights.png' });

  const gantt = new GanttPageObject(page);
  await gantt.open();
  await expect(page.locator('.gantt-chart-col .gantt-bar-planned.light-done')).toHaveCount(1);
  await expect(page.locator('.gantt-chart-col .gantt-bar-planned.light-red')).toHaveCount(1);
  await expect(page.locator('.gantt-chart-col .gantt-bar-planned.light-grey')).toHaveCount(13);

  const settings = new SettingsPageObject(page);
  await settings.open();
  await expect(settings.save).toBeDisabled();
  await settings.field('黄灯起点').fill('40');
  await expect(page.getByText('黄灯起点（40）不能大于红灯起点（30）')).toBeVisible();
  await expect(settings.save).toBeDisabled();
  await settings.field('黄灯起点').fill('5');
  await settings.field('红灯起点').fill('25');
  await settings.save.click();
  await expect(settings.notice).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/settings.png' });
  await page.reload();
  await expect(settings.field('红灯起点')).toHaveValue('25');
  expect(await call(baseURL, 'settings.get', {})).toEqual({
    lightThresholds: { yellowBehindPoints: 5, redBehindPoints: 25, notStartedMonths: 3, staleMonths: 3 },
  });
});
