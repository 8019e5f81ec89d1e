// 资金填报 driven as finance staff do it: open project 3 from the top bar's 资金, type three
// years' amounts with Tab / Enter / arrows, paste a block copied from Excel, save (confirming
// an over-arrival), read the totals and 到位率 off the page, export 资金构成 through the UI,
// and have LibreOffice recalculate the downloaded workbook (cached values stripped) to the
// same figures. 撤销 then takes the whole save back. Today is fixed at 2026-11-29.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { HAS_SOFFICE, rawRate, recalculatedSheets } from './libreoffice-recalc';
import { FundingPageObject, SOURCES, type SummaryFigure } from './pages/funding-page';
import { printedPdf } from './print-pdf';

const PROJECT = '奉节县社会组织服务中心建设项目';
const OPTION = `3. ${PROJECT}`;
const WORKBOOK = '奉节县民政事业发展“十四五”规划-资金构成.xlsx';
// 资金构成 columns (0-based): A 序号, B 项目名称, C 年度, D–H 计划 by source, I 小计,
// J–N 到位, O 小计, P–T 支付, U 小计, V 到位率, W 支付率
const XL = { name: 1, year: 2, planned: 3, plannedSub: 8, arrived: 9, arrivedSub: 14, paid: 15, paidSub: 20, arrivalRate: 21, paymentRate: 22 } as const;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'funding-e2e-'));
test.afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** "1,155.5" (万元 as shown) → 1155.5 */
const wan = (shown: string): number => Number(shown.replace(/,/g, ''));
/** a raw rate as the page formats it: 0.8702 → "87.02%", unknown → "—" */
const shownRate = (raw: number | null): string => (raw === null ? '—' : `${(raw * 100).toFixed(2)}%`);

