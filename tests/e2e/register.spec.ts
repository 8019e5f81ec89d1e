import { expect, test } from './fixtures';
import { ProjectPage } from './pages/project-page';
import { RegisterPage } from './pages/register-page';
import { docShot } from './shots';

test.describe('项目台账', () => {
  test('shows the plan: 15 projects and 63,760万元', async ({ page }) => {
    const register = new RegisterPage(page);
    await register.open();
    await expect(register.rows).toHaveCount(15);
    await expect(register.grandTotal).toHaveText('63,760');
    await expect(register.totalInvestment).toHaveText('63,760');
    await expect(page.getByTestId('total-row')).toContainText('15 个项目，137 个建设点');
    await page.screenshot({ path: 'test-results/screens/register.png' });
    // on paper the totals row follows the last project (sticky on screen, it was drawn over row 2)
    await page.emulateMedia({ media: 'print' });
    expect(await register.totalsBelowLastRow()).toBe(true);
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

  test('a town filter shows the town’s share, its sites only, and survives a visit to a project', async ({ page }) => {
    const register = new RegisterPage(page);
    await register.open();
    await register.filterTown('公平镇');
    // not the 23,700 of the whole projects that have a site in 公平镇
    await expect(register.totalInvestment).toHaveCount(0);
    await expect(register.townShareTotal).not.toHaveText('23,700');
    await expect(page.getByTestId('total-row')).toContainText('本镇分摊');
    await expect(page.getByTestId('total-investment-whole')).toHaveText(/涉及项目总投资 23,700 万元/);
    await expect(register.row(10).getByTestId('town-share')).toHaveText('425.4546');
    await expect(register.row(10).getByTestId('project-investment')).toHaveText('涉及项目总投资 3,900');
    await expect(page.getByRole('columnheader', { name: /本镇分摊（万元）/ })).toHaveAttribute('title', /按建设点分摊/);
    await register.expand(10);
    await expect(register.siteRows).toHaveCount(6);
    await expect(register.siteRows.first().getByTestId('site-years')).toContainText('沿用项目');
    await expect(register.siteRows.first().getByTestId('site-money')).toContainText(/70\.909/);
    // written once the view has been still for a moment (not inside each keystroke's frames)
    await expect.poll(() => page.url()).toContain('town=%E5%85%AC%E5%B9%B3%E9%95%87');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: docShot('register-town-1366.png') });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: docShot('register-town-1920.png') });

    await register.sortBy('本镇分摊（万元）');
    const order = await register.seqs();
    await register.row(10).getByRole('link').click();
    await expect(page).toHaveURL(/#\/project\/\d+/);
    await page.goto('#/'); // back by the breadcrumb
    await expect(register.rows).toHaveCount(order.length);
    expect(await register.seqs()).toEqual(order);
    await expect(register.siteRows).toHaveCount(6);
    const stored = await page.evaluate(() => JSON.parse(sessionStorage.getItem('register.order') ?? '{}') as { ids: number[] });
    expect(stored.ids).toHaveLength(order.length);
  });

  test('a link with town, search and sort shows the same view', async ({ page }) => {
    const register = new RegisterPage(page);
    await page.goto('#/?town=%E6%9C%B1%E8%A1%A3%E9%95%87&sort=seq.desc');
    await expect(register.rows).toHaveCount(5);
    expect(await register.seqs()).toEqual([15, 13, 10, 5, 1]);
    await expect(page.getByRole('combobox', { name: '乡镇（街道）' })).toHaveValue('朱衣镇');
  });

  test('long texts open on click; a village in a site list opens and marks that site; Esc clears the search', async ({ page }) => {
    const register = new RegisterPage(page);
    await register.open();
    const loc = register.longText(10, '建设地');
    await loc.focus();
    await page.keyboard.press('Enter');
    await expect(loc).toHaveAttribute('aria-expanded', 'true');
    const tall = await loc.evaluate((e) => e.getBoundingClientRect().height);
    expect(tall).toBeGreaterThan(60);
    await register.search.fill('光明村');
    await expect(register.row(4)).toBeVisible();
    const hit = page.locator('[data-testid="site-row"][data-hit]');
    await expect(hit.first()).toContainText('光明村');
    await expect(hit.first().locator('td').first()).toHaveCSS('background-color', 'rgb(255, 244, 194)');
    await register.search.press('Escape');
    await expect(register.search).toHaveValue('');
    await expect(register.rows).toHaveCount(15);
  });
});
