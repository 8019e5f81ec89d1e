// An officer adds, edits and removes sites on a project's page, and undoes each save.
import { expect, test } from './fixtures';
import { ProjectPage } from './pages/project-page';
import { SitesSection } from './pages/sites-section';

test.describe('建设点', () => {
  test('add, edit and remove a site, then undo each save in turn', async ({ page }) => {
    const project = new ProjectPage(page);
    const sites = new SitesSection(page);
    await project.open(8);
    await expect(sites.rows).toHaveCount(1);
    await expect(project.undoButton).toBeDisabled();

    // add
    await sites.addButton.click();
    await sites.fill({ '乡镇（街道）': '朱衣镇', 地址: '县城北路 8 号', '预算（万元）': '120', 开始年份: '2023' });
    await sites.saveButton.click();
    await expect(sites.rows).toHaveCount(2);
    await expect(sites.row('县城北路 8 号')).toContainText('120');
    await expect(sites.row('县城北路 8 号')).toContainText('2023—2025年');
    await expect(project.status).toContainText('已新增建设点「朱衣镇 县城北路 8 号」');
    await expect(project.undoButton).toHaveText('撤销：新增建设点「朱衣镇 县城北路 8 号」');

    // edit: a year outside the project's window is refused at the field, then a valid budget saved
    await sites.edit('朱衣镇 县城北路 8 号');
    await sites.fill({ 开始年份: '2020' });
    await sites.saveButton.click();
    await expect(sites.fieldError('开始年份')).toContainText('开始年份 2020 不在项目建设年限 2022—2025年 内');
    await sites.fill({ 开始年份: '2023', '预算（万元）': '150.5' });
    await sites.saveButton.click();
    await expect(sites.row('县城北路 8 号')).toContainText('150.5');
    await expect(project.undoButton).toHaveText('撤销：修改建设点「朱衣镇 县城北路 8 号」的 预算（万元）');

    // remove the original site (no progress on it: deleted, and undoable)
    await sites.remove('青龙镇 大窝社区');
    await expect(sites.rows).toHaveCount(1);
    await expect(project.status).toContainText('已删除建设点「青龙镇 大窝社区」');
    await expect(project.historyRows.first()).toContainText('删除建设点');
    await page.screenshot({ path: 'test-results/screens/project-sites.png', fullPage: true });

    // undo, newest first: the removal, the edit, the addition
    await project.undoButton.click();
    await expect(sites.rows).toHaveCount(2);
    await expect(sites.row('青龙镇')).toContainText('大窝社区');
    await expect(project.status).toContainText('已撤销：删除建设点「青龙镇 大窝社区」');
    await project.undoButton.click();
    await expect(sites.row('县城北路 8 号')).toContainText('120');
    await project.undoButton.click();
    await expect(sites.rows).toHaveCount(1);
    await expect(project.undoButton).toBeDisabled();

    // the register agrees after a reload
    await page.reload();
    await expect(sites.rows).toHaveCount(1);
    await expect(project.historyRows.first()).toContainText('撤销');
  });
});
