import type { Page } from '@playwright/test';

/** The A/B 对比 view: the two arm editors, the metric, the run button and the verdict. */
export class AbtestPage {
  constructor(private readonly page: Page) {}

  /** Opens the view from the side navigation's 决策 section. */
  async open(): Promise<void> {
    await this.page.getByTestId('tab-abtest').click();
  }

  /** Sets an arm to a group of that name. */
  async chooseGroup(arm: 'a' | 'b', group: string): Promise<void> {
    await this.page.getByTestId(`abtest-${arm}-kind`).selectOption('group');
    await this.page.getByTestId(`abtest-${arm}-value`).fill(group);
  }

  async chooseMetric(metric: string): Promise<void> {
    await this.page.getByTestId('abtest-metric').selectOption(metric);
  }

  async run(): Promise<void> {
    await this.page.getByTestId('abtest-run').click();
  }

  /** The verdict shown (its `data-verdict` is the API's id). */
  verdict() {
    return this.page.getByTestId('abtest-verdict');
  }

  reading() {
    return this.page.getByTestId('abtest-reading');
  }
}
