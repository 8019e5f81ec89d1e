// Page object: the register (项目台账) as a person sees it.
import { expect, type Locator, type Page } from '@playwright/test';

export class RegisterPage {
  readonly page: Page;
  readonly rows: Locator;
  readonly grandTotal: Locator;
  readonly totalInvestment: Locator;
  readonly search: Locator;

  constructor(page: Page) {
    this.page = page;
    this.rows = page.getByTestId('project-row');
    this.grandTotal = page.getByTestId('grand-total');
    this.totalInvestment = page.getByTestId('total-investment');
    this.search = page.getByRole('searchbox', { name: '搜索' });
  }

  async open(): Promise<void> {
    await this.page.goto('#/');
    await expect(this.page.getByRole('heading', { name: '项目台账' })).toBeVisible();
    await expect(this.rows.first()).toBeVisible();
    // a large plan shows its first rows before the rest: a person waits for "正在加载全部…" to go
    await expect(this.page.getByTestId('register-loading')).toHaveCount(0, { timeout: 30_000 });
  }

  row(seq: number): Locator {
    return this.page.locator(`[data-testid="project-row"][data-seq="${seq}"]`);
  }

  async investmentOf(seq: number): Promise<string> {
    return (await this.row(seq).locator('td.money').innerText()).trim();
  }

  async filterCategory(category: string): Promise<void> {
    await this.page.getByRole('combobox', { name: '类别' }).selectOption(category);
  }

  async filterTown(town: string): Promise<void> {
    await this.page.getByRole('combobox', { name: '乡镇（街道）' }).selectOption(town);
  }

  async sortBy(column: string): Promise<void> {
    await this.page.getByRole('columnheader', { name: column }).getByRole('button').click();
  }

  async seqs(): Promise<number[]> {
    return (await this.rows.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-seq')))));
  }

  async expand(seq: number): Promise<void> {
    await this.row(seq).getByRole('button', { name: /展开/ }).click();
  }

  /** the town's own share in the total row (本镇分摊), shown when a town is filtered */
  get townShareTotal(): Locator {
    return this.page.getByTestId('town-share-total');
  }

  get siteRows(): Locator {
    return this.page.getByTestId('site-row');
  }

  /** 建设地 or 规模 cell of a row, a button that shows the full text */
  longText(seq: number, label: '建设地' | '规模'): Locator {
    return this.row(seq).getByRole('button', { name: new RegExp(`^${label}：`) });
  }

  // ── a large (windowed) register ──

  get table(): Locator {
    return this.page.getByTestId('register-table');
  }

  get totalRow(): Locator {
    return this.page.getByTestId('total-row');
  }

  /** whether the totals row is laid out after the last project row (a cell: sticky cells move, their row does not) */
  async totalsBelowLastRow(): Promise<boolean> {
    const last = await this.rows.last().boundingBox();
    const total = await this.totalInvestment.boundingBox();
    return last !== null && total !== null && total.y >= last.y + last.height - 1;
  }

  /** the table's scroller: a windowed register draws the rows around its scroll position */
  get scroller(): Locator {
    return this.page.locator('.table-wrap');
  }

  /** scrolls the table to its end, step by step as a person would, until the last row shows */
  async scrollToEnd(): Promise<void> {
    for (let i = 0; i < 200; i++) {
      const atEnd = await this.scroller.evaluate((el) => {
        const before = el.scrollTop;
        el.scrollTop = el.scrollTop + el.clientHeight * 20;
        return el.scrollTop === before;
      });
      if (atEnd) return;
      await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    }
    throw new Error('the register never reached its end');
  }

  /** the row that has the keyboard focus */
  get focusedRow(): Locator {
    return this.page.locator('[data-testid="project-row"]:focus');
  }

  async openProject(name: string): Promise<void> {
    await this.page.getByRole('link', { name, exact: true }).click();
  }

  // ── spreadsheet import (XlsxToolbar / ImportDialog) ──

  get importDialog(): Locator {
    return this.page.getByRole('dialog', { name: /导入附件1/ });
  }

  /** Picks a file through the 导入附件1… button's file chooser and waits for the dialog. */
  async importFile(file: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: '导入附件1…' }).click();
    await (await chooser).setFiles(file);
    await expect(this.importDialog).toBeVisible();
  }

  async applyImport(): Promise<void> {
    await this.importDialog.getByRole('button', { name: /^应用/ }).click();
    await expect(this.importDialog).toBeHidden({ timeout: 30_000 });
  }

  /** Drops a file onto the window as a file manager would (dragenter, dragover, drop with a DataTransfer). */
  async dropFile(fileName: string, bytes: Buffer): Promise<void> {
    await this.page.evaluate(
      ({ name, base64 }) => {
        const raw = atob(base64);
        const data = new Uint8Array(raw.length);
        for (let i = 0; i < raw.length; i++) data[i] = raw.charCodeAt(i);
        const dt = new DataTransfer();
        dt.items.add(new File([data], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
        for (const type of ['dragenter', 'dragover', 'drop']) {
          document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
        }
      },
      { name: fileName, base64: bytes.toString('base64') },
    );
    await expect(this.importDialog).toBeVisible();
  }
}
