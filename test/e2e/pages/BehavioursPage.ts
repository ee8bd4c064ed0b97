import type { Page } from 'playwright-core';
import type { Req, Responses } from '../../../src-main/contract';
import { callApi } from './api';

/** The key-behaviours view (关键行为): rule grid with live counts, save, activity setting, trend and lift. */
export class BehavioursPage {
  constructor(private readonly page: Page) {}

  private cell(rowIndex: number, colId: string) {
    return this.page.getByTestId('behaviours-grid').locator(`.ag-row[row-index="${rowIndex}"] .ag-cell[col-id="${colId}"]`);
  }

  /** Waits until the live counts of the current rows are shown. */
  async waitCounted(): Promise<void> {
    await this.page.waitForSelector('[data-testid="behaviours-rules-card"][aria-busy="false"]');
  }

  /** A live 人数 or 次数 cell as shown. */
  async live(rowIndex: number, measure: 'people' | 'occurrences'): Promise<string> {
    await this.waitCounted();
    return (await this.page.getByTestId(`behaviour-${measure}-${rowIndex}`).innerText()).trim();
  }

  /** Waits until a live cell shows `text`. */
  async waitLive(rowIndex: number, measure: 'people' | 'occurrences', text: string): Promise<void> {
    await this.page.getByTestId(`behaviour-${measure}-${rowIndex}`).filter({ hasText: new RegExp(`^${text}$`) }).waitFor();
  }

  /** Types into the 关键字 / 正则 cell of a row (a double click opens the editor). */
  async setPattern(rowIndex: number, text: string): Promise<void> {
    const cell = this.cell(rowIndex, 'pattern');
    await cell.dblclick();
    const input = cell.locator('input');
    await input.fill(text);
    await input.press('Enter');
  }

  /** The 关键字 / 正则 cell as shown, and whether it is flagged. */
  async pattern(rowIndex: number): Promise<{ text: string; isFlagged: boolean }> {
    const cell = this.cell(rowIndex, 'pattern');
    await cell.waitFor();
    return { text: (await cell.innerText()).trim(), isFlagged: ((await cell.getAttribute('class')) ?? '').includes('cell-problem') };
  }

  async undo(): Promise<void> {
    await this.page.getByTestId('behaviours-grid-undo').click();
  }

  async save(): Promise<void> {
    await this.page.getByTestId('behaviours-save').click();
    await this.page.getByTestId('behaviours-unsaved').waitFor({ state: 'detached' });
  }

  isUnsaved() {
    return this.page.getByTestId('behaviours-unsaved').isVisible();
  }

  /** The problems listed under the grid. */
  async problems(): Promise<string[]> {
    const list = this.page.getByTestId('behaviours-grid-problems');
    if (!(await list.isVisible())) return [];
    return (await list.locator('li').allInnerTexts()).map((s) => s.trim());
  }

  /** Picks the 活跃口径. */
  async setActiveBy(value: 'message' | 'behaviour'): Promise<void> {
    await this.page.getByTestId(`active-by-${value}`).click();
    await this.page.locator(`[data-testid="active-by-${value}"][aria-checked="true"]`).waitFor();
  }

  /** Waits for the analysis to settle and returns the lift cell of a row as shown. */
  async liftCell(rowIndex: number, colId: string): Promise<string> {
    await this.page.waitForSelector('[data-testid="behaviours-analysis"][aria-busy="false"]');
    const cell = this.page.getByTestId('behaviours-lift').locator(`.ag-row[row-index="${rowIndex}"] .ag-cell[col-id="${colId}"]`).first();
    await cell.waitFor();
    return (await cell.innerText()).trim();
  }

  /** The API's answers. */
  saved(): Promise<Responses['behaviours:get']> {
    return callApi(this.page, 'behaviours:get', {});
  }
  counts(req: Req<'behaviours:counts'>): Promise<Responses['behaviours:counts']> {
    return callApi(this.page, 'behaviours:counts', req);
  }
  query(req: Req<'behaviours:query'>): Promise<Responses['behaviours:query']> {
    return callApi(this.page, 'behaviours:query', req);
  }
  activeBy(): Promise<Responses['behaviours:activeBy']> {
    return callApi(this.page, 'behaviours:activeBy', {});
  }
  metrics(period: 'day' | 'week' | 'month'): Promise<Responses['metrics:query']> {
    return callApi(this.page, 'metrics:query', { period });
  }
}
