import type { Page } from '@playwright/test';
import type { Responses, VvipDefinition } from '../../../src-main/contract';
import { callApi } from './api';
import { downloadOf, xlsxButtons, type Downloaded } from './download';
import { gridCell } from './grid';

/** The VVIP view: rule grid, live figures, people list, save and export. */
export class VvipPage {
  constructor(private readonly page: Page) {}

  /** Waits until the result of the current rules is shown (nothing loading, a count present). */
  async waitSettled(): Promise<void> {
    // The first answer computes the feature table: generous on a loaded machine.
    await this.page.waitForSelector('[data-testid="vvip-view"][aria-busy="false"] [data-testid="vvip-count-note"]', { timeout: 60_000 });
  }

  /** The VVIP count as shown (digits only). */
  async count(): Promise<number> {
    await this.waitSettled();
    return Number((await this.page.getByTestId('vvip-count').innerText()).replace(/[^0-9]/g, ''));
  }

  /** One of the live figures or the rules read as a sentence. */
  figure(testId: 'vvip-count' | 'vvip-gmv' | 'vvip-gmv-share' | 'vvip-people-share' | 'vvip-sentence' | 'vvip-count-note') {
    return this.page.getByTestId(testId);
  }

  /** Types a number into the 值 cell of a rule row (a double click opens the editor). */
  async setValue(rowIndex: number, value: number): Promise<void> {
    const cell = gridCell(this.page.getByTestId('vvip-rules'), rowIndex, 'value');
    await cell.dblclick();
    const input = cell.locator('input');
    await input.fill(String(value));
    await input.press('Enter');
  }

  /**
   * Pastes a block of text copied from Excel (tab-separated, one line per row) with a rule row's
   * 值 cell focused, as Ctrl+V would deliver it.
   */
  async pasteAtValue(rowIndex: number, text: string): Promise<void> {
    await gridCell(this.page.getByTestId('vvip-rules'), rowIndex, 'value').click();
    await this.page.evaluate((data) => {
      const clipboardData = new DataTransfer();
      clipboardData.setData('text/plain', data);
      (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
    }, text);
  }

  /** The 值 cell of a rule row. */
  value(rowIndex: number) {
    return gridCell(this.page.getByTestId('vvip-rules'), rowIndex, 'value');
  }

  /** Picks the 比较 of a rule row by its label (≥, > …). */
  async setOp(rowIndex: number, label: string): Promise<void> {
    await this.page.getByTestId(`vvip-rules-op-${rowIndex}`).selectOption({ label });
  }

  async undo(): Promise<void> {
    await this.page.getByTestId('vvip-rules-undo').click();
  }

  async save(): Promise<void> {
    await this.page.getByTestId('vvip-save').click();
    await this.page.getByTestId('vvip-unsaved').waitFor({ state: 'detached' });
  }

  /** The unsaved-changes marker. */
  unsaved() {
    return this.page.getByTestId('vvip-unsaved');
  }

  /** The API's answer for some rules (the saved ones when absent). */
  query(vvip?: VvipDefinition): Promise<Responses['vvip:query']> {
    return callApi(this.page, 'vvip:query', vvip ? { vvip } : {});
  }

  /** Clicks the people list's 导出 xlsx or 导出 CSV (its grid's control) and returns the file. */
  exportList(format: 'xlsx' | 'csv' = 'xlsx'): Promise<Downloaded> {
    return downloadOf(this.page, `vvip-people-export-${format}`);
  }

  /** The hint of the people list's export control (what its files hold). */
  exportHint() {
    return this.page.getByTestId('vvip-people-export');
  }

  /** Every xlsx export button of the view. */
  xlsxButtons() {
    return xlsxButtons(this.page, 'vvip-view');
  }

  /** The pid cell of a displayed row of the people list. */
  listedPid(rowIndex: number) {
    return gridCell(this.page.getByTestId('vvip-people'), rowIndex, 'pid').first();
  }
}
