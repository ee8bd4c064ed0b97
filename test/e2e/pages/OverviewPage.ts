import type { Page } from '@playwright/test';
import type { OverviewResult } from '../../../src-main/contract';
import { callApi } from './api';

/** Ids of the key-figure cards, in order. */
export const overviewCardIds = ['total_members', 'new_members', 'active_rate', 'churned_members', 'converted_members', 'conversion_rate', 'gmv'] as const;
export type OverviewCardId = (typeof overviewCardIds)[number];

/** The overview page (概览): the week, the key-figure cards, the trend, the mini funnel, churn and links. */
export class OverviewPage {
  constructor(private readonly page: Page) {}

  view() {
    return this.page.getByTestId('overview-view');
  }

  /** Waits until the overview has answered (figures or the empty state) and is not reloading. */
  async waitLoaded(): Promise<void> {
    await this.page.waitForSelector('[data-testid="overview-view"][aria-busy="false"] :is([data-testid="overview-week"], [data-testid="overview-empty"])');
  }

  week() {
    return this.page.getByTestId('overview-week');
  }

  /** This week's figure, last week's and the change of one card. */
  card(id: OverviewCardId) {
    return { value: this.page.getByTestId(`overview-value-${id}`), last: this.page.getByTestId(`overview-last-${id}`), change: this.page.getByTestId(`overview-change-${id}`) };
  }

  /** The mini funnel's stages as listed beside the chart: stage id → count shown. */
  async funnelCounts(): Promise<Record<string, string>> {
    return this.page.getByTestId('overview-funnel-list').locator('li').evaluateAll((items) =>
      Object.fromEntries(
        items.map((li) => [
          (li.getAttribute('data-testid') ?? '').replace('overview-funnel-stage-', ''),
          (li.querySelector('[data-testid="overview-funnel-count"]')?.textContent ?? '').trim(),
        ]),
      ),
    );
  }

  churnCount() {
    return this.page.getByTestId('overview-churn-count');
  }

  emptyState() {
    return this.page.getByTestId('overview-empty');
  }

  async goToImport(): Promise<void> {
    await this.page.getByTestId('overview-go-import').click();
  }

  async openFunnel(): Promise<void> {
    await this.page.getByTestId('overview-open-funnel').click();
  }

  async openLink(tab: string): Promise<void> {
    await this.page.getByTestId(`overview-link-${tab}`).click();
  }

  /** One of the overview's charts (see `toHaveInk` in fixtures.ts). */
  chart(testId: 'overview-trend' | 'overview-funnel') {
    return this.page.getByTestId(testId);
  }

  /** What the overview should show, as the API answers it. */
  apiOverview(groups?: string[]): Promise<OverviewResult> {
    return callApi(this.page, 'overview:query', groups ? { groups } : {});
  }
}
