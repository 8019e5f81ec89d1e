import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { GanttPageObject } from './pages/gantt-page';

const OUT = path.resolve('test-results');

/** full project names straight from the seed, so the PDF check does not trust the UI */
function seedNames(): string[] {
  const seed = JSON.parse(fs.readFileSync('resources/seed/fengjie-14th-plan.json', 'utf8')) as { projects: { name: string }[] };
  return seed.projects.map((p) => p.name);
}

test.describe('Gantt', () => {
  test('one bar per project, zoom changes the scale, a click opens the project', async ({ page }) => {
    fs.mkdirSync(OUT, { recursive: true });
    const gantt = new GanttPageObject(page);
    await gantt.open();
    await expect(gantt.projectRows).toHaveCount(15);
    await expect(gantt.plannedBars).toHaveCount(15);
    // nothing reported yet: every light is grey (未填报), never guessed red; today (2026-11-29)
    // is past every window, so each bar still has its overdue tail
    await expect(page.locator('.gantt-chart-col .gantt-bar-planned.light-grey')).toHaveCount(15);
    await expect(page.locator('.gantt-chart-col .gantt-bar-overdue')).toHaveCount(15);
    await expect(page.locator('.gantt-today')).toHaveCount(1);

    // opens fitted to the width (全部); the whole plan and today are in view
    await expect(gantt.headerCells.first()).toHaveText('2021年');
    await page.screenshot({ path: path.join(OUT, 'gantt-screen.png') });
    await gantt.zoom('季');
    const quarter = await gantt.headerLabels();
    expect(quarter).toContain('2023年');
    expect(quarter).toContain('一季度');

    await gantt.zoom('月');
    await expect(gantt.headerCells.filter({ hasText: /^3月$/ }).first()).toBeVisible();
    const month = await gantt.headerLabels();
    expect(month).not.toContain('一季度');
    expect(month).toContain('12月');
    await gantt.zoom('年');
    const year = await gantt.headerLabels();
    expect(year).toEqual(['2021年', '2022年', '2023年', '2024年', '2025年', '2026年']);
    await gantt.zoom('全部');
    await expect(gantt.headerCells.first()).toHaveText('2021年');

    // keyboard scrolling on the focusable scroller
    await gantt.group('镇街');
    await gantt.scroller.focus();
    await page.keyboard.press('PageDown');
    await expect.poll(() => gantt.scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(100);
    await page.keyboard.press('Home');
    await expect.poll(() => gantt.scroller.evaluate((el) => el.scrollTop)).toBe(0);
    await gantt.group('类别');

    const name = seedNames()[1] ?? '';
    // hovering shows the key figures; clicking the bar row opens the project
    const bar = await gantt.barRowOf(name);
    await bar.hover();
    await expect(page.getByRole('tooltip')).toContainText('投资估算');
    await page.screenshot({ path: path.join(OUT, 'gantt-tooltip.png') });
    await bar.click();
    await expect(page).toHaveURL(/#\/project\/\d+$/);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  });

  test('A3 print view gives A3 landscape PDF pages holding every full project name', async ({ page }) => {
    fs.mkdirSync(OUT, { recursive: true });
    const gantt = new GanttPageObject(page);
    await gantt.openPrint('paper=A3&range=plan');
    const sheets = page.locator('.print-sheet');
    const n = await sheets.count();
    expect(n).toBeGreaterThanOrEqual(1);
    await expect(sheets.last()).toContainText(`第 ${n} 页 / 共 ${n} 页`);
    await page.screenshot({ path: path.join(OUT, 'gantt-print-screen.png'), fullPage: false });

    await page.emulateMedia({ media: 'print' });
    const pdfPath = path.join(OUT, 'gantt-a3.pdf');
    await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });

    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', pdfPath], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    expect(pages).toBe(n);
    const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ w: Number(m[1]), h: Number(m[2]) }));
    expect(sizes).toHaveLength(pages);
    for (const { w, h } of sizes) {
      // A3 landscape is 1190.55 x 841.89 pt; Chromium rounds to whole device pixels (< 1 pt)
      expect(Math.abs(w - 1190.55)).toBeLessThan(1);
      expect(Math.abs(h - 841.89)).toBeLessThan(1);
    }
    // every font is embedded with a Unicode map (Chromium embeds the Noto CJK glyphs as
    // Type 3 outlines), so no printer or viewer substitutes boxes for Chinese
    const fontRows = execFileSync('pdffonts', [pdfPath], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
    expect(fontRows.length).toBeGreaterThan(0);
    for (const row of fontRows) expect(row, row).toMatch(/\syes\s+(yes|no)\s+yes\s+\d+/);

    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const name of seedNames()) expect(text, name).toContain(name.replace(/\s+/g, ''));
    expect(text).toContain(`第1页/共${pages}页`);
    expect(text).toContain('打印日期：2026-11-29');

    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdfPath, path.join(OUT, 'gantt-a3-page1')]);
    expect(fs.existsSync(path.join(OUT, 'gantt-a3-page1.png'))).toBe(true);
  });

  test('A4 print of one year fits the page and keeps every row whole', async ({ page }) => {
    const gantt = new GanttPageObject(page);
    await gantt.openPrint('paper=A4&range=year:2024&sites=1');
    const sheets = page.locator('.print-sheet');
    const n = await sheets.count();
    expect(n).toBeGreaterThan(3); // 137 sites
    await expect(page.locator('.print-timehead-cell').filter({ hasText: /^3月$/ }).first()).toBeVisible();
    // no row reaches past its page body (checked from the rendered boxes)
    const overflow = await page.evaluate(() =>
      [...document.querySelectorAll('.print-body')].some((body) => {
        const b = body.getBoundingClientRect();
        return [...body.querySelectorAll('.print-row')].some((r) => r.getBoundingClientRect().bottom > b.bottom + 0.5);
      }),
    );
    expect(overflow).toBe(false);
    const pdfPath = path.join(OUT, 'gantt-a4.pdf');
    await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', pdfPath], { encoding: 'utf8' });
    expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBe(n);
    expect(info).toMatch(/Page\s+1 size:\s+84[12]\.\d+ x 59[45]\.\d+ pts/);
  });
});
