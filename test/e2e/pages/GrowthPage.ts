import type { Page } from '@playwright/test';

/** The 增长点 view: the reading, the ranked findings and their links. */
export class GrowthPage {
  constructor(private readonly page: Page) {}

  /** Opens the view from the side navigation's 决策 section. */
  async open(): Promise<void> {
    await this.page.getByTestId('tab-growth').click();
  }

  reading() {
    return this.page.getByTestId('growth-reading');
  }

  findings() {
    return this.page.getByTestId('growth-finding');
  }

  /** The finding of a kind (the first when several), by its `data-kind`. */
  finding(kind: string) {
    return this.page.locator(`[data-testid="growth-finding"][data-kind="${kind}"]`).first();
  }
}
