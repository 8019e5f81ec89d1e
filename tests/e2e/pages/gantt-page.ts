// Page object for the Gantt screen and its print view.
import { expect, type Locator, type Page } from '@playwright/test';

export class GanttPageObject {
  readonly scroller: Locator;
  readonly projectRows: Locator;
  readonly plannedBars: Locator;
  readonly headerCells: Locator;
  readonly groupHeaders: Locator;
  readonly tooltip: Locator;

  constructor(readonly page: Page) {
    this.scroller = page.locator('.gantt-scroller');
    this.projectRows = page.locator('.gantt-grid-col .gantt-row-project');
    this.plannedBars = page.locator('.gantt-chart-col .gantt-row-project .gantt-bar-planned');
    this.headerCells = page.locator('.gantt-timehead-cell');
    this.groupHeaders = page.locator('.gantt-grid-col .gantt-row-group');
    this.tooltip = page.locator('.gantt-tooltip');
  }

  /** the scroller's scroll position */
  async scroll(): Promise<{ top: number; left: number }> {
    return this.scroller.evaluate((el) => ({ top: el.scrollTop, left: el.scrollLeft }));
  }

  async scrollTo(top: number, left: number): Promise<void> {
    await this.scroller.evaluate((el, [t, l]) => {
      el.scrollTop = t ?? 0;
      el.scrollLeft = l ?? 0;
      el.dispatchEvent(new Event('scroll'));
    }, [top, left]);
  }

  /** rows in the grid (data rows; the header row is not counted) */
  async rowCount(): Promise<number> {
    return Number(await this.scroller.getAttribute('data-row-count'));
  }

  /**
   * 本镇分摊 of every town header, in 元 (from the 万元 text). Rows are drawn in a window,
   * so the grid is scrolled through, a screenful at a time, and each header read once.
   */
  async groupTotalsWan(): Promise<number[]> {
    const byRow = new Map<string, string>();
    const { height, view } = await this.scroller.evaluate((el) => ({ height: el.scrollHeight, view: el.clientHeight }));
    for (let top = 0; ; top += Math.max(100, view - 100)) {
      await this.scrollTo(top, 0);
      // the scroll event renders the rows now in view before the next frame
      await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const seen = await this.page.locator('.gantt-grid-col .gantt-row-group').evaluateAll((rows) =>
        rows.map((r) => [r.getAttribute('data-row-index') ?? '', r.querySelector('.gantt-group-count')?.textContent ?? ''] as const),
      );
      for (const [i, t] of seen) byRow.set(i, t);
      if (top + view >= height) break;
    }
    await this.scrollTo(0, 0);
    return [...byRow.values()].map((t) => Number(/([\d,.]+)万元/.exec(t)?.[1]?.replace(/,/g, '') ?? NaN));
  }

  async open(): Promise<void> {
    await this.page.goto('./#/gantt');
    await expect(this.scroller).toBeVisible();
    await expect(this.projectRows.first()).toBeVisible();
  }

  async zoom(label: '年' | '季' | '月' | '全部'): Promise<void> {
    await this.page.getByRole('group', { name: '缩放' }).getByRole('button', { name: label, exact: true }).click();
  }

  async group(label: '类别' | '镇街' | '阶段'): Promise<void> {
    await this.page.getByRole('group', { name: '分组' }).getByRole('button', { name: label, exact: true }).click();
  }

  async headerLabels(): Promise<string[]> {
    return this.headerCells.allTextContents();
  }

  row(name: string): Locator {
    return this.projectRows.filter({ hasText: name });
  }

  /** the bar row beside a grid row: both carry the project id */
  async barRowOf(name: string): Promise<Locator> {
    const id = await this.row(name).first().getAttribute('data-project-id');
    return this.page.locator(`.gantt-chart-col .gantt-row-project[data-project-id="${id ?? ''}"]`);
  }

  async openPrint(query: string): Promise<void> {
    await this.page.goto(`./#/print/gantt?${query}`);
    await expect(this.page.locator('.gantt-print[data-print-ready="true"]')).toBeAttached({ timeout: 20_000 });
  }
}
