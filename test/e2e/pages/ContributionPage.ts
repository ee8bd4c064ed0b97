import type { Page } from '@playwright/test';
import { gridCell } from './grid';

/** The 贡献度 view: the metric and band grids, their save bar, the reading, the chart and the ranking. */
export class ContributionPage {
  constructor(private readonly page: Page) {}

  /** Opens the view from the side navigation's 决策 section. */
  async open(): Promise<void> {
    await this.page.getByTestId('tab-contribution').click();
  }

  /** Waits until the scores of the current grids are shown. */
  async waitSettled(): Promise<void> {
    // The first answer computes the feature table: generous on a loaded machine.
    await this.page.waitForSelector('[data-testid="contribution-view"][aria-busy="false"] [data-testid="contribution-ranking"] .ag-row', { timeout: 60_000 });
  }

  /** The 权重 cell of a metric row. */
  /** A metric's share of the enabled weights (the grid's live column), as shown. */
  share(rowIndex: number) {
    return this.page.getByTestId(`contribution-share-${rowIndex}`);
  }

  weight(rowIndex: number) {
    return gridCell(this.page.getByTestId('contribution-metrics'), rowIndex, 'weight');
  }

  /** Types a weight (a double click opens the editor). */
  async setWeight(rowIndex: number, value: number): Promise<void> {
    const cell = this.weight(rowIndex);
    await cell.dblclick();
    const input = cell.locator('input');
    await input.fill(String(value));
    await input.press('Enter');
  }

  /** Pastes a block copied from Excel (tab-separated, one line per row) with a weight cell focused, as Ctrl+V delivers it. */
  async pasteAtWeight(rowIndex: number, text: string): Promise<void> {
    await this.weight(rowIndex).click();
    await this.page.evaluate((data) => {
      const clipboardData = new DataTransfer();
      clipboardData.setData('text/plain', data);
      (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
    }, text);
  }

  /** The name in a row of the ranking. */
  rankedUnit(rowIndex: number) {
    return gridCell(this.page.getByTestId('contribution-ranking'), rowIndex, 'unit');
  }

  /** The score in a row of the ranking. */
  rankedScore(rowIndex: number) {
    return gridCell(this.page.getByTestId('contribution-ranking'), rowIndex, 'score');
  }

  reading() {
    return this.page.getByTestId('contribution-reading');
  }

  /** The plain reading of each score, in ranking order. */
  readings() {
    return this.page.getByTestId('contribution-readings');
  }

  chart() {
    return this.page.getByTestId('contribution-chart');
  }

  unsaved() {
    return this.page.getByTestId('contribution-unsaved');
  }

  problem() {
    return this.page.getByTestId('contribution-invalid');
  }

  async undo(): Promise<void> {
    await this.page.getByTestId('contribution-metrics-undo').click();
  }

  async save(): Promise<void> {
    await this.page.getByTestId('contribution-save').click();
    await this.unsaved().waitFor({ state: 'detached' });
  }
}
