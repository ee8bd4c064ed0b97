import type { Page } from '@playwright/test';
import { gridCell } from './grid';

/** The ROI预测 view: the measured channels, the scenario grid and its save bar, the comparison, the heatmap and the back-test. */
export class RoiPage {
  constructor(private readonly page: Page) {}

  /** Opens the view from the side navigation's 决策 section. */
  async open(): Promise<void> {
    await this.page.getByTestId('tab-roi').click();
  }

  /** Waits until the measured rates are shown and the scenario grid has rows. */
  async waitSettled(): Promise<void> {
    await this.page.waitForSelector('[data-testid="roi-view"][aria-busy="false"] [data-testid="roi-measured"] .ag-row', { timeout: 60_000 });
    await this.page.waitForSelector('[data-testid="roi-scenarios"] .ag-row');
  }

  /** A cell of the scenario grid. */
  scenarioCell(rowIndex: number, field: string) {
    return gridCell(this.page.getByTestId('roi-scenarios'), rowIndex, field);
  }

  /** Types into a scenario cell (a double click opens the editor). */
  async setScenario(rowIndex: number, field: string, value: string): Promise<void> {
    const cell = this.scenarioCell(rowIndex, field);
    await cell.dblclick();
    const input = cell.locator('input');
    await input.fill(value);
    await input.press('Enter');
  }

  /** A figure of the side-by-side comparison. */
  compared(rowIndex: number, field: string) {
    return gridCell(this.page.getByTestId('roi-compared'), rowIndex, field);
  }

  /** A figure of the measured grid. */
  measured(rowIndex: number, field: string) {
    return gridCell(this.page.getByTestId('roi-measured'), rowIndex, field);
  }

  planReadings() {
    return this.page.getByTestId('roi-plan-readings');
  }

  heatmap() {
    return this.page.getByTestId('roi-heatmap');
  }

  unsaved() {
    return this.page.getByTestId('roi-scenarios-unsaved');
  }

  async save(): Promise<void> {
    await this.page.getByTestId('roi-scenarios-save').click();
    await this.unsaved().waitFor({ state: 'detached' });
  }
}
