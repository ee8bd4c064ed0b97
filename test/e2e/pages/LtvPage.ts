import type { Page } from '@playwright/test';

/** The LTV / CAC view: the channel grid with its readings, the LTV curves and a channel's cohorts. */
export class LtvPage {
  constructor(private readonly page: Page) {}

  /** Opens the view from the side navigation's 决策 section. */
  async open(): Promise<void> {
    await this.page.getByTestId('tab-ltv').click();
  }

  /** Waits until the channel grid is shown. */
  async waitSettled(): Promise<void> {
    await this.page.waitForSelector('[data-testid="ltv-view"][aria-busy="false"] [data-testid="ltv-channels"] .ag-row', { timeout: 60_000 });
  }

  /** A figure of the channel grid in the row of `channel`. */
  async cell(channel: string, field: string): Promise<string | undefined> {
    const grid = this.page.getByTestId('ltv-channels');
    const cells = await grid.locator('.ag-row .ag-cell').evaluateAll((els) =>
      els.map((el) => ({ index: el.closest('.ag-row')?.getAttribute('row-index'), field: el.getAttribute('col-id'), text: (el as HTMLElement).innerText.trim() })),
    );
    const index = cells.find((c) => c.field === 'channel' && c.text === channel)?.index;
    return cells.find((c) => c.index === index && c.field === field)?.text;
  }

  reading() {
    return this.page.getByTestId('ltv-reading');
  }

  readings() {
    return this.page.getByTestId('ltv-channel-readings');
  }

  curves() {
    return this.page.getByTestId('ltv-curves');
  }

  cohortChart() {
    return this.page.getByTestId('ltv-cohort-chart');
  }
}
