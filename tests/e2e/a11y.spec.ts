// Every route passes axe-core with no serious or critical violation (issue 10, item 15).
// Routes whose remaining violations live in files owned elsewhere list the rules they
// may still break in KNOWN_EXCEPTIONS, each named, so the list shrinks as they are fixed.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

const ROUTES = [
  '#/',
  '#/project/1',
  '#/gantt',
  '#/dashboard',
  '#/report',
  '#/funding?plan=1&project=1',
  '#/settings',
  '#/print/gantt?paper=A3',
  '#/print/dashboard?paper=A4&plan=1',
] as const;

/** route → axe rules still broken there by files this suite's owner may not edit */
const KNOWN_EXCEPTIONS: Partial<Record<(typeof ROUTES)[number], readonly string[]>> = {};

for (const route of ROUTES) {
  test(`axe: ${route} has no serious or critical violation`, async ({ page }) => {
    await page.goto(`/${route}`);
    // wait for the page's data: the loading placeholders say 正在载入/正在准备
    await page.locator('main, .print-page, body').first().waitFor();
    await expect(page.getByText(/^正在(载入|准备)/)).toHaveCount(0, { timeout: 15_000 });
    await page.waitForTimeout(300);
    const builder = new AxeBuilder({ page });
    const skip = KNOWN_EXCEPTIONS[route];
    if (skip && skip.length > 0) builder.disableRules([...skip]);
    const results = await builder.analyze();
    const bad = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}, ${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    expect(bad, `axe violations on ${route}`).toEqual([]);
  });
}
