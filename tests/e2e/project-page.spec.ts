// The project page as an officer uses it (issue 10): 类别 is a choice, unsaved edits meet a
// 保存 / 不保存 / 取消 dialog, the save bar and "已保存" stay on a 1366×768 screen, 上一个 / 下一个
// follow the register, and the text boxes grow with their text.
import { expect, test } from './fixtures';
import { ProjectPage } from './pages/project-page';
import { RegisterPage } from './pages/register-page';
import { docShot } from './shots';

const NAME = '项目名称';

test.describe('项目详情', () => {
  test('类别 is chosen from the plan’s categories; a new one is named and confirmed', async ({ page }) => {
    const project = new ProjectPage(page);
    await project.open(8);
    const options = await project.category.locator('option').allTextContents();
    expect(options).toContain('养老');
    expect(options.at(-1)).toBe('新增类别…');
    const before = await project.category.inputValue();

    // refusing the confirmation leaves the category as it was
    await project.addCategory('养老服务', false);
    await expect(project.category).toHaveValue(before);

    await project.addCategory('养老服务', true);
    await expect(project.category).toHaveValue('养老服务');
    await project.save();
    await expect(project.status).toContainText('已保存');
    await page.reload();
    await expect(project.category).toHaveValue('养老服务');
  });

  test('a taken 序号 and an end date outside the window are refused at their fields', async ({ page }) => {
    const project = new ProjectPage(page);
    await project.open(10);
    await project.setField('序号', '1');
    await project.save();
    await expect(project.fieldError('序号')).toContainText('序号 1 已被');
    await project.setField('序号', '10');
    await project.setField('计划完工日期', '2030-03-01');
    await project.save();
    await expect(project.fieldError('计划完工日期')).toBeVisible();
    await expect(project.fieldError('计划完工日期')).toContainText('2030');
    await expect(project.historyRows).toHaveCount(0);
  });

  test('leaving with an unsaved edit asks 保存 / 不保存 / 取消', async ({ page }) => {
    const project = new ProjectPage(page);
    await project.open(8);
    const original = await project.field(NAME).inputValue();

    // 取消: stays, with the edit
    await project.setField(NAME, `${original}（改）`);
    await page.getByRole('link', { name: '甘特图', exact: true }).click();
    await expect(project.leaveDialog).toBeVisible();
    await project.leaveButton('取消').click();
    await expect(project.leaveDialog).toBeHidden();
    expect(new URL(page.url()).hash).toBe('#/project/8');
    await expect(project.field(NAME)).toHaveValue(`${original}（改）`);

    // 不保存: leaves, and the edit is gone
    await page.getByRole('link', { name: '甘特图', exact: true }).click();
    await project.leaveButton('不保存').click();
    await expect(page).toHaveURL(/#\/gantt/);
    await project.open(8);
    await expect(project.field(NAME)).toHaveValue(original);

    // 保存 (by the breadcrumb): saves, then leaves
    await project.setField(NAME, `${original}（二期）`);
    await page.locator('nav.crumbs').getByRole('link', { name: '项目台账' }).click();
    await project.leaveButton('保存').click();
    await expect(page.getByRole('heading', { name: '项目台账' })).toBeVisible();
    await project.open(8);
    await expect(project.field(NAME)).toHaveValue(`${original}（二期）`);
  });

  test('at 1366×768 the save bar is on screen, "已保存" shows, Ctrl+S goes to the bad field', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const project = new ProjectPage(page);
    await project.open(10);
    // an edit at the top of the form, the page not scrolled: the bar sits at the bottom of the window
    await project.setField('责任人', '张三');
    await expect(project.field('序号')).toBeInViewport();
    await expect(project.saveButton).toBeInViewport();
    await project.setField('说明', '按月报核对');
    await expect(project.saveBar).toContainText('有未保存的修改');
    await project.save();
    await expect(project.toast).toBeVisible();
    await expect(project.toast).toHaveText('已保存');
    await expect(project.status).toContainText('已保存');
    await page.screenshot({ path: docShot('project-saved-1366.png') });
    await expect(project.toast).toBeHidden({ timeout: 5000 });

    // an invalid field at the top, the person at the bottom: Ctrl+S brings the field back
    await project.setField('序号', '十');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect(project.field('序号')).not.toBeInViewport();
    await page.keyboard.press('Control+s');
    await expect(project.field('序号')).toBeFocused();
    await expect(project.field('序号')).toBeInViewport();
    await expect(project.fieldError('序号')).toContainText('序号应为整数');

    await project.setField('序号', '10');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await project.setField('说明', '按月报核对，已复核');
    await project.save();
    await expect(project.toast).toBeVisible();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: docShot('project-saved-1920.png') });
  });

  test('上一个 / 下一个 follow the register’s filter and order, and ask about unsaved edits', async ({ page }) => {
    const register = new RegisterPage(page);
    await register.open();
    const all = await register.rows.count();
    await register.filterCategory('殡葬');
    await expect.poll(() => register.rows.count()).toBeLessThan(all);
    // the register stores its order just after the frame that shows the filter: wait for it
    const storedIds = () =>
      page.evaluate(() => {
        const v: unknown = JSON.parse(window.sessionStorage.getItem('register.order') ?? 'null');
        return typeof v === 'object' && v !== null && 'ids' in v && Array.isArray(v.ids) ? v.ids.map(Number) : [];
      });
    const shown = await register.rows.count();
    await expect.poll(async () => (await storedIds()).length).toBe(shown);
    const ids = await storedIds();
    expect(ids.length).toBeGreaterThan(2);
    const [first = 0, second = 0] = ids;

    const project = new ProjectPage(page);
    await project.open(first);
    await expect(project.prevButton).toBeDisabled();
    await expect(page.getByTestId('project-position')).toHaveText(`1 / ${ids.length}（台账筛选）`);
    await project.nextButton.click();
    await expect(page).toHaveURL(new RegExp(`#/project/${second}$`));
    await expect(project.saveButton).toBeVisible();
    await page.keyboard.press('Alt+ArrowLeft');
    await expect(page).toHaveURL(new RegExp(`#/project/${first}$`));
    await expect(project.saveButton).toBeVisible();

    // with an edit, 下一个 goes through the dialog too
    await project.setField('说明', '待核');
    await page.keyboard.press('Alt+ArrowRight');
    await expect(project.leaveDialog).toBeVisible();
    await project.leaveButton('取消').click();
    await expect(page).toHaveURL(new RegExp(`#/project/${first}$`));
    await project.nextButton.click();
    await project.leaveButton('不保存').click();
    await expect(page).toHaveURL(new RegExp(`#/project/${second}$`));
  });

  test('text boxes grow with their text', async ({ page }) => {
    const project = new ProjectPage(page);
    await project.open(8);
    const box = project.field('拟建设规模和建设内容');
    const before = await box.evaluate((el) => el.getBoundingClientRect().height);
    await box.fill(Array.from({ length: 14 }, (_, i) => `第 ${i + 1} 行：新建业务用房及配套设施`).join('\n'));
    const after = await box.evaluate((el) => ({ h: el.getBoundingClientRect().height, client: el.clientHeight, scroll: el.scrollHeight }));
    expect(after.h).toBeGreaterThan(before + 100);
    // the whole text shows: nothing left to scroll inside the box
    expect(after.scroll).toBeLessThanOrEqual(after.client + 1);
  });
});
