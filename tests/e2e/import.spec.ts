import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';
import { annexWorkbook } from '../fixtures/xlsx/corpus';
import { RegisterPage } from './pages/register-page';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-e2e-'));
test.afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test.describe('导入附件1', () => {
  test('a workbook of another plan becomes a new plan, and the register switches to it', async ({ page }) => {
    const wb = annexWorkbook(
      [
        [1, '奉节县示范区养老服务中心建设项目', '新建', '奉节县民政局', '永安街道', '建筑面积3000m²，床位120张。', 2400, '2026-2028'],
        [2, '奉节县殡仪馆提档升级项目', '改扩建', '奉节县民政局', '夔门街道袁梁社区', '改造告别厅3个。', 1600, '2027—2029年'],
      ],
      { title: '附件1  奉节县民政事业发展“十五五”规划重点项目清单明细', total: 4000 },
    );
    const file = path.join(dir, '十五五附件1.xlsx');
    await wb.xlsx.writeFile(file);

    const register = new RegisterPage(page);
    await register.open();
    await register.importFile(file);
    await expect(register.importDialog.getByTestId('import-target')).toContainText('新建规划「奉节县民政事业发展“十五五”规划」');
    await expect(register.importDialog.getByTestId('import-counts')).toHaveText('新增 2 项 · 修改 0 项 · 不变 0 项');
    await register.applyImport();
    await expect(page).toHaveURL(/#\/\?plan=2$/);
    await expect(register.rows).toHaveCount(2);
    await expect(register.grandTotal).toHaveText('4,000');
    const picker = page.getByRole('combobox', { name: '规划' });
    await expect(picker.getByRole('option')).toHaveCount(2);
    await picker.selectOption({ index: 0 });
    await expect(register.rows).toHaveCount(15);
    await expect(register.grandTotal).toHaveText('63,760');
  });

  test('import a workbook through the UI: preview, apply, the register changes', async ({ page, baseURL }) => {
    // start from the app's own export, then edit it as an officer would
    const res = await page.request.post(new URL('api/xlsx.export', baseURL).href, { data: { kind: 'annex' } });
    expect(res.ok()).toBe(true);
    const { result } = (await res.json()) as { result: { base64: string } };
    const base64 = result.base64;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('附件1 重点项目清单明细');
    if (!ws) throw new Error('annex sheet missing');
    ws.getCell('G11').value = '７８００'; // project 9: 7500 → 7800, typed as full-width text
    ws.spliceRows(18, 0, [16, '奉节县示范养老服务站建设项目', '新建', '奉节县民政局', '朱衣镇', '建筑面积800m²，床位30张。', 100, '2024—2025年']);
    const file = path.join(dir, '附件1-修改.xlsx');
    await wb.xlsx.writeFile(file);

    const register = new RegisterPage(page);
    await register.open();
    await expect(register.rows).toHaveCount(15);
    await register.importFile(file);
    const dialog = register.importDialog;
    await expect(dialog.getByTestId('import-counts')).toHaveText('新增 1 项 · 修改 1 项 · 不变 14 项');
    await expect(dialog.getByTestId('import-target')).toContainText('现有规划「奉节县民政事业发展“十四五”规划」');
    await expect(dialog.getByTestId('import-added')).toContainText('16. 奉节县示范养老服务站建设项目');
    const changed = dialog.getByTestId('import-changed');
    await expect(changed).toContainText('9. 奉节县精神康复福利中心建设项目');
    await expect(changed.getByRole('row', { name: /投资估算/ })).toContainText('7,500 万元');
    await expect(changed.getByRole('row', { name: /投资估算/ })).toContainText('7,800 万元');
    // the sheet's own 合计 no longer matches the rows: a warning naming both numbers
    await expect(dialog.getByRole('note')).toContainText('合计行为 63,760 万元，而各行相加为 64,160 万元');
    await page.screenshot({ path: 'test-results/screens/import-preview.png' });

    await register.applyImport();
    await expect(page.getByTestId('xlsx-notice')).toContainText('新增 1 项，修改 1 项，不变 14 项');
    await expect(register.rows).toHaveCount(16);
    await expect(register.grandTotal).toHaveText('64,160');
    expect(await register.investmentOf(9)).toBe('7,800');
    await page.screenshot({ path: 'test-results/screens/import-applied.png' });

    // 撤销本次导入: the new project goes (after the question), the changed one comes back
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('xlsx-notice').getByRole('button', { name: '撤销本次导入' }).click();
    await expect(page.getByTestId('xlsx-notice')).toContainText('已撤销本次导入');
    await expect(register.rows).toHaveCount(15);
    await expect(register.grandTotal).toHaveText('63,760');
    expect(await register.investmentOf(9)).toBe('7,500');
  });

  test('a bad file shows its message and nothing changes', async ({ page }) => {
    const register = new RegisterPage(page);
    await register.open();
    const total = await register.grandTotal.innerText();
    const count = await register.rows.count();

    const xls = path.join(dir, '旧表格.xlsx');
    fs.writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096, 1)]));
    await register.importFile(xls);
    await expect(register.importDialog.getByTestId('import-error')).toContainText('旧版 Excel 97-2003 工作簿（.xls）');
    await expect(register.importDialog.getByTestId('import-error')).toContainText('数据库未作任何改动');
    await page.keyboard.press('Escape');
    await expect(register.importDialog).toBeHidden();

    // a workbook with a bad cell names the sheet, row and column
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('附件1');
    ws.addRow(['序号', '项目名称', '建设性质', '项目建设主体', '项目建设地', '拟建设规模和建设内容', '投资估算（万元）', '建设年限']);
    ws.addRow([1, '甲项目', '新建', '局', '甲镇', '内容', '约300', '2025-2023']);
    const bad = path.join(dir, 'bad.xlsx');
    await wb.xlsx.writeFile(bad);
    await register.importFile(bad);
    const err = register.importDialog.getByTestId('import-error');
    await expect(err).toContainText('文件 bad.xlsx，工作表「附件1」，第 2 行，G 列：投资估算应为数字，读到“约300”。');
    await expect(err).toContainText('第 2 行，H 列：建设年限有误：结束年份 2023 早于开始年份 2025。');
    await register.importDialog.getByRole('button', { name: '关闭' }).click();

    await page.reload();
    await register.open();
    await expect(register.rows).toHaveCount(count);
    await expect(register.grandTotal).toHaveText(total);
  });

  test('a workbook dropped onto the window opens the same preview; 取消 writes nothing', async ({ page }) => {
    const register = new RegisterPage(page);
    await register.open();
    const count = await register.rows.count();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('附件1');
    ws.addRow(['附件1  奉节县民政事业发展“十四五”规划重点项目清单明细']);
    ws.addRow(['序号', '项目名称', '建设性质', '项目建设主体', '项目建设地', '拟建设规模和建设内容', '投资估算（万元）', '建设年限']);
    ws.addRow([99, '奉节县拖放测试项目', '新建', '奉节县民政局', '朱衣镇', '建筑面积100m²', 10, '2025']);
    await register.dropFile('拖放.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    await expect(register.importDialog.getByTestId('import-added')).toContainText('99. 奉节县拖放测试项目');
    await register.importDialog.getByRole('button', { name: '取消' }).click();
    await expect(register.importDialog).toBeHidden();
    await page.reload();
    await register.open();
    await expect(register.rows).toHaveCount(count);
  });
  // issue 10, item 14 — at an office screen's size
  test('the dialog keeps Tab inside; the chooser offers .xlsx only; the notice after an import is one short line', async ({ page, baseURL }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const res = await page.request.post(new URL('api/xlsx.export', baseURL).href, { data: { kind: 'annex' } });
    const { result } = (await res.json()) as { result: { base64: string } };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(result.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('附件1 重点项目清单明细');
    if (!ws) throw new Error('annex sheet missing');
    ws.getCell('G11').value = 7800;
    const file = path.join(dir, '附件1-键盘.xlsx');
    await wb.xlsx.writeFile(file);

    const register = new RegisterPage(page);
    await register.open();
    await expect(page.getByText('仅支持 .xlsx；.xls 请先在 Excel/WPS 中另存为 .xlsx')).toBeVisible();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '导入附件1…' }).click();
    const fc = await chooser;
    expect(await fc.element().getAttribute('accept')).toBe('.xlsx,.xlsm');
    await fc.setFiles(file);
    const dialog = register.importDialog;
    await expect(dialog.getByTestId('import-counts')).toBeVisible();
    // twenty Tabs and Shift+Tabs never leave the dialog
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
      expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    }
    await register.applyImport();
    const notice = page.getByTestId('xlsx-notice');
    await expect(notice).toContainText('修改 1 项');
    await expect(notice).not.toContainText('备份到');
    expect((await notice.boundingBox())?.height ?? 999).toBeLessThan(60);
    await notice.getByRole('button', { name: '详情' }).click();
    await expect(notice.getByTestId('xlsx-notice-detail')).toContainText('导入前的数据已备份到');
  });
});
