import type { Page } from '@playwright/test';
import { gridCell, gridRow } from './grid';

/** The 渠道 view: dimension switch, charts, the channel grid, the cost grid and the imported costs. */
export class ChannelsPage {
  constructor(private readonly page: Page) {}

  async chooseDimension(dimension: 'add_way' | 'channel_code' | 'source'): Promise<void> {
    await this.page.getByTestId(`channels-dimension-${dimension}`).click();
  }

  /**
   * The rows of the channel grid as shown, keyed by column id, in row order. The channel column is
   * pinned, so ag-grid draws it in another row element: cells are gathered by row-index.
   */
  async gridRows(fields: readonly string[]): Promise<Record<string, string>[]> {
    const grid = this.page.getByTestId('channels-grid');
    await grid.locator('.ag-row .ag-cell[col-id="channel"]').first().waitFor();
    const cells = await grid.locator('.ag-row .ag-cell').evaluateAll((els) =>
      els.map((el) => ({
        index: Number(el.closest('.ag-row')?.getAttribute('row-index')),
        field: el.getAttribute('col-id') ?? '',
        text: (el as HTMLElement).innerText.trim(),
      })),
    );
    const rows = new Map<number, Record<string, string>>();
    for (const c of cells) {
      if (!fields.includes(c.field)) continue;
      const row = rows.get(c.index) ?? {};
      row[c.field] = c.text;
      rows.set(c.index, row);
    }
    return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
  }

  /** One figure of the row of a channel. */
  async cell(channel: string, field: string): Promise<string | undefined> {
    const rows = await this.gridRows(['channel', field]);
    return rows.find((r) => r.channel === channel)?.[field];
  }

  /** Adds a cost row and types a channel name and a cost into it, as a user would (double-click, type, Enter). */
  async typeCost(channel: string, cost: string): Promise<void> {
    const grid = this.page.getByTestId('channel-costs');
    const before = await grid.locator('.ag-row').count();
    await this.page.getByTestId('channel-costs-add').click();
    const row = gridRow(grid, before);
    await row.waitFor();
    for (const [field, text] of [['channel', channel], ['cost', cost]] as const) {
      await row.locator(`.ag-cell[col-id="${field}"]`).dblclick();
      const input = row.locator(`.ag-cell[col-id="${field}"] input`);
      await input.waitFor();
      await input.fill(text);
      await input.press('Enter');
    }
  }

  /** Adds a row and pastes a tab-separated block (as copied from Excel) starting at its channel cell. */
  async pasteBlock(block: string): Promise<void> {
    const grid = this.page.getByTestId('channel-costs');
    const before = await grid.locator('.ag-row').count();
    await this.page.getByTestId('channel-costs-add').click();
    const cell = gridCell(grid, before, 'channel');
    await cell.click();
    await cell.evaluate((el, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      (document.activeElement ?? el).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, block);
  }

  async undo(): Promise<void> {
    await this.page.getByTestId('channel-costs-undo').click();
  }

  async redo(): Promise<void> {
    await this.page.getByTestId('channel-costs-redo').click();
  }

  async save(): Promise<void> {
    await this.saveButton().click();
  }

  /** The channel names of the cost grid, in order. */
  async costChannels(): Promise<string[]> {
    const cells = this.page.getByTestId('channel-costs').locator('.ag-row .ag-cell[col-id="channel"]');
    const rows = await cells.evaluateAll((els) =>
      els.map((el) => ({ index: Number(el.closest('.ag-row')?.getAttribute('row-index')), text: (el as HTMLElement).innerText.trim() })),
    );
    return rows.sort((a, b) => a.index - b.index).map((r) => r.text);
  }

  /** One of the view's charts (see `toHaveInk` in fixtures.ts). */
  chart(testId: 'channels-people-chart' | 'channels-roi-chart') {
    return this.page.getByTestId(testId);
  }

  saveButton() {
    return this.page.getByTestId('channel-costs-save');
  }
}
