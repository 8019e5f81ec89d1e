import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { GanttPageObject } from './pages/gantt-page';
import { docShot } from './shots';

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

  test('grouped by 镇街, the town headers show each town’s own share, adding up to the plan total', async ({ page }) => {
    const gantt = new GanttPageObject(page);
    for (const [width, height] of [
      [1366, 768],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.goto('./#/gantt?group=town');
      await expect(gantt.groupHeaders.first()).toBeVisible();
      await expect(gantt.groupHeaders.first()).toContainText('本镇分摊');
      // a project row's figure under a town is labelled as the whole project's, not the town's
      await expect(page.getByRole('columnheader', { name: '项目总投资（万元）' })).toBeVisible();
      await page.screenshot({ path: docShot(`gantt-town-${width}.png`) });
    }
    // the seed plan's 63,760万元, shared out over the towns (was 491,860万元)
    const total = (await gantt.groupTotalsWan()).reduce((a, b) => a + b, 0);
    expect(Math.abs(total - 63_760)).toBeLessThan(1);
    await expect(page.locator('.gantt-town-share').first()).toHaveAttribute('title', /按建设点分摊/);
  });

  test('keeps grouping, zoom, expanded rows and scroll when a project is opened and left', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const gantt = new GanttPageObject(page);
    await gantt.open();
    await gantt.group('镇街');
    await gantt.zoom('月');
    await expect(page).toHaveURL(/#\/gantt\?.*group=town.*zoom=month/);
    const rowsBefore = await gantt.rowCount();
    await page.locator('.gantt-grid-col .gantt-row-project .gantt-toggle').first().click();
    expect(await page.locator('.gantt-grid-col .gantt-row-site').count()).toBeGreaterThan(0);
    // rows are drawn in a window: the grid's row count says how many sites are listed
    const rows = await gantt.rowCount();
    expect(rows).toBeGreaterThan(rowsBefore);
    // open a project with the keyboard, come back with the browser's back button
    // (the pointer is moved away first, so only the keyboard drives the tooltip)
    await page.mouse.move(0, 0);
    await page.locator('.gantt-grid-col .gantt-row[tabindex="0"]').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    const focused = page.locator('.gantt-grid-col .gantt-row:focus');
    await expect(focused).toHaveCount(1);
    await expect(focused).not.toHaveClass(/gantt-row-group/);
    await expect(gantt.tooltip).toBeVisible();
    await gantt.scroller.evaluate((el) => {
      el.scrollLeft = 900;
      el.dispatchEvent(new Event('scroll'));
    });
    const before = await gantt.scroll();
    expect(before.top).toBeGreaterThan(0);
    expect(before.left).toBe(900);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#\/project\/\d+$/);
    await page.goBack();
    await expect(gantt.scroller).toHaveAttribute('aria-rowcount', String(rows + 1));
    await expect(page.getByRole('group', { name: '分组' }).getByRole('button', { name: '镇街' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('group', { name: '缩放' }).getByRole('button', { name: '月', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => gantt.scroll()).toEqual(before);

    // the nav link (no query) also gets the session's view back; exact: the register's hint line also links "查看本规划甘特图"
    await page.goto('./#/');
    await page.getByRole('link', { name: '甘特图', exact: true }).click();
    await expect(gantt.scroller).toHaveAttribute('aria-rowcount', String(rows + 1));
    await expect(page.getByRole('group', { name: '缩放' }).getByRole('button', { name: '月', exact: true })).toHaveAttribute('aria-pressed', 'true');
  });

  test('at 1366: sticky year label, 今天, resizable grid and tooltips inside the window', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const gantt = new GanttPageObject(page);
    await page.goto('./#/gantt?zoom=month');
    await expect(gantt.projectRows.first()).toBeVisible();
    const gridRight = async (): Promise<number> => (await page.locator('.gantt-grid-head').boundingBox())?.width ?? 0;
    const startWidth = await gridRight();
    expect(startWidth).toBeLessThan(1366 * 0.4);

    // mid-2023 at the grid's edge: the year above the months still reads 2023年, beside the grid
    const x2023 = await page.locator('.gantt-timehead-cell', { hasText: /^2023年$/ }).evaluate((el) => (el instanceof HTMLElement ? el.offsetLeft : 0));
    await gantt.scrollTo(0, x2023 + 6 * 44);
    const label = page.locator('.gantt-timehead-label', { hasText: /^2023年$/ });
    const box = await label.boundingBox();
    const scrollerBox = await gantt.scroller.boundingBox();
    expect(box && scrollerBox).toBeTruthy();
    if (!box || !scrollerBox) return;
    expect(box.x).toBeGreaterThanOrEqual(scrollerBox.x + startWidth - 1);
    expect(box.x + box.width).toBeLessThan(scrollerBox.x + scrollerBox.width);

    // 今天 brings today's line into view
    await gantt.scrollTo(0, 0);
    await page.getByRole('button', { name: '今天' }).click();
    const line = await page.locator('.gantt-today').boundingBox();
    expect(line && line.x > scrollerBox.x + startWidth && line.x < scrollerBox.x + scrollerBox.width).toBe(true);

    // drag the 名称 column wider; the width is remembered after a reload
    const handle = page.getByRole('separator', { name: /名称/ });
    const h = await handle.boundingBox();
    if (!h) throw new Error('no handle');
    await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
    await page.mouse.down();
    await page.mouse.move(h.x + 80, h.y + h.height / 2, { steps: 4 });
    await page.mouse.up();
    const wider = await gridRight();
    expect(wider).toBeGreaterThan(startWidth + 60);
    await page.getByRole('button', { name: '收起表格列' }).click();
    expect(await gridRight()).toBeLessThan(wider - 150);
    await page.reload();
    await expect(page.getByRole('button', { name: '展开表格列' })).toBeVisible();
    await page.getByRole('button', { name: '展开表格列' }).click();
    expect(Math.abs((await gridRight()) - wider)).toBeLessThan(2);

    // a tooltip at the bottom-right corner flips inside the window at its own width
    await gantt.scrollTo(100_000, 0);
    const last = page.locator('.gantt-chart-col .gantt-row-project').last();
    const lb = await last.boundingBox();
    if (!lb) throw new Error('no row');
    await page.mouse.move(scrollerBox.x + scrollerBox.width - 30, lb.y + lb.height / 2);
    await expect(gantt.tooltip).toBeVisible();
    const tb = await gantt.tooltip.boundingBox();
    if (!tb) throw new Error('no tooltip');
    expect(tb.width).toBeGreaterThan(200);
    expect(tb.x).toBeGreaterThanOrEqual(0);
    expect(tb.x + tb.width).toBeLessThanOrEqual(1366);
    expect(tb.y + tb.height).toBeLessThanOrEqual(768);
  });

  test('#/gantt has no serious or critical axe violations', async ({ page }) => {
    test.setTimeout(240_000);
    const gantt = new GanttPageObject(page);
    await gantt.open();
    await gantt.group('镇街');
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ') ?? ''}`)).toEqual([]);
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
