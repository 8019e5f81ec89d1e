// Page object: the 建设点 section of a project's page (list, add/edit form, remove).
import type { Locator, Page } from '@playwright/test';

export class SitesSection {
  readonly section: Locator;
  readonly rows: Locator;
  readonly addButton: Locator;
  readonly form: Locator;
  readonly saveButton: Locator;

  constructor(page: Page) {
    this.section = page.getByRole('region', { name: '建设点' });
    this.rows = this.section.getByTestId('site-edit-row');
    this.addButton = this.section.getByRole('button', { name: '新增建设点' });
    this.form = this.section.getByRole('group', { name: /建设点/ });
    this.saveButton = this.form.getByRole('button', { name: '保存建设点' });
  }

  row(name: string): Locator {
    return this.rows.filter({ hasText: name });
  }

  field(label: string): Locator {
    return this.form.getByLabel(label, { exact: true });
  }

  fieldError(label: string): Locator {
    return this.form.locator('label.field', { has: this.form.page().getByText(label, { exact: true }) }).locator('.field-error');
  }

  async fill(values: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(values)) await this.field(label).fill(value);
  }

  async edit(siteName: string): Promise<void> {
    await this.section.getByRole('button', { name: `编辑 ${siteName}`, exact: true }).click();
  }

  async remove(siteName: string): Promise<void> {
    await this.section.getByRole('button', { name: `删除 ${siteName}`, exact: true }).click();
  }
}
