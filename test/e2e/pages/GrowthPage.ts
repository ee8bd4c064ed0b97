import type { Page } from '@playwright/test';
import { gridCell } from './grid';

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

  /** The decomposition's grid (below the findings). */
  shifts() {
    return this.page.getByTestId('growth-shifts');
  }

  /** The text of a cell of the decomposition's grid, by row index and column id. */
  shiftCell(rowIndex: number, colId: string) {
    return gridCell(this.shifts(), rowIndex, colId).first();
  }

  /** The finding of a kind (the first when several), by its `data-kind`. */
  finding(kind: string) {
    return this.page.locator(`[data-testid="growth-finding"][data-kind="${kind}"]`).first();
  }
}
