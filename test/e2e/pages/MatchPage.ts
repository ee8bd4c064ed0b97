import type { Page } from '@playwright/test';

/** The 匹配 tab: rows no member was found for, and the nickname-matching switch. */
export class MatchPage {
  constructor(private readonly page: Page) {}

  grid() {
    return this.page.getByTestId('match-grid');
  }

  /** The matching row count the grid reports. */
  async total(): Promise<string> {
    return (await this.page.getByTestId('match-total').innerText()).trim();
  }

  /** Texts of one column, in grid order. */
  async column(field: string): Promise<string[]> {
    return this.grid().locator(`.ag-row .ag-cell[col-id="${field}"]`).allInnerTexts();
  }

  nicknameToggle() {
    return this.page.getByTestId('match-allow-nickname');
  }
}
