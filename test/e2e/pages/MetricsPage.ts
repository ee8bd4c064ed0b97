import type { Page } from '@playwright/test';
import { gridCell } from './grid';

/** The figures the e2e tests read from a row of the grid. */
export const rowMetricIds = ['total_members', 'new_members', 'active_members', 'active_rate', 'churned_members'] as const;

/** How the grid shows a row of figures: counts as integers, rates as percent with 2 decimals. */
export function shownMetrics(row: Record<(typeof rowMetricIds)[number], number>): Record<(typeof rowMetricIds)[number], string> {
  return {
    total_members: String(row.total_members),
    new_members: String(row.new_members),
    active_members: String(row.active_members),
    active_rate: `${row.active_rate.toFixed(2)}%`,
    churned_members: String(row.churned_members),
  };
}

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
    return (await gridCell(grid, String(rowIndex), metric).innerText()).trim();
  }

  /** The figures of one period row as the grid shows them, keyed by metric id. */
  async row(periodStart: string, metrics: readonly string[]): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const m of metrics) out[m] = await this.cell(periodStart, m);
    return out;
  }

  /** The trend chart (see `toHaveInk` in fixtures.ts). */
  chart() {
    return this.page.getByTestId('metrics-chart');
  }
}
