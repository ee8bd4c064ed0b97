import type { Page } from 'playwright-core';

/** The metrics tab: period switch, group selector, grid and trend chart. */
export class MetricsPage {
  constructor(private readonly page: Page) {}

  async choosePeriod(period: 'day' | 'week' | 'month'): Promise<void> {
    await this.page.getByTestId(`period-${period}`).click();
  }

  /**
   * The text of one metric cell in the row whose period starts on `periodStart`. The period
   * column is pinned, so ag-grid renders it in another row element: rows are matched by row-index.
   */
  async cell(periodStart: string, metric: string): Promise<string> {
    const grid = this.page.getByTestId('metrics-grid');
    const periodCell = grid.locator('.ag-cell[col-id="period_start"]', { hasText: periodStart }).first();
    await periodCell.waitFor();
    const rowIndex = await periodCell.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ag-row ")][1]').getAttribute('row-index');
    return (await grid.locator(`.ag-row[row-index="${rowIndex}"] .ag-cell[col-id="${metric}"]`).innerText()).trim();
  }

  /** The figures of one period row as the grid shows them, keyed by metric id. */
  async row(periodStart: string, metrics: readonly string[]): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const m of metrics) out[m] = await this.cell(periodStart, m);
    return out;
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