test.describe('资金填报', () => {
  test('filled by keyboard and paste, saved with a confirmation, exported and recalculated by LibreOffice, then undone', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto('./');
    const funding = new FundingPageObject(page);
    await funding.openFromNav(OPTION);
    await expect(page).toHaveURL(/#\/funding\?plan=1&project=3$/);
    await expect(page.locator('.page-head .subtitle')).toContainText('投资估算 1,025 万元 · 2023—2025年');
    const y2023 = await funding.rowOf('2023年');
    const y2024 = await funding.rowOf('2024年');
    const y2025 = await funding.rowOf('2025年');

    // 2023: 中央补助 计划/到位/支付 by Tab, arrows across to 县级配套, Enter ends the row
    await funding.typeFrom(y2023, funding.col('中央补助', '计划'), [
      ['500', 'Tab'],
      ['400', 'Tab'],
      ['300', 'Tab'],
      ...Array.from({ length: 6 }, () => ['', 'ArrowRight'] as const),
      ['125.5', 'Tab'],
      ['125.5', 'Tab'],
      ['60', 'Enter'],
    ]);
    // Enter went down to 2024's 县级配套·支付; Home back to the row's start
    await expect(funding.cell(y2024, funding.col('县级配套', '支付'))).toBeFocused();
    await page.keyboard.press('Home');
    for (const [text, key] of [['200', 'Tab'], ['200', 'Tab'], ['150', 'Tab'], ['100', 'Tab'], ['120', 'Tab'], ['80', 'Enter']] as const) {
      await page.keyboard.type(text);
      await page.keyboard.press(key);
    }
    await expect(funding.cell(y2023, funding.col('县级配套', '计划'))).toHaveText('125.5');
    await expect(funding.cell(y2024, funding.col('市级补助', '到位'))).toHaveText('120');
    await expect(funding.cell(y2024, funding.computedCol('合计计划'))).toHaveText('300');

    // two rows copied from the finance office's own sheet: 福彩公益金 and 县级配套, 2024–2025
    await funding.paste(y2024, funding.col('福彩公益金', '计划'), '\t\t\t80\t80\t40\r\n50\t30\t10\t100\t50\t20\r\n');
    await expect(funding.cell(y2025, funding.col('县级配套', '支付'))).toHaveText('20');
    await expect(funding.cell(y2025, funding.computedCol('到位率'))).toHaveText('53.33%');
    await expect(funding.saveButton).toHaveText('保存（21 处修改）');
    // the checks follow the edits before saving
    await expect(funding.issues).toContainText('需要确认');
    await expect(funding.issues).toContainText('市级补助');

    // arrived 120 > planned 100 for 市级补助: the save asks first
    await funding.saveButton.click();
    await expect(funding.confirmDialog).toBeVisible();
    await expect(funding.confirmDialog).toContainText('市级补助');
    await funding.confirmDialog.getByRole('button', { name: '仍然保存' }).click();
    await expect(funding.confirmDialog).toBeHidden();
    await expect(funding.status).toHaveText('已保存 21 个金额。');
    await expect(funding.saveButton).toHaveText('保存');

    // the figures as the page shows them after the save
    await expect(funding.summary).toContainText('计划安排 1,155.5 万元');
    const shown = new Map<SummaryFigure, string>();
    for (const label of ['计划安排', '到位', '支付', '到位率', '支付率'] as const) shown.set(label, await funding.figure(label));
    expect(Object.fromEntries(shown)).toEqual({ 计划安排: '1,155.5', 到位: '1,005.5', 支付: '660', 到位率: '87.02%', 支付率: '65.64%' });
    await expect(funding.issues.locator('.banner-warn')).toContainText(PROJECT);
    const rows = new Map<number, { planned: string; arrived: string; paid: string; arrivalRate: string; paymentRate: string }>();
    for (const [year, row] of [[2023, y2023], [2024, y2024], [2025, y2025]] as const) {
      const text = async (c: Parameters<FundingPageObject['computedCol']>[0]): Promise<string> => (await funding.cell(row, funding.computedCol(c)).innerText()).trim();
      rows.set(year, { planned: await text('合计计划'), arrived: await text('合计到位'), paid: await text('合计支付'), arrivalRate: await text('到位率'), paymentRate: await text('支付率') });
    }
    expect(rows.get(2024)).toEqual({ planned: '380', arrived: '400', paid: '270', arrivalRate: '105.26%', paymentRate: '67.50%' });
    const bySource = await Promise.all(SOURCES.map(async (s) => (await funding.footerCell(funding.col(s, '计划')).innerText()).trim()));
    expect(bySource).toEqual(['700', '100', '50', '305.5', '0']);

    // 导出资金构成 → the browser's download
    const file = path.join(dir, 'funding.xlsx');
    expect(await funding.exportTo(file)).toBe(WORKBOOK);

    // only this step is skipped without LibreOffice: the undo below still runs
    await test.step('LibreOffice recalculates the exported workbook to the figures on screen', async (step) => {
      step.skip(!HAS_SOFFICE, 'LibreOffice (soffice) is not installed: the recalculation check needs it');
      const sheets = await recalculatedSheets(file, path.join(dir, 'lo'));
      const sheet = sheets.get('资金构成') ?? [...sheets.values()][0];
      if (!sheet) throw new Error('no sheet');
      const total = sheet.find((r) => r[0] === '合计');
      if (!total) throw new Error(`no 合计 row in ${JSON.stringify(sheet.slice(-2))}`);
      // the only amounts in the plan are this project's: the workbook's 合计 is the page's summary
      expect(Number(total[XL.plannedSub])).toBeCloseTo(wan(shown.get('计划安排') ?? ''), 4);
      expect(Number(total[XL.arrivedSub])).toBeCloseTo(wan(shown.get('到位') ?? ''), 4);
      expect(Number(total[XL.paidSub])).toBeCloseTo(wan(shown.get('支付') ?? ''), 4);
      expect(shownRate(rawRate(total[XL.arrivalRate]))).toBe(shown.get('到位率'));
      expect(shownRate(rawRate(total[XL.paymentRate]))).toBe(shown.get('支付率'));
      SOURCES.forEach((s, i) => expect(Number(total[XL.planned + i] || 0)).toBeCloseTo(wan(bySource[i] ?? ''), 4));
      // each of the project's years against its row in the grid
      for (const [year, r] of rows) {
        const line = sheet.find((x) => x[XL.name] === PROJECT && x[XL.year] === String(year));
        if (!line) throw new Error(`no row for ${PROJECT} ${year}`);
        expect(Number(line[XL.plannedSub])).toBeCloseTo(wan(r.planned), 4);
        expect(Number(line[XL.arrivedSub])).toBeCloseTo(wan(r.arrived), 4);
        expect(Number(line[XL.paidSub])).toBeCloseTo(wan(r.paid), 4);
        expect(shownRate(rawRate(line[XL.arrivalRate]))).toBe(r.arrivalRate);
        expect(shownRate(rawRate(line[XL.paymentRate]))).toBe(r.paymentRate);
      }
    });

    // 撤销 takes the whole save back
    await expect(funding.undoButton).toHaveText('撤销：修改资金记录（21 项）');
    await funding.undoButton.click();
    await expect(funding.status).toHaveText('已撤销：修改资金记录（21 项）。');
    await expect(funding.undoButton).toBeHidden();
    await expect(funding.cell(y2023, funding.col('中央补助', '计划'))).toHaveText('');
    await expect(funding.cell(y2025, funding.col('县级配套', '支付'))).toHaveText('');
    await expect(funding.summary).toContainText('计划安排 0 万元');
    expect(await funding.figure('到位率')).toBe('—');
    await page.reload();
    await expect(funding.grid.getByRole('rowheader').first()).toBeVisible();
    await expect(funding.cell(y2024, funding.col('市级补助', '到位'))).toHaveText('');
    await expect(funding.footerCell(funding.computedCol('合计计划'))).toHaveText('0');
  });

  test('printed, the whole table fits the page: every source and both rates, without the save bar', async ({ page }) => {
    await page.goto('./#/funding?plan=1&project=3');
    const funding = new FundingPageObject(page);
    await expect(funding.grid).toHaveAccessibleName(`资金填报：${OPTION}`);
    const printed = await printedPdf(page, 'funding-3');
    // on screen the 1,500 px table scrolls; on paper its last columns were cut off
    for (const head of ['中央补助', '社会投资', '合计', '到位率', '支付率']) expect(printed.flat).toContain(head);
    expect(printed.flat).toContain('2025年000——'); // the last row to its 支付率
    expect(printed.flat).not.toContain('放弃修改');
  });

  test('the project page links to its funding', async ({ page }) => {
    await page.goto('./#/project/3');
    await page.getByRole('link', { name: '资金填报' }).click();
    const funding = new FundingPageObject(page);
    await expect(page).toHaveURL(/#\/funding\?plan=1&project=3$/);
    await expect(funding.grid).toHaveAccessibleName(`资金填报：${OPTION}`);
    await expect(funding.projectPicker.locator('option:checked')).toHaveText(OPTION);
  });

  // SCREENSHOTS=1 npx playwright test tests/e2e/funding.spec.ts -g 截图
  test('截图：资金填报（项目视图）', async ({ page, baseURL }) => {
    test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to refresh docs/screenshots');
    await page.setViewportSize({ width: 1366, height: 768 });
    const W = 10_000;
    // [year, source id, planned, arrived, paid] in 万元; 市级补助 2024 has more arrived than planned
    const rows: [number, number, number, number, number][] = [
      [2023, 1, 500, 400, 300],
      [2023, 4, 125.5, 125.5, 60],
      [2024, 1, 200, 200, 150],
      [2024, 2, 100, 120, 80],
      [2024, 4, 80, 80, 40],
      [2025, 3, 50, 30, 10],
      [2025, 4, 100, 50, 20],
    ];
    const cells = rows.flatMap(([year, sourceId, ...amounts]) =>
      (['planned', 'arrived', 'paid'] as const).map((kind, i) => ({ projectId: 3, sourceId, year, kind, amountYuan: Math.round((amounts[i] ?? 0) * W) })),
    );
    const reply = await page.request.post(`${baseURL}api/funding.save`, { data: { cells, confirm: true } });
    expect(reply.ok(), await reply.text()).toBe(true);

    await page.goto('./#/funding?plan=1&project=3');
    const funding = new FundingPageObject(page);
    await expect(funding.summary).toContainText('计划安排 1,155.5 万元');
    // one figure being typed in, so the save bar and a changed cell show
    await funding.typeFrom(await funding.rowOf('2025年'), funding.col('社会投资', '计划'), [['30', 'Tab']]);
    await expect(funding.saveButton).toHaveText('保存（1 处修改）');
    await page.screenshot({ path: path.resolve('docs/screenshots/funding.png') });
  });
});
