// Page object: the 进度月报 workbook buttons on the monthly report page (导出进度月报 /
// 导入进度月报…) and the import dialog they open, as an officer uses them.
import { expect, type Locator, type Page } from '@playwright/test';

export class ProgressWorkbookTools {
  readonly exportButton: Locator;
  readonly importButton: Locator;
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.exportButton = page.getByRole('button', { name: '导出进度月报' });
    this.importButton = page.getByRole('button', { name: '导入进度月报…' });
    this.notice = page.getByTestId('report-xlsx-notice');
  }

  /** '#/report?month=…' for the whole plan; waits for the grid. */
  async open(month: string): Promise<void> {
    await this.page.goto(`./#/report?month=${month}`);
    await expect(this.page.getByRole('grid').getByRole('rowheader').first()).toBeVisible();
  }

  /** Clicks 导出进度月报 and saves the download as `file`; returns the name the app gave it. */
  async exportTo(file: string): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.exportButton.click();
    const d = await download;
    await d.saveAs(file);
    return d.suggestedFilename();
  }

  get importDialog(): Locator {
    return this.page.getByRole('dialog', { name: /导入进度月报/ });
  }

  /** Picks a file through 导入进度月报…'s file chooser and waits for the dialog. */
  async importFile(file: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.importButton.click();
    await (await chooser).setFiles(file);
    await expect(this.importDialog).toBeVisible();
  }

  async applyImport(): Promise<void> {
    await this.importDialog.getByRole('button', { name: /^应用/ }).click();
    await expect(this.importDialog).toBeHidden({ timeout: 30_000 });
  }
}
