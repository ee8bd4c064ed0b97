import type { Page } from 'playwright-core';

/** The metrics tab: period switch, group selector, grid and trend chart. */
export class MetricsPage {
  constructor(private readonly page: Page) {}

  async choosePeriod(period: 'day' | 'week' | 'month'): Promise<void> {
    await this.page.getByTestId(`period-${period}`).click();
  }

  /** The text of one metric cell in the row whose period starts on `periodStart`. */
  async cell(periodStart: string, metric: string): Promise<string> {
    const grid = this.page.getByTestId('metrics-grid');
    const row = grid.locator('.ag-row', { has: this.page.locator(`[col-id="period_start"]`, { hasText: periodStart }) }).first();
    await row.waitFor();
    return (await row.locator(`[col-id="${metric}"]`).innerText()).trim();
  }

  /** Waits until ECharts has drawn the trend chart, and returns whether its canvas has ink. */
  async chartHasInk(): Promise<boolean> {
    const chart = this.page.getByTestId('metrics-chart');
    await this.page.waitForSelector('[data-testid="metrics-chart"][data-rendered="true"]');
    return chart.evaluate((el) => {
      const canvas = el.querySelector('canvas');
      if (!canvas) return false;
      const ctx = canvas.getContext('2d');
      if (!ctx) return false;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
      return false;
    });
  }
}
