// Page object: 月度填报 (the monthly progress grid) as an officer uses it: keyboard and paste.
import { expect, type Locator, type Page } from '@playwright/test';

/** editable columns, in grid order */
export const REPORT_COLUMNS = ['建设阶段', '形象进度（%）', '形象进度描述', '本月完成投资（万元）', '累计完成投资（万元）', '存在问题'] as const;
export type ReportColumn = (typeof REPORT_COLUMNS)[number];

export class MonthlyReportPageObject {
  readonly grid: Locator;
  readonly heading: Locator;
  readonly saveButton: Locator;
  readonly undoButton: Locator;
  readonly problems: Locator;
  readonly reportedCount: Locator;
  readonly month: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByRole('grid');
    this.heading = page.getByRole('heading', { level: 1 });
    this.saveButton = page.getByRole('button', { name: /^(保存|正在保存)/ });
    this.undoButton = page.getByTestId('report-undo');
    this.problems = page.getByTestId('grid-problems');
    this.reportedCount = page.getByTestId('reported-count');
    this.month = page.getByRole('combobox', { name: '报告期' });
  }

  /** '#/report?…' with the given query (e.g. 'project=10'); waits for the rows. */
  async open(query: string): Promise<void> {
    await this.page.goto(`./#/report?${query}`);
    await expect(this.grid.getByRole('rowheader').first()).toBeVisible();
  }

  col(column: ReportColumn): number {
    return REPORT_COLUMNS.indexOf(column);
  }

  /** grid row index of a row header such as "10-3 公平镇 浸塘村" */
  async rowOf(header: string): Promise<number> {
    const headers = await this.grid.locator('tbody [role="rowheader"]').allTextContents();
    const i = headers.indexOf(header);
    if (i < 0) throw new Error(`no row ${header}`);
    return i;
  }

  cell(row: number, column: ReportColumn): Locator {
    return this.grid.locator(`[data-cell="${row}:${this.col(column)}"]`);
  }

  async select(row: number, column: ReportColumn): Promise<void> {
    await this.cell(row, column).click();
  }

  /**
   * Types a value as a person does: select the cell, type (digits start the cell editor),
   * Tab to the next cell. Chinese text goes in through F2 and the IME's insertText.
   */
  async type(row: number, column: ReportColumn, text: string): Promise<void> {
    await this.select(row, column);
    if (/^[\x20-\x7e]+$/.test(text)) {
      await this.page.keyboard.type(text);
    } else {
      await this.page.keyboard.press('F2');
      await this.page.keyboard.press('Control+A');
      await this.page.keyboard.insertText(text);
    }
    await this.page.keyboard.press('Tab');
  }

  /** Pastes tab-separated text (as Excel/WPS put on the clipboard) at a cell. */
  async paste(row: number, column: ReportColumn, tsv: string): Promise<void> {
    await this.select(row, column);
    await this.page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', text);
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, tsv);
  }

  async save(): Promise<void> {
    await this.saveButton.click();
  }

  status(): Locator {
    return this.page.locator('.egrid-bar .egrid-status');
  }
}
