// The Gantt print on a black-and-white printer: every status readable without colour
// (状态 column words and marks, patterned legend), group totals and the plan's grand
// total on the page, the A4 money header whole, and the toolbar readable on screen.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { GanttPageObject } from './pages/gantt-page';
import { docShot } from './shots';

const OUT = path.resolve('test-results');

function pdfText(pdfPath: string): string {
  return execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
}

/** relative luminance contrast of two "rgb(r, g, b)" colours (WCAG) */
function contrast(a: string, b: string): number {
  const lum = (c: string): number => {
    const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((x) => {
      const v = Number(x) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

test.describe('Gantt print (black and white)', () => {
  test('A3 PDF carries the status words, group totals and the grand total 63,760', async ({ page }) => {
    test.setTimeout(120_000);
    fs.mkdirSync(OUT, { recursive: true });
    await page.setViewportSize({ width: 1366, height: 768 });
    const gantt = new GanttPageObject(page);

    // screen: readable buttons, and the A3 sheet fitted to a 1366 window
    await gantt.openPrint('paper=A3&range=plan&group=category');
    for (const name of ['打印', '导出 PDF']) {
      const btn = page.getByRole('button', { name, exact: true });
      const [fg, bg] = await btn.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]);
      expect(contrast(fg ?? '', bg ?? ''), name).toBeGreaterThanOrEqual(4.5);
    }
    const sheetRight = await page.locator('.print-sheet').first().evaluate((el) => el.getBoundingClientRect().right);
    expect(sheetRight).toBeLessThanOrEqual(1366);
    await page.getByLabel(/适合窗口/).uncheck();
    expect(await page.locator('.print-sheet').first().evaluate((el) => el.getBoundingClientRect().right)).toBeGreaterThan(1366);
    await page.getByLabel(/适合窗口/).check();

    // A3: one page now that rows grow into the space; status words, totals, patterns
    await expect(page.locator('.print-status')).toHaveCount(15);
    const a3 = path.join(OUT, 'gantt-print-a3.pdf');
    await page.pdf({ path: a3, preferCSSPageSize: true, printBackground: true });
    const t3 = pdfText(a3);
    const flat3 = t3.replace(/\s+/g, '');
    expect(flat3).toContain('状态');
    // nothing reported in the seed: every project is ○未填报; the legend names all five marks
    expect(flat3.match(/○未填报/g)?.length ?? 0).toBeGreaterThanOrEqual(15);
    for (const word of ['✖滞后', '▲预警', '●正常', '✔已完成']) expect(flat3).toContain(word);
    expect(flat3).toMatch(/合计（15项）63,760/);
    // two lines in the header: both halves are printed
    expect(flat3).toContain('投资估算');
    expect(flat3).toContain('（万元）');
    execFileSync('pdftoppm', ['-gray', '-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', a3, path.join(OUT, 'gantt-print-a3-grey')]);
    fs.copyFileSync(path.join(OUT, 'gantt-print-a3-grey.png'), docShot('gantt-print-a3-grey.png'));

    // a repeated （续） header is not counted twice
    // grouped by town: each town shows its own share, and the towns still add up to 63,760
    await gantt.openPrint('paper=A3&range=plan&group=town&expanded=10');
    await expect(page.locator('.print-row-site').first()).toBeVisible();
    const townTotals = await page.locator('.print-row-group:not(.print-row-cont) .print-sum').allTextContents();
    const sum = townTotals.reduce((s, t) => s + Number(t.replace(/,/g, '')), 0);
    expect(Math.round(sum)).toBe(63_760);
    await expect(page.locator('.print-row-total .print-sum')).toHaveText('63,760');
    await expect(page.locator('.print-grid-head').first()).toContainText('本镇分摊');

  });

  test('A4: the money header is whole and the grand total is on the last page', async ({ page }) => {
    test.setTimeout(120_000);
    fs.mkdirSync(OUT, { recursive: true });
    const gantt = new GanttPageObject(page);
    // A4: the money header is whole (two lines), the grand total on the last page
    await gantt.openPrint('paper=A4&range=year:2024&sites=1');
    const clipped = await page.locator('.print-grid-head > div').evaluateAll((cells) =>
      cells.filter((c) => c.scrollWidth > c.clientWidth + 1 || c.scrollHeight > c.clientHeight + 1).map((c) => c.textContent),
    );
    expect(clipped).toEqual([]);
    const a4 = path.join(OUT, 'gantt-print-a4.pdf');
    await page.pdf({ path: a4, preferCSSPageSize: true, printBackground: true });
    const info = execFileSync('pdfinfo', [a4], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    const flat4 = pdfText(a4).replace(/\s+/g, '');
    expect(flat4).toContain('投资估算');
    expect(flat4).toContain('（万元）');
    expect(flat4.match(/○未填报/g)?.length ?? 0).toBeGreaterThan(15);
    const last = execFileSync('pdftotext', ['-layout', '-f', String(pages), '-l', String(pages), a4, '-'], { encoding: 'utf8' });
    expect(last.split('\n').find((l) => l.includes('合计（15项）'))).toMatch(/63,760/);
    execFileSync('pdftoppm', ['-gray', '-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', a4, path.join(OUT, 'gantt-print-a4-grey')]);
  });
});

test('the 打印 button prints what the screen shows: its grouping and the projects expanded to their sites', async ({ page }) => {
  const gantt = new GanttPageObject(page);
  await gantt.open();
  await gantt.group('镇街');
  await page.locator('.gantt-grid-col .gantt-row-project .gantt-toggle').first().click();
  const shownSites = await page.locator('.gantt-grid-col .gantt-row-site').count();
  expect(shownSites).toBeGreaterThan(0);
  await page.getByRole('group', { name: '打印' }).getByRole('button', { name: '打印' }).click();
  await expect(page).toHaveURL(/#\/print\/gantt\?.*group=town.*expanded=\d+/);
  await expect(page.locator('.gantt-print[data-print-ready="true"]')).toBeAttached({ timeout: 20_000 });
  await expect(page.locator('.print-row-site').first()).toBeAttached();
});
