import type { Page } from '@playwright/test';
import type { QuadrantType, Req, Responses } from '../../../src-main/contract';
import { callApi } from './api';
import { downloadOf, xlsxButtons, type Downloaded } from './download';
import { gridCell } from './grid';

/** Count of each card as shown, keyed by type. */
export type ShownCounts = Partial<Record<QuadrantType | 'unclassified', number>>;

/** The 四象限 view: mode, axis grids and thresholds, type cards, counts, scatter, people list. */
export class QuadrantPage {
  constructor(private readonly page: Page) {}

  /** Waits until the result of the current definition is shown (nothing loading, the counts drawn). */
  async waitSettled(): Promise<void> {
    // The first answer computes the feature table: generous on a loaded machine.
    await this.page.waitForSelector('[data-testid="quadrant-view"][aria-busy="false"] [data-testid="quadrant-counts"]', { timeout: 60_000 });
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
  share(type: QuadrantType | 'unclassified') {
    return this.page.getByTestId(`quadrant-share-${type}`);
  }

  /** Types a threshold value of an axis and commits it with Enter. */
  async setThreshold(axis: 'x' | 'y', value: number): Promise<void> {
    const input = this.page.getByTestId(`quadrant-threshold-${axis}`);
    await input.fill(String(value));
    await input.press('Enter');
  }

  /** The threshold field of an axis. */
  threshold(axis: 'x' | 'y') {
    return this.page.getByTestId(`quadrant-threshold-${axis}`);
  }

  async chooseThresholdKind(axis: 'x' | 'y', kind: 'fixed' | 'percentile'): Promise<void> {
    await this.page.getByTestId(`quadrant-threshold-kind-${axis}-${kind}`).click();
  }

  async chooseMode(mode: 'score' | 'rule'): Promise<void> {
    await this.page.getByTestId(`quadrant-mode-${mode}`).click();
  }

  /** The chart card: the threshold lines the chart draws are its `data-threshold-x` and `data-threshold-y`. */
  chartCard() {
    return this.page.getByTestId('quadrant-chart-card');
  }

  /** Waits until ECharts has drawn the scatter and returns its pixels as a data URL (to compare frames). */
  async chartImage(): Promise<string> {
    await this.page.waitForSelector('[data-testid="quadrant-chart"][data-rendered="true"]');
    return this.page.getByTestId('quadrant-chart').evaluate((el) => el.querySelector('canvas')?.toDataURL() ?? '');
  }

  /** A type's card of the rule mode (its `data-priority` is its place in the order). */
  typeCard(type: QuadrantType) {
    return this.page.getByTestId(`quadrant-type-${type}`);
  }

  /** Moves a type one place up the priority (上移). */
  async moveUp(type: QuadrantType): Promise<void> {
    await this.page.getByTestId(`quadrant-up-${type}`).click();
  }

  /** Why the definition cannot be used, when it cannot. */
  invalid() {
    return this.page.getByTestId('quadrant-invalid');
  }

  saveButton() {
    return this.page.getByTestId('quadrant-save');
  }

  async save(): Promise<void> {
    await this.saveButton().click();
    await this.unsaved().waitFor({ state: 'detached' });
  }

  /** The unsaved-changes marker. */
  unsaved() {
    return this.page.getByTestId('quadrant-unsaved');
  }

  async undo(): Promise<void> {
    await this.page.getByTestId('quadrant-undo').click();
  }

  /** Opens the people list of a type. */
  async openList(type: QuadrantType | 'unclassified'): Promise<void> {
    await this.page.getByTestId(`quadrant-count-${type}`).click();
    await this.page.getByTestId('quadrant-people').waitFor();
  }

  /** Clicks the open people list's 导出 xlsx (its grid's control) and returns the file. */
  exportList(): Promise<Downloaded> {
    return downloadOf(this.page, 'quadrant-people-export-xlsx');
  }

  /** Every xlsx export button of the view. */
  xlsxButtons() {
    return xlsxButtons(this.page, 'quadrant-view');
  }

  /** The pid cell of a displayed row of the people list. */
  listedPid(rowIndex: number) {
    return gridCell(this.page.getByTestId('quadrant-people'), rowIndex, 'pid').first();
  }

  /** The API's answer for a definition (the saved one when absent). */
  query(req: Req<'quadrant:query'> = {}): Promise<Responses['quadrant:query']> {
    return callApi(this.page, 'quadrant:query', req);
  }

  /** A page of the people list from the API (everyone of the scope when no type is given). */
  people(req: Req<'quadrant:people'>): Promise<Responses['quadrant:people']> {
    return callApi(this.page, 'quadrant:people', req);
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
