import type { Page } from '@playwright/test';
import type { DataQuery, Responses } from '../../../src-main/contract';
import { callApi } from './api';
import { downloadOf, type Downloaded } from './download';
import { gridCell } from './grid';

/** The customer-360 view (客户360): the server-paged feature grid, its row count and export. */
export class FeaturesPage {
  constructor(private readonly page: Page) {}

  /** The row count the view shows, in its `data-total` once the first page has arrived. */
  total() {
    return this.page.getByTestId('features-total');
  }

  asOf() {
    return this.page.getByTestId('features-as-of');
  }

  /** Clicks a column header (ag-grid cycles ascending → descending → none). */
  async clickHeader(colId: string): Promise<void> {
    await this.page.getByTestId('features-grid').locator(`.ag-header-cell[col-id="${colId}"] .ag-header-cell-label`).click();
  }

  /** One cell of a displayed row (rows are matched by row-index: the name column is pinned). */
  cell(rowIndex: number, colId: string) {
    return gridCell(this.page.getByTestId('features-grid'), rowIndex, colId).first();
  }

  /** The API's page for the same scope, sort and filter. */
  query(q: Partial<DataQuery> = {}): Promise<Responses['features:query']> {
    return callApi(this.page, 'features:query', { offset: 0, limit: 10, ...q });
  }

  /** Clicks the grid's 导出 xlsx and returns the file. */
  exportXlsx(): Promise<Downloaded> {
    return downloadOf(this.page, 'features-grid-export-xlsx');
  }
}
