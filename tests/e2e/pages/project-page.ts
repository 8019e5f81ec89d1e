// Page object: one project's page (fields, save, undo, history).
import { expect, type Dialog, type Locator, type Page } from '@playwright/test';

export class ProjectPage {
  readonly page: Page;
  readonly saveButton: Locator;
  readonly undoButton: Locator;
  readonly historyRows: Locator;
  readonly status: Locator;
  readonly saveBar: Locator;
  readonly toast: Locator;
  readonly leaveDialog: Locator;
  readonly prevButton: Locator;
  readonly nextButton: Locator;
  readonly category: Locator;

  constructor(page: Page) {
    this.page = page;
    // the project form's own button (the page also has 保存里程碑 and, while editing a site, 保存建设点)
    this.saveButton = page.getByRole('button', { name: '保存（Ctrl+S）', exact: true });
    // its text is the backend's label of what it undoes, e.g. 撤销：修改 投资估算
    this.undoButton = page.getByTestId('undo-button');
    this.historyRows = page.getByTestId('history-row');
    this.status = page.getByRole('status');
    this.saveBar = page.getByTestId('save-bar');
    this.toast = page.getByTestId('save-toast');
    this.leaveDialog = page.getByRole('alertdialog', { name: '有未保存的修改' });
    this.prevButton = page.getByRole('button', { name: '← 上一个' });
    this.nextButton = page.getByRole('button', { name: '下一个 →' });
    this.category = page.getByRole('combobox', { name: '类别', exact: true });
  }

  /** the 保存 / 不保存 / 取消 dialog's buttons */
  leaveButton(name: '保存' | '不保存' | '取消'): Locator {
    return this.leaveDialog.getByRole('button', { name, exact: true });
  }

  /** chooses 新增类别…, types the name and answers the confirmation */
  async addCategory(name: string, confirm: boolean): Promise<void> {
    const messages: string[] = [];
    const handler = (d: Dialog) => {
      messages.push(d.message());
      if (d.type() === 'prompt') void d.accept(name);
      else if (confirm) void d.accept();
      else void d.dismiss();
    };
    this.page.on('dialog', handler);
    await this.category.selectOption({ label: '新增类别…' });
    await expect.poll(() => messages.length).toBe(2);
    this.page.off('dialog', handler);
    expect(messages[1]).toContain(`「${name}」不是本计划已有的类别`);
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
