import type { Page } from 'playwright-core';
import type { QuadrantType, Req, Responses } from '../../../src-main/contract';
import { callApi } from './api';

/** Count of each card as shown, keyed by type. */
export type ShownCounts = Partial<Record<QuadrantType | 'unclassified', number>>;

/** The 四象限 view: mode, axis grids and thresholds, type cards, counts, scatter, people list. */
export class QuadrantPage {
  constructor(private readonly page: Page) {}

  /** Waits until the result of the current definition is shown (nothing loading, the counts drawn). */
  async waitSettled(): Promise<void> {
    await this.page.waitForSelector('[data-testid="quadrant-view"][aria-busy="false"] [data-testid="quadrant-counts"]');
  }

  /** The people count of each card as shown (from the card text, digits only). */
  async counts(): Promise<ShownCounts> {
    await this.waitSettled();
    const cards = this.page.getByTestId('quadrant-counts').locator('.quadrant-count');
    const out: ShownCounts = {};
    for (const card of await cards.all()) {
      const type = ((await card.getAttribute('data-testid')) ?? '').replace('quadrant-count-', '') as QuadrantType;
      const text = await card.getByTestId(`quadrant-count-value-${type}`).innerText();
      out[type] = Number(text.replace(/[^0-9]/g, ''));
    }
    return out;
  }

  /** The share shown on a card. */
  async share(type: QuadrantType | 'unclassified'): Promise<string> {
    return (await this.page.getByTestId(`quadrant-share-${type}`).innerText()).trim();
  }

  /** Types a threshold value of an axis and commits it with Enter. */
  async setThreshold(axis: 'x' | 'y', value: number): Promise<void> {
    const input = this.page.getByTestId(`quadrant-threshold-${axis}`);
    await input.fill(String(value));
    await input.press('Enter');
  }

  async thresholdValue(axis: 'x' | 'y'): Promise<string> {
    return this.page.getByTestId(`quadrant-threshold-${axis}`).inputValue();
  }

  async chooseThresholdKind(axis: 'x' | 'y', kind: 'fixed' | 'percentile'): Promise<void> {
    await this.page.getByTestId(`quadrant-threshold-kind-${axis}-${kind}`).click();
  }

  async chooseMode(mode: 'score' | 'rule'): Promise<void> {
    await this.page.getByTestId(`quadrant-mode-${mode}`).click();
  }

  /** The threshold lines the chart draws (data attributes of the chart card). */
  async chartThresholds(): Promise<{ x: string | null; y: string | null }> {
    const card = this.page.getByTestId('quadrant-chart-card');
    return { x: await card.getAttribute('data-threshold-x'), y: await card.getAttribute('data-threshold-y') };
  }

  /** Waits until ECharts has drawn the scatter and returns its pixels as a data URL (to compare frames). */
  async chartImage(): Promise<string> {
    await this.page.waitForSelector('[data-testid="quadrant-chart"][data-rendered="true"]');
    return this.page.getByTestId('quadrant-chart').evaluate((el) => el.querySelector('canvas')?.toDataURL() ?? '');
  }

  async save(): Promise<void> {
    await this.page.getByTestId('quadrant-save').click();
    await this.page.getByTestId('quadrant-unsaved').waitFor({ state: 'detached' });
  }

  isUnsaved(): Promise<boolean> {
    return this.page.getByTestId('quadrant-unsaved').isVisible();
  }

  async undo(): Promise<void> {
    await this.page.getByTestId('quadrant-undo').click();
  }

  /** Opens the people list of a type. */
  async openList(type: QuadrantType | 'unclassified'): Promise<void> {
    await this.page.getByTestId(`quadrant-count-${type}`).click();
    await this.page.getByTestId('quadrant-people').waitFor();
  }

  /** The pid of a displayed row of the people list. */
  async listedPid(rowIndex: number): Promise<string> {
    const cell = this.page.getByTestId('quadrant-people').locator(`.ag-row[row-index="${rowIndex}"] .ag-cell[col-id="pid"]`).first();
    await cell.waitFor();
    return (await cell.innerText()).trim();
  }

  /** The API's answer for a definition (the saved one when absent). */
  query(req: Req<'quadrant:query'> = {}): Promise<Responses['quadrant:query']> {
    return callApi(this.page, 'quadrant:query', req);
  }

  /** The open project's file. */
  async projectPath(): Promise<string> {
    const info = await callApi(this.page, 'project:current', {});
    if (!info) throw new Error('no project open');
    return info.path;
  }

  saved(): Promise<Responses['quadrant:get']> {
    return callApi(this.page, 'quadrant:get', {});
  }
}
