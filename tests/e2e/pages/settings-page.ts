// Page object: 设置 (#/settings), the traffic-light thresholds section.
import { expect, type Locator, type Page } from '@playwright/test';

export class SettingsPageObject {
  readonly page: Page;
  readonly save: Locator;
  readonly notice: Locator;

  constructor(page: Page) {
    this.page = page;
    this.save = page.getByRole('button', { name: '保存' });
    this.notice = page.getByRole('status').filter({ hasText: '已保存' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '设置' }).click();
    await expect(this.page.getByRole('heading', { name: '红黄绿灯阈值' })).toBeVisible();
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }
}
