import type { Page } from 'playwright-core';

/** The 活跃时段 view: the 消息数 / 活跃人数 switch, the heatmap and the recommended posting times. */
export class ActivityPage {
  constructor(private readonly page: Page) {}

  async chooseMetric(metric: 'messages' | 'people'): Promise<void> {
    await this.page.getByTestId(`activity-metric-${metric}`).click();
  }

  /** Waits until ECharts has finished drawing the heatmap, and returns whether its canvas has ink. */
  async heatmapHasInk(): Promise<boolean> {
    await this.page.waitForSelector('[data-testid="activity-heatmap"][data-rendered="true"]');
    return this.page.getByTestId('activity-heatmap').evaluate((el) => {
      const canvas = el.querySelector('canvas');
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx) return false;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
      return false;
    });
  }

  /** The recommended slots as shown: weekday and hour (from data attributes) and the text. */
  async topSlots(): Promise<{ weekday: number; hour: number; text: string }[]> {
    const items = this.page.locator('[data-testid^="activity-top-"][data-weekday]');
    await items.first().waitFor();
    return items.evaluateAll((els) =>
      els.map((el) => ({ weekday: Number(el.getAttribute('data-weekday')), hour: Number(el.getAttribute('data-hour')), text: (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim() })),
    );
  }

  /** The total of messages the view shows. */
  async total(): Promise<number> {
    const el = this.page.getByTestId('activity-total');
    await el.waitFor();
    return Number(await el.getAttribute('data-total'));
  }
}
