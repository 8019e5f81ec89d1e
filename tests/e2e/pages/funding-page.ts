// Page object: 资金填报 as finance staff use it: pick a project, fill amounts by keyboard and
// by pasting a block copied from Excel/WPS, save (confirming an over-arrival), read the
// figures the page shows, export 资金构成, 撤销.
import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** the seeded sources, in the grid's order (sources across, 计划/到位/支付 under each) */
export const SOURCES = ['中央补助', '市级补助', '福彩公益金', '县级配套', '社会投资'] as const;
export type Source = (typeof SOURCES)[number];
export const KINDS = ['计划', '到位', '支付'] as const;
export type Kind = (typeof KINDS)[number];
/** the computed columns after the sources */
export const COMPUTED = ['合计计划', '合计到位', '合计支付', '到位率', '支付率'] as const;
export type Computed = (typeof COMPUTED)[number];
/** the figures above the grid */
export const SUMMARY = ['计划安排', '到位', '支付', '到位率', '支付率'] as const;
export type SummaryFigure = (typeof SUMMARY)[number];

export class FundingPageObject {
  readonly grid: Locator;
  readonly heading: Locator;
  readonly saveButton: Locator;
  readonly undoButton: Locator;
  readonly exportButton: Locator;
  readonly projectPicker: Locator;
  readonly summary: Locator;
  readonly issues: Locator;
  readonly confirmDialog: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByRole('grid', { name: /^资金填报/ });
    this.heading = page.getByRole('heading', { level: 1 });
    this.saveButton = page.getByRole('button', { name: /^(保存|正在保存)/ });
    // its text is the backend's label of what it undoes, e.g. 撤销：修改资金记录（21 项）
    this.undoButton = page.locator('.egrid-bar').getByRole('button', { name: /^撤销/ });
    this.exportButton = page.getByRole('button', { name: '导出资金构成' });
    this.projectPicker = page.getByRole('combobox', { name: '项目' });
    this.summary = page.getByTestId('funding-summary');
    this.issues = page.getByTestId('funding-issues');
    this.confirmDialog = page.getByRole('alertdialog', { name: '以下金额未通过检查，仍要保存吗？' });
    this.status = page.locator('.egrid-bar .egrid-status');
  }

  /** From the top bar's 资金 link, then the project picker; waits for that project's grid. */
  async openFromNav(projectOption: string): Promise<void> {
    await this.page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '资金' }).click();
    await expect(this.grid.getByRole('rowheader').first()).toBeVisible();
    await this.projectPicker.selectOption({ label: projectOption });
    await expect(this.projectPicker.locator('option:checked')).toHaveText(projectOption);
    await expect(this.grid).toHaveAccessibleName(`资金填报：${projectOption}`);
  }

  col(source: Source, kind: Kind): number {
    return SOURCES.indexOf(source) * KINDS.length + KINDS.indexOf(kind);
  }

  computedCol(which: Computed): number {
    return SOURCES.length * KINDS.length + COMPUTED.indexOf(which);
  }

  /** grid row index of a row header such as "2024年" */
  async rowOf(header: string): Promise<number> {
    const headers = await this.grid.locator('tbody [role="rowheader"]').allTextContents();
    const i = headers.indexOf(header);
    if (i < 0) throw new Error(`no row ${header} in ${headers.join(' ')}`);
    return i;
  }

  cell(row: number, col: number): Locator {
    return this.grid.locator(`[data-cell="${row}:${col}"]`);
  }

  /** a cell of the 合计 row under the grid */
  footerCell(col: number): Locator {
    return this.grid.locator('tfoot [role="gridcell"]').nth(col);
  }

  /**
   * Selects a cell with the mouse, then types each value and presses the key after it
   * (Tab, Enter, ArrowRight…), as in a spreadsheet: typing replaces, the key commits and moves.
   */
  async typeFrom(row: number, col: number, steps: readonly (readonly [text: string, key: string])[]): Promise<void> {
    await this.cell(row, col).click();
    for (const [text, key] of steps) {
      if (text !== '') await this.page.keyboard.type(text);
      await this.page.keyboard.press(key);
    }
  }

  /** Pastes tab-separated text (as Excel/WPS put on the clipboard) at a cell. */
  async paste(row: number, col: number, tsv: string): Promise<void> {
    await this.cell(row, col).click();
    await this.page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', text);
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, tsv);
  }

  /** A figure above the grid as shown, e.g. "1,025.5" or "87.32%". */
  async figure(label: SummaryFigure): Promise<string> {
    const span = this.summary.locator('span').nth(SUMMARY.indexOf(label));
    return (await span.locator('strong').innerText()).trim();
  }

  /** Clicks 导出资金构成 and saves the download as `file`; returns the name the app gave it. */
  async exportTo(file: string): Promise<string> {
    const download: Promise<Download> = this.page.waitForEvent('download');
    await this.exportButton.click();
    const d = await download;
    await d.saveAs(file);
    return d.suggestedFilename();
  }
}
