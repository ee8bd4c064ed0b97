import type { Page } from '@playwright/test';

/** The shared scope bar above every analysis view: groups, date preset and range. */
export class ScopeBarPage {
  constructor(private readonly page: Page) {}

  /** Ticks one group in the group drop-down and closes it. */
  async chooseGroup(group: string): Promise<void> {
    await this.page.getByTestId('group-select-button').click();
    await this.page.locator(`[data-testid="group-option"][data-group="${group}"] input`).check();
    await this.page.getByTestId('group-select-button').click();
  }

  /** Types an inclusive range into the 开始 / 结束 fields (each taken on Enter). */
  async typeRange(from: string, to: string): Promise<void> {
    for (const [id, value] of [['scope-from', from], ['scope-to', to]] as const) {
      await this.page.getByTestId(id).fill(value);
      await this.page.getByTestId(id).press('Enter');
    }
  }

  /** The selected groups, as the drop-down carries them. */
  async groups(): Promise<string[]> {
    const joined = (await this.page.getByTestId('group-select').getAttribute('data-selected')) ?? '';
    return joined ? joined.split('\n') : [];
  }

  from() {
    return this.page.getByTestId('scope-from');
  }

  to() {
    return this.page.getByTestId('scope-to');
  }

  /** The preset drop-down (全部日期, 本周 … 自定义). */
  preset() {
    return this.page.getByTestId('scope-preset');
  }
}
