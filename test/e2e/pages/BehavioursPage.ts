import type { Page } from '@playwright/test';
import type { Req, Responses } from '../../../src-main/contract';
import { callApi } from './api';
import { gridCell, gridRow } from './grid';

/** The key-behaviours view (关键行为): rule grid with live counts, save, activity setting, trend and lift. */
export class BehavioursPage {
  constructor(private readonly page: Page) {}

  private gridCell(rowIndex: number, colId: string) {
    return gridCell(this.page.getByTestId('behaviours-grid'), rowIndex, colId);
  }

  /** The rules card: `aria-busy="false"` once the live counts of the current rows are shown. */
  rulesCard() {
    return this.page.getByTestId('behaviours-rules-card');
  }

  /** A live 人数 or 次数 cell. */
  live(rowIndex: number, measure: 'people' | 'occurrences') {
    return this.page.getByTestId(`behaviour-${measure}-${rowIndex}`);
  }

  /** The 关键字 / 正则 cell of a row (class `cell-problem` when flagged). */
  patternCell(rowIndex: number) {
    return this.gridCell(rowIndex, 'pattern');
  }

  /** Types into the 关键字 / 正则 cell of a row (a double click opens the editor). */
  async setPattern(rowIndex: number, text: string): Promise<void> {
    const cell = this.patternCell(rowIndex);
    await cell.dblclick();
    const input = cell.locator('input');
    await input.fill(text);
    await input.press('Enter');
  }

  /** The 正则 check box of a row. */
  regexBox(rowIndex: number) {
    return gridRow(this.page.getByTestId('behaviours-grid'), rowIndex).locator(`[data-testid="behaviours-grid-isRegex-${rowIndex}"]`);
  }

  /** The problems listed under the grid. */
  problems() {
    return this.page.getByTestId('behaviours-grid-problems');
  }

  async undo(): Promise<void> {
    await this.page.getByTestId('behaviours-grid-undo').click();
  }

  saveButton() {
    return this.page.getByTestId('behaviours-save');
  }

  async save(): Promise<void> {
    await this.saveButton().click();
    await this.unsaved().waitFor({ state: 'detached' });
  }

  /** The unsaved-changes marker. */
  unsaved() {
    return this.page.getByTestId('behaviours-unsaved');
  }

  /** Picks the 活跃口径 and waits until the switch shows it. */
  async setActiveBy(value: 'message' | 'behaviour'): Promise<void> {
    await this.page.getByTestId(`active-by-${value}`).click();
    await this.page.locator(`[data-testid="active-by-${value}"][aria-checked="true"]`).waitFor();
  }

  /** A cell of the lift table. */
  liftCell(rowIndex: number, colId: string) {
    return gridCell(this.page.getByTestId('behaviours-lift'), rowIndex, colId).first();
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
