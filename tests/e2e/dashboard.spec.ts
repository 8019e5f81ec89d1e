import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { DashboardPageObject } from './pages/dashboard-page';

const OUT = path.resolve('test-results');

test.describe('总览', () => {
  test('shows the four rates with their definitions, the lights and what needs attention', async ({ page }) => {
    const dash = new DashboardPageObject(page);
    await dash.open();
    for (const label of ['开工率', '投资完成率', '资金到位率', '按期竣工率']) await expect(dash.rate(label)).toBeVisible();
    await expect(dash.rate('开工率')).toHaveAttribute('title', /已开工项目数 ÷ 计划开工时间已到的项目数/);
    // nothing reported in the seed: every light is 未填报, none guessed red
    expect(await dash.lightCount('grey')).toBe(15);
    expect(await dash.lightCount('red')).toBe(0);
    await expect(dash.attention.getByRole('listitem').first()).toContainText('从未填报进度');
    // the towns' own shares add up to the plan, never a whole project per town
    await expect(page.getByRole('table', { name: '按类别' }).locator('tfoot')).toContainText('63,760');

    // a light count opens the register filtered to that light
    await dash.lights.locator('[data-light="grey"]').getByRole('button').click();
    await expect(page).toHaveURL(/#\/\?plan=1&light=grey/);
    await expect(page.getByRole('combobox', { name: '状态' })).toHaveValue('grey');
  });

  test('prints on one A4 portrait page, with the plan chosen', async ({ page }) => {
    fs.mkdirSync(OUT, { recursive: true });
    const dash = new DashboardPageObject(page);
    await dash.open(1);
    await dash.openPrint();
    await expect(page).toHaveURL(/#\/print\/dashboard\?paper=A4&plan=1/);
    await page.emulateMedia({ media: 'print' });
    const pdfPath = path.join(OUT, 'dashboard-a4.pdf');
    await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
    const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const words of ['重点项目建设简报', '开工率', '需关注', '按镇街', '共1页']) expect(text).toContain(words);
    // nothing spills past the sheet
    const spill = await page.evaluate(() => {
      const sheet = document.querySelector('.dash-sheet');
      if (!sheet) return 'no sheet';
      const bottom = sheet.getBoundingClientRect().bottom;
      const over = [...sheet.querySelectorAll('tr, li, h2, .echart')].filter((el) => el.getBoundingClientRect().bottom > bottom + 0.5);
      return over.length;
    });
    expect(spill).toBe(0);
  });
});
