import type { Locator } from '@playwright/test';

/** The row of index `rowIndex` of the ag-grid `grid` (its cells, pinned ones included). */
export function gridRow(grid: Locator, rowIndex: number | string): Locator {
  return grid.locator(`.ag-row[row-index="${rowIndex}"]`);
}

/** The cell of column `colId` in row `rowIndex` of the ag-grid `grid`. */
export function gridCell(grid: Locator, rowIndex: number | string, colId: string): Locator {
  return gridRow(grid, rowIndex).locator(`.ag-cell[col-id="${colId}"]`);
}
