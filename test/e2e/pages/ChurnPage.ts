import type { Page } from '@playwright/test';
import { downloadOf, xlsxButtons, type Downloaded } from './download';

/** The 流失与留存 view: period switch, trend, breakdowns, the churn list, retention heatmap, survival curves. */
export class ChurnPage {
  constructor(private readonly page: Page) {}

  async choosePeriod(period: 'day' | 'week' | 'month'): Promise<void> {
    await this.page.getByTestId(`churn-period-${period}`).click();
  }

  async chooseSurvivalBy(by: 'none' | 'channel' | 'group'): Promise<void> {
    await this.page.getByTestId(`churn-survival-${by}`).click();
  }

  /** One of the view's charts (see `toHaveInk` in fixtures.ts). */
  chart(testId: string) {
    return this.page.getByTestId(testId);
  }

  /** The churned total of the chosen period. */
  total() {
    return this.page.getByTestId('churn-total');
  }

  /** The number of rows the churn list holds (its count label, and ag-grid's own row count). */
  async listCounts(): Promise<{ label: number; grid: number }> {
    const label = Number(await this.page.getByTestId('churn-list-count').getAttribute('data-count'));
    // ag-grid's aria-rowcount counts the header row too.
    const aria = await this.page.getByTestId('churn-list').locator('[role="treegrid"], [role="grid"]').first().getAttribute('aria-rowcount');
    return { label, grid: Number(aria) - 1 };
  }

  /** The 流失时间 cells of the rows ag-grid has drawn, in row order. */
  async visibleLeftAt(): Promise<string[]> {
    const cells = this.page.getByTestId('churn-list').locator('.ag-row .ag-cell[col-id="left_at"]');
    const rows = await cells.evaluateAll((els) =>
      els.map((el) => ({ index: Number(el.closest('.ag-row')?.getAttribute('row-index')), text: (el as HTMLElement).innerText.trim() })),
    );
    return rows.sort((a, b) => a.index - b.index).map((r) => r.text);
  }

  /** Clicks a column header of the churn list (ascending, then descending: sorted on the Node side). */
  async clickHeader(colId: string): Promise<void> {
    await this.page.getByTestId('churn-list').locator(`.ag-header-cell[col-id="${colId}"] .ag-header-cell-label`).click();
  }

  /** Scrolls the churn list to its last row (the grid asks the Node side for the last page) or back to its first. */
  async scrollTo(where: 'start' | 'end'): Promise<void> {
    await this.page
      .getByTestId('churn-list')
      .locator('.ag-body-vertical-scroll-viewport')
      .evaluate((el, toEnd) => el.scrollTo(0, toEnd ? el.scrollHeight : 0), where === 'end');
  }

  /** Clicks the churn list's 导出 xlsx or 导出 CSV (its grid's control) and returns the file. */
  exportList(format: 'xlsx' | 'csv' = 'xlsx'): Promise<Downloaded> {
    return downloadOf(this.page, `churn-list-export-${format}`);
  }

  /** The hint of the churn list's export control (what its files hold). */
  exportHint() {
    return this.page.getByTestId('churn-list-export');
  }

  /** Every xlsx export button of the view. */
  xlsxButtons() {
    return xlsxButtons(this.page, 'churn-view');
  }

  /** The medians of the survival curves, one per curve. */
  medians() {
    return this.page.getByTestId('churn-median');
  }
}
