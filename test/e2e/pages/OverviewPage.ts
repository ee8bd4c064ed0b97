import type { Page } from 'playwright-core';
import type { OverviewResult } from '../../../src-main/contract';

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

  async weekText(): Promise<string> {
    return (await this.page.getByTestId('overview-week').innerText()).trim();
  }

  /** This week's figure, last week's and the change of one card, as shown. */
  async card(id: OverviewCardId): Promise<{ value: string; last: string; change: string }> {
    const text = async (testId: string) => (await this.page.getByTestId(testId).innerText()).trim();
    return { value: await text(`overview-value-${id}`), last: await text(`overview-last-${id}`), change: await text(`overview-change-${id}`) };
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

  /** Whether a tab of the side navigation is the selected one. */
  async isTabSelected(tab: string): Promise<boolean> {
    return (await this.page.getByTestId(`tab-${tab}`).getAttribute('aria-selected')) === 'true';
  }

  /** Waits until ECharts has drawn one of the overview's charts, and returns whether its canvas has ink. */
  async chartHasInk(testId: 'overview-trend' | 'overview-funnel'): Promise<boolean> {
    await this.page.waitForSelector(`[data-testid="${testId}"][data-rendered="true"]`);
    return this.page.getByTestId(testId).evaluate((el) => {
      const canvas = el.querySelector('canvas');
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx) return false;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
      return false;
    });
  }

  /** Asks the API directly, from the page (same origin, token cookie), what the overview should show. */
  async apiOverview(groups?: string[]): Promise<OverviewResult> {
    const r = await this.page.evaluate(async (body) => {
      const res = await fetch('/api/overview:query', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      return (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    }, JSON.stringify(groups ? { groups } : {}));
    if (!r.ok) throw new Error(r.error?.message ?? 'overview:query failed');
    return r.value as OverviewResult;
  }
}
