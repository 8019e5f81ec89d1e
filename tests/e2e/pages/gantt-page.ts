// Page object for the Gantt screen and its print view.
import { expect, type Locator, type Page } from '@playwright/test';

export class GanttPageObject {
  readonly scroller: Locator;
  readonly projectRows: Locator;
  readonly plannedBars: Locator;
  readonly headerCells: Locator;

  constructor(readonly page: Page) {
    this.scroller = page.locator('.gantt-scroller');
    this.projectRows = page.locator('.gantt-grid-col .gantt-row-project');
    this.plannedBars = page.locator('.gantt-chart-col .gantt-row-project .gantt-bar-planned');
    this.headerCells = page.locator('.gantt-timehead-cell');
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
