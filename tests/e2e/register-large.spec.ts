// A city-level register (3,000 projects, the fixture database) through the real served app:
// the table draws a window of rows, yet scrolling reaches the last project, a search and the
// totals cover every project, the keyboard walks the rows, a project opens, and print media
// draws every row.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect } from '@playwright/test';
import { totalsOf } from '../../src/domain/register-totals';
import { EMPTY_FILTER, matchesFilter } from '../../src/ui/register/register-table';
import { formatWan } from '../../src/domain/money';
import { openBackend } from '../../src/backend/backend';
import { fixedClock } from '../../src/backend/clock';
import type { RegisterRows } from '../../src/domain/api/register';
import { buildRegisterDb, REGISTER_DB_TODAY } from '../fixtures/register-db';
import { startTestServer, type ServerHandle } from './server-process';
import { RegisterPage } from './pages/register-page';
import { ProjectPage } from './pages/project-page';

const N = 3000;

/** one 3,000-project database and server for the file's tests (none of them writes) */
const test = base.extend<{ baseURL: string }, { large: { server: ServerHandle; rows: RegisterRows } }>({
  large: [
    async ({}, use) => {
      const { dbPath } = buildRegisterDb({ projects: N });
      const b = openBackend({ dbPath, user: 'e2e', clock: fixedClock(`${REGISTER_DB_TODAY}T10:00:00`) });
      const rows = await b.send('register.rows', {});
      b.close();
      const server = await startTestServer({ dbPath, today: REGISTER_DB_TODAY });
      await use({ server, rows });
      await server.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  baseURL: async ({ large }, use) => {
    await use(large.server.baseURL);
  },
});

/** how many project rows are in the DOM (drawn), whatever is on screen */
const drawn = (register: RegisterPage) => register.rows.count();

test.describe(`项目台账 with ${N} projects`, () => {
  test('draws a window of rows and scrolls to the last project', async ({ page, large }) => {
    const register = new RegisterPage(page);
    await register.open();
    await expect(register.totalRow).toContainText(`合计（${N} 个项目，${large.rows.siteCount} 个建设点）`);
    await expect(register.totalInvestment).toHaveText(formatWan(large.rows.totalInvestmentYuan));
    await expect(register.table).toHaveAttribute('aria-rowcount', String(N + 2));
    expect(await drawn(register)).toBeLessThan(80);
    await page.setViewportSize({ width: 1366, height: 768 });
    // the long roll-up title wraps the toolbar: the totals row still ends above the fold
    await expect(register.totalInvestment).toBeInViewport({ ratio: 1 }); // a cell: the row box stays where the table ends
    await page.screenshot({ path: 'test-results/screens/register-3000-1366.png' });

    await register.scrollToEnd();
    await expect(register.row(N)).toBeInViewport();
    await expect(register.row(N)).toHaveAttribute('aria-rowindex', String(N + 1));
    expect(await drawn(register)).toBeLessThan(80);
    await expect(register.row(10)).toHaveCount(0); // scrolled away: dropped from the DOM
    // the columns keep their widths whatever rows are drawn (a fixed layout)
    const seqWidth = await page.getByRole('columnheader', { name: '序号' }).evaluate((e) => e.getBoundingClientRect().width);
    await register.scroller.evaluate((el) => (el.scrollTop = 0));
    await expect(register.row(1)).toBeInViewport();
    expect(await page.getByRole('columnheader', { name: '序号' }).evaluate((e) => e.getBoundingClientRect().width)).toBe(seqWidth);
  });

  test('a search filters every project and totals them; a project opens from it', async ({ page, large }) => {
    const register = new RegisterPage(page);
    await register.open();
    const text = '巫山县';
    const expected = large.rows.projects.filter((r) => matchesFilter(r, { ...EMPTY_FILTER, text }));
    expect(expected.length).toBeGreaterThan(100);
    await register.search.fill(text);
    await expect(register.totalRow).toContainText(`筛选合计（${expected.length} 个项目`);
    await expect(register.totalInvestment).toHaveText(formatWan(totalsOf(expected).investmentYuan));
    await expect(register.table).toHaveAttribute('aria-rowcount', String(expected.length + 2));
    expect(await drawn(register)).toBeLessThan(80);
    for (const name of await register.rows.locator('a.project-link').allInnerTexts()) expect(name).toContain(text);

    await register.scrollToEnd();
    const last = expected[expected.length - 1];
    if (!last) throw new Error('no last project');
    await expect(register.row(last.seq)).toBeInViewport();
    await register.row(last.seq).getByRole('link', { name: last.name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`#/project/${last.id}$`));
    await expect(new ProjectPage(page).field('项目名称')).toHaveValue(last.name);
    await page.goBack();
    await expect(register.search).toHaveValue(text);
    await expect(register.totalRow).toContainText(`筛选合计（${expected.length} 个项目`);
  });

  test('the keyboard moves between rows, scrolling the window, and opens a project’s sites', async ({ page }) => {
    const register = new RegisterPage(page);
    await register.open();
    await register.row(1).focus();
    await page.keyboard.press('ArrowDown');
    await expect(register.focusedRow).toHaveAttribute('data-seq', '2');
    await page.keyboard.press('End');
    await expect(register.focusedRow).toHaveAttribute('data-seq', String(N));
    await expect(register.row(N)).toBeInViewport({ ratio: 1 });
    await page.keyboard.press('PageUp');
    const up = Number(await register.focusedRow.getAttribute('data-seq'));
    expect(up).toBeLessThan(N - 3);
    await expect(register.focusedRow).toBeInViewport({ ratio: 1 });
    await page.keyboard.press('Home');
    await expect(register.focusedRow).toHaveAttribute('data-seq', '1');
    await expect(register.row(1)).toBeInViewport({ ratio: 1 });
    await page.keyboard.press('ArrowRight');
    await expect(register.row(1).getByRole('button', { name: /^收起/ })).toHaveAttribute('aria-expanded', 'true');
    await expect(register.siteRows.first()).toBeVisible();
    await page.keyboard.press('ArrowLeft');
    await expect(register.siteRows).toHaveCount(0);
    await expect(register.focusedRow).toHaveAttribute('data-seq', '1');
  });

  test('printing draws every row, then the window again', async ({ page }) => {
    test.setTimeout(120_000); // laying out 3,000 rows for print, twice, and a PDF of them
    const register = new RegisterPage(page);
    await register.open();
    // what window.print(), Ctrl+P and Electron's print send before laying the page out
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await expect(register.rows).toHaveCount(N);
    await expect(register.table).not.toHaveClass(/grid-virtual/);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect.poll(() => drawn(register)).toBeLessThan(80);
    // print media (a PDF export emulates it) also draws every row
    await page.emulateMedia({ media: 'print' });
    await expect(register.rows).toHaveCount(N);
    expect(await register.totalsBelowLastRow()).toBe(true);
    // on paper, every page has the column headers (Chromium repeats no button) and the totals row
    const pdfPath = path.join(test.info().outputDir, 'register-3000.pdf');
    await page.pdf({ path: pdfPath, format: 'A4', landscape: true, pageRanges: '1-2' });
    for (const pageNo of ['1', '2']) {
      const text = execFileSync('pdftotext', ['-f', pageNo, '-l', pageNo, pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      for (const words of ['序号', '项目名称', '投资估算（万元）', '建设年限', `合计（${N}个项目`]) expect(text, `page ${pageNo}`).toContain(words);
    }
  });

  test('axe: the windowed table has no serious or critical violation', async ({ page }) => {
    const register = new RegisterPage(page);
    await register.open();
    await register.row(1).focus();
    await page.keyboard.press('ArrowRight'); // open sites too: their rows are numbered as well
    await expect(register.siteRows.first()).toBeVisible();
    const results = await new AxeBuilder({ page }).include('[data-testid="register-table"]').analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.length}`);
    expect(bad).toEqual([]);
  });
});
