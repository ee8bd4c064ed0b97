import type { Page } from '@playwright/test';

/** The 活跃时段 view: the 消息数 / 活跃人数 switch, the heatmap and the recommended posting times. */
export class ActivityPage {
  constructor(private readonly page: Page) {}

  async chooseMetric(metric: 'messages' | 'people'): Promise<void> {
    await this.metricChoice(metric).click();
  }

  /** A button of the 消息数 / 活跃人数 switch (`aria-checked` when chosen). */
  metricChoice(metric: 'messages' | 'people') {
    return this.page.getByTestId(`activity-metric-${metric}`);
  }

  /** The heatmap (see `toHaveInk` in fixtures.ts). */
  heatmap() {
    return this.page.getByTestId('activity-heatmap');
  }

  /** The recommended slots as shown: weekday and hour (from data attributes) and the text. */
  topSlots(): Promise<{ weekday: number; hour: number; text: string }[]> {
    return this.page
      .locator('[data-testid^="activity-top-"][data-weekday]')
      .evaluateAll((els) =>
        els.map((el) => ({ weekday: Number(el.getAttribute('data-weekday')), hour: Number(el.getAttribute('data-hour')), text: (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim() })),
      );
  }

  /** The total of messages the view shows, in its `data-total`. */
  total() {
    return this.page.getByTestId('activity-total');
  }
}
