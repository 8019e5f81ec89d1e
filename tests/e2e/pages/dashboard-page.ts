// Page object for 总览 and its one-page A4 print.
import { expect, type Locator, type Page } from '@playwright/test';

export class DashboardPageObject {
  readonly rates: Locator;
  readonly lights: Locator;
  readonly attention: Locator;

  constructor(readonly page: Page) {
    this.rates = page.getByRole('list', { name: '四率' });
    this.lights = page.getByRole('list', { name: '项目状态' });
    this.attention = page.getByRole('list', { name: '需关注' });
  }

  async open(planId?: number): Promise<void> {
    await this.page.goto(`./#/dashboard${planId ? `?plan=${planId}` : ''}`);
    await expect(this.rates).toBeVisible();
  }

  rate(label: string): Locator {
    return this.rates.getByRole('listitem').filter({ hasText: label });
  }

  async lightCount(light: 'red' | 'yellow' | 'green' | 'done' | 'grey'): Promise<number> {
    const text = await this.lights.locator(`[data-light="${light}"] strong`).innerText();
    return Number(text);
  }

  async openPrint(): Promise<void> {
    await this.page.getByRole('link', { name: '打印一页简报（A4）' }).click();
    await expect(this.page.locator('.dash-print')).toHaveAttribute('data-print-ready', 'true');
  }
}
