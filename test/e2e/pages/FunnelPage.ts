import type { Page } from 'playwright-core';

/** The 路径与漏斗 view: path editor, mode switch, funnel chart, rate table and the lost list. */
export class FunnelPage {
  constructor(private readonly page: Page) {}

  async chooseMode(mode: 'period' | 'cohort'): Promise<void> {
    await this.page.getByTestId(`funnel-mode-${mode}`).click();
  }

  async chooseBreakdown(value: 'none' | 'channel' | 'staff' | 'tag'): Promise<void> {
    await this.page.getByTestId('funnel-breakdown').selectOption(value);
  }

  /** Waits until ECharts has drawn the funnel, and returns whether its canvas has ink. */
  async chartHasInk(): Promise<boolean> {
    await this.page.waitForSelector('[data-testid="funnel-chart"][data-rendered="true"]');
    return this.page.getByTestId('funnel-chart').evaluate((el) => {
      const canvas = el.querySelector('canvas');
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx) return false;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
      return false;
    });
  }

  /** The texts of one column of the rate table, in row order. */
  async tableColumn(field: string): Promise<string[]> {
    const cells = this.page.getByTestId('funnel-table').locator(`.ag-row .ag-cell[col-id="${field}"]`);
    await cells.first().waitFor();
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
    return this.page.getByTestId('path-grid').locator(`.ag-row[row-index="${index}"] .ag-cell[col-id="name"]`);
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
    await cells.first().waitFor();
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
