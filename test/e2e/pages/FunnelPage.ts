import type { Page } from '@playwright/test';
import { downloadOf, xlsxButtons, type Downloaded } from './download';
import { gridCell } from './grid';

/** The 路径与漏斗 view: path editor, mode switch, funnel chart, rate table and the lost list. */
export class FunnelPage {
  constructor(private readonly page: Page) {}

  async chooseMode(mode: 'period' | 'cohort'): Promise<void> {
    await this.page.getByTestId(`funnel-mode-${mode}`).click();
  }

  async chooseBreakdown(value: 'none' | 'channel' | 'staff' | 'tag'): Promise<void> {
    await this.page.getByTestId('funnel-breakdown').selectOption(value);
  }

  /** The funnel chart (see `toHaveInk` in fixtures.ts). */
  chart() {
    return this.page.getByTestId('funnel-chart');
  }

  /**
   * Moves the pointer down the middle of the funnel chart until ECharts shows a tooltip holding
   * `text`, and returns that tooltip (the div ECharts puts beside its canvas).
   */
  async tooltipHolding(text: string) {
    const chart = this.chart();
    const box = (await chart.boundingBox())!;
    const tooltip = chart.locator('div').filter({ hasText: text }).last();
    for (let y = box.y + 8; y < box.y + box.height; y += 12) {
      await this.page.mouse.move(box.x + box.width / 2, y);
      if (await tooltip.isVisible()) return tooltip;
    }
    return tooltip;
  }

  /** The date range the period funnel covers. */
  range() {
    return this.page.getByTestId('funnel-range');
  }

  /** The texts of one column of the rate table, in row order. */
  async tableColumn(field: string): Promise<string[]> {
    const cells = this.page.getByTestId('funnel-table').locator(`.ag-row .ag-cell[col-id="${field}"]`);
    const rows = await cells.evaluateAll((els) =>
      els.map((el) => ({ index: Number(el.closest('.ag-row')?.getAttribute('row-index') ?? -1), text: (el as HTMLElement).innerText.trim() })),
    );
    return rows.sort((a, b) => a.index - b.index).map((r) => r.text);
  }

  /** Opens the path editor when it is collapsed. */
  async openPathEditor(): Promise<void> {
    const toggle = this.page.getByTestId('path-toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await this.page.getByTestId('path-grid').waitFor();
  }

  /** The name cell of a stage in the path grid. */
  stageNameCell(index: number) {
    return gridCell(this.page.getByTestId('path-grid'), index, 'name');
  }

  /** Renames a stage by typing over its name cell. */
  async renameStage(index: number, name: string): Promise<void> {
    const cell = this.stageNameCell(index);
    await cell.dblclick();
    const input = cell.locator('input');
    await input.waitFor();
    await input.fill(name);
    await input.press('Enter');
  }

  /** The stage names of the path grid, in order. */
  async stageNames(): Promise<string[]> {
    const cells = this.page.getByTestId('path-grid').locator('.ag-row .ag-cell[col-id="name"]');
    const rows = await cells.evaluateAll((els) =>
      els.map((el) => ({ index: Number(el.closest('.ag-row')?.getAttribute('row-index') ?? -1), text: (el as HTMLElement).innerText.trim() })),
    );
    return rows.sort((a, b) => a.index - b.index).map((r) => r.text);
  }

  async undo(): Promise<void> {
    await this.page.getByTestId('path-grid-undo').click();
  }

  unsavedMarker() {
    return this.page.getByTestId('path-unsaved');
  }

  async savePath(): Promise<void> {
    await this.page.getByTestId('path-save').click();
  }

  /** Clicks the lost list's 导出 xlsx (its grid's control) and returns the file. */
  exportLost(): Promise<Downloaded> {
    return downloadOf(this.page, 'funnel-lost-grid-export-xlsx');
  }

  /** Every xlsx export button of the lost list's panel. */
  lostXlsxButtons() {
    return xlsxButtons(this.page, 'funnel-lost');
  }

  async chooseLostStep(step: number): Promise<void> {
    await this.page.getByTestId('funnel-lost-step').selectOption(String(step));
  }

  /** The lost list's count label. */
  lostCount() {
    return this.page.getByTestId('funnel-lost-count');
  }

  /** ag-grid's own row count of the lost list. */
  async lostGridRows(): Promise<number> {
    const aria = await this.page.getByTestId('funnel-lost-grid').locator('[role="treegrid"], [role="grid"]').first().getAttribute('aria-rowcount');
    return Number(aria) - 1;
  }
}
