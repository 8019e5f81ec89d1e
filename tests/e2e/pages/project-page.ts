// Page object: one project's page (fields, save, undo, history).
import { expect, type Locator, type Page } from '@playwright/test';

export class ProjectPage {
  readonly page: Page;
  readonly saveButton: Locator;
  readonly undoButton: Locator;
  readonly historyRows: Locator;
  readonly status: Locator;

  constructor(page: Page) {
    this.page = page;
    // the project form's own button (the page also has 保存里程碑 and, while editing a site, 保存建设点)
    this.saveButton = page.getByRole('button', { name: '保存（Ctrl+S）', exact: true });
    // its text is the backend's label of what it undoes, e.g. 撤销：修改 投资估算
    this.undoButton = page.getByTestId('undo-button');
    this.historyRows = page.getByTestId('history-row');
    this.status = page.getByRole('status');
  }

  async open(id: number): Promise<void> {
    await this.page.goto(`#/project/${id}`);
    await expect(this.saveButton).toBeVisible();
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  async setField(label: string, value: string): Promise<void> {
    await this.field(label).fill(value);
  }

  async save(): Promise<void> {
    await this.saveButton.click();
  }

  fieldError(label: string): Locator {
    return this.page.locator('label.field', { has: this.page.getByText(label, { exact: true }) }).locator('.field-error');
  }
}
