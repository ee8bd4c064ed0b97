import type { Page } from '@playwright/test';
import { downloadOf, xlsxButtons, type Downloaded } from './download';

/** The 相似人群 view: the features, the seed, the fit, its AUC, the ranked list and 保存为标签. */
export class LookalikePage {
  constructor(private readonly page: Page) {}

  /** Opens the view from the side navigation's 决策 section. */
  async open(): Promise<void> {
    await this.page.getByTestId('tab-lookalike').click();
  }

  async setSeed(seed: number): Promise<void> {
    await this.page.getByTestId('lookalike-seed').fill(String(seed));
  }

  async run(): Promise<void> {
    await this.page.getByTestId('lookalike-run').click();
  }

  /** The progress shown while the model fits. */
  progress() {
    return this.page.getByTestId('lookalike-progress');
  }

  auc() {
    return this.page.getByTestId('lookalike-auc');
  }

  reading() {
    return this.page.getByTestId('lookalike-reading');
  }

  /** A column's texts in the ranked list's rendered rows, top first. */
  async listed(field: string): Promise<string[]> {
    const grid = this.page.getByTestId('lookalike-list');
    await grid.locator('.ag-row').first().waitFor({ timeout: 60_000 });
    const cells = await grid.locator(`.ag-row .ag-cell[col-id="${field}"]`).evaluateAll((els) =>
      els.map((el) => ({ index: Number(el.closest('.ag-row')?.getAttribute('row-index')), text: (el as HTMLElement).innerText.trim() })),
    );
    return cells.sort((a, b) => a.index - b.index).map((c) => c.text);
  }

  /** Clicks the ranked list's 导出 xlsx (its grid's control) and returns the file. */
  exportList(): Promise<Downloaded> {
    return downloadOf(this.page, 'lookalike-list-export-xlsx');
  }

  /** Every xlsx export button of the fit's result (one per grid: coefficients and list). */
  xlsxButtons() {
    return xlsxButtons(this.page, 'lookalike-result');
  }

  async saveTag(name: string): Promise<void> {
    await this.page.getByTestId('lookalike-tag-name').fill(name);
    await this.page.getByTestId('lookalike-save-tag').click();
  }

  tagSaved() {
    return this.page.getByTestId('lookalike-tag-saved');
  }
}
