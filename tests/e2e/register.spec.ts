import { expect, test } from './fixtures';
import { ProjectPage } from './pages/project-page';
import { RegisterPage } from './pages/register-page';

test.describe('项目台账', () => {
  test('shows the plan: 15 projects and 63,760万元', async ({ page }) => {
    const register = new RegisterPage(page);
    await register.open();
    await expect(register.rows).toHaveCount(15);
    await expect(register.grandTotal).toHaveText('63,760');
    await expect(register.totalInvestment).toHaveText('63,760');
    await expect(page.getByTestId('total-row')).toContainText('15 个项目，137 个建设点');
    await page.screenshot({ path: 'test-results/screens/register.png' });
  });

  test('filters, sorts and expands sites', async ({ page }) => {
    const register = new RegisterPage(page);
    await register.open();
    await register.filterCategory('殡葬');
    await expect(register.rows).toHaveCount(5);
    await expect(register.totalInvestment).toHaveText('26,700');
    await register.filterCategory('');
    await register.filterTown('朱衣镇');
    expect(await register.seqs()).toEqual([1, 5, 10, 13, 15]);
    await register.filterTown('');
    await register.search.fill('公墓');
    expect(await register.seqs()).toEqual([14, 15]);
    await register.search.fill('');
    await register.sortBy('投资估算（万元）');
    await register.sortBy('投资估算（万元）');
    expect((await register.seqs()).slice(0, 3)).toEqual([5, 12, 9]);
    await register.expand(13);
    await expect(page.getByTestId('site-row')).toHaveCount(12);
  });

  test('an edit to investment persists after a reload and shows in the history', async ({ page }) => {
    const register = new RegisterPage(page);
    await register.open();
    await register.openProject('奉节县青龙社会福利院建设项目');
    const project = new ProjectPage(page);
    await expect(project.field('投资估算（万元）')).toHaveValue('3000');
    await project.setField('投资估算（万元）', '3200.5');
    await project.save();
    await expect(project.status).toContainText('已保存');
    await page.reload();
    await expect(project.field('投资估算（万元）')).toHaveValue('3200.5');
    await expect(project.historyRows.first()).toContainText('投资估算（万元）');
    await expect(project.historyRows.first()).toContainText('3,000 万元');
    await expect(project.historyRows.first()).toContainText('3,200.5 万元');
    await page.goto('#/');
    await expect(register.grandTotal).toHaveText('63,960.5');
    await expect(register.row(8).locator('td.money')).toHaveText('3,200.5');

    // and it can be undone
    await project.open(8);
    await project.undoButton.click();
    await expect(project.field('投资估算（万元）')).toHaveValue('3000');
    await expect(project.status).toContainText('已撤销');
  });

  test('an invalid edit is refused at the field with a reason, and nothing is saved', async ({ page }) => {
    const project = new ProjectPage(page);
    await project.open(1);
    await project.setField('投资估算（万元）', '六千');
    await project.save();
    await expect(project.fieldError('投资估算（万元）')).toContainText('投资估算应为数字');
    await project.setField('投资估算（万元）', '6625');
    await project.setField('结束年份', '2020');
    await project.save();
    await expect(project.fieldError('结束年份')).toHaveText('结束年份 2020 早于开始年份 2023');
    await page.reload();
    await expect(project.field('结束年份')).toHaveValue('2025');
    await expect(project.historyRows).toHaveCount(0);
  });
});
