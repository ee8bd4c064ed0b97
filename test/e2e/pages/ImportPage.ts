import type { Locator, Page } from '@playwright/test';

const FINISHED = ['done', 'failed', 'cancelled'];

/** The import tab: file picker, per-file review with the mapping grid, jobs, history, templates. */
export class ImportPage {
  constructor(readonly page: Page) {}

  /** Picks files and waits until each has been inspected (under review) or has failed. */
  async stageFiles(files: string[]): Promise<void> {
    const before = await this.jobs().count();
    await this.page.getByTestId('import-file-input').setInputFiles(files);
    await this.page.waitForFunction(
      (n) => {
        const jobs = [...document.querySelectorAll('[data-testid="import-job"]')];
        const settled = ['review', 'done', 'failed', 'cancelled'];
        return jobs.length >= n && jobs.every((j) => settled.includes(j.getAttribute('data-state') ?? ''));
      },
      before + files.length,
      { timeout: 60_000 },
    );
  }

  /** Waits until every job has finished (done, failed or cancelled). */
  async waitFinished(): Promise<void> {
    await this.page.waitForFunction(
      (finished) => [...document.querySelectorAll('[data-testid="import-job"]')].every((j) => finished.includes(j.getAttribute('data-state') ?? '')),
      FINISHED,
      { timeout: 60_000 },
    );
  }

  /** The one-click path: picks files, imports every confidently detected one, waits for all to finish. */
  async importFiles(files: string[]): Promise<void> {
    await this.stageFiles(files);
    const importAll = this.page.getByTestId('import-all');
    if (await importAll.isVisible()) await importAll.click();
    await this.waitFinished();
  }

  jobs() {
    return this.page.getByTestId('import-job');
  }

  /** The one progress bar of 导入全部 over all its files, with the file in progress and 取消 (there while the batch runs). */
  batch(): Locator {
    return this.page.getByTestId('import-batch');
  }

  /**
   * Records, from now on, every share the batch's bar shows (its `data-fraction` on each render),
   * for {@link batchFractions}: a mutation observer, so no value depends on when the test looks.
   */
  async recordBatchFractions(): Promise<void> {
    await this.page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { batchFractions: number[] }).batchFractions = seen;
      const look = () => {
        const v = document.querySelector('[data-testid="import-batch"]')?.getAttribute('data-fraction');
        if (v != null && Number(v) !== seen.at(-1)) seen.push(Number(v));
      };
      new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-fraction'] });
    });
  }

  /** The shares recorded since {@link recordBatchFractions}. */
  batchFractions(): Promise<number[]> {
    return this.page.evaluate(() => (window as unknown as { batchFractions: number[] }).batchFractions);
  }

  /** The state of each job, in order (review, done, failed, cancelled …). */
  states(): Promise<(string | null)[]> {
    return this.jobs().evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
  }

  /** The job of one file, by its file name. */
  job(fileName: string): Locator {
    return this.page.locator(`[data-testid="import-job"][data-file="${fileName}"]`);
  }

  /** The review panel of one staged file. */
  mapping(fileName: string): MappingPanel {
    return new MappingPanel(this.page.locator(`[data-testid="mapping-panel"][data-file="${fileName}"]`));
  }

  /** The result panel of a file's finished import (读取 / 新增 / 跳过, the reasons, the skipped rows). */
  result(fileName: string): Locator {
    return this.job(fileName).getByTestId('import-result');
  }

  /** The reasons the result of a file's import lists, each as [reason code, count, text shown]. */
  skipReasons(fileName: string): Promise<[string, number, string][]> {
    return this.result(fileName)
      .getByTestId('import-skip-reason')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-reason') ?? '', Number(e.getAttribute('data-count')), e.textContent ?? ''] as [string, number, string]));
  }

  /** The rows of a file's skipped-rows grid as shown now (a page still loading shows empty cells): [sheet, row, reason, detail] in the grid's order. */
  async skippedRows(fileName: string): Promise<string[][]> {
    const grid = this.result(fileName).getByTestId('import-skipped');
    await grid.locator('.ag-row .ag-cell[col-id="reason"]').first().waitFor();
    // No pinned columns: each row is one .ag-row element.
    return grid.locator('.ag-row[row-index]').evaluateAll((rows) =>
      rows
        .sort((a, b) => Number(a.getAttribute('row-index')) - Number(b.getAttribute('row-index')))
        .map((r) => ['sheet', 'row', 'reason', 'detail'].map((c) => r.querySelector(`.ag-cell[col-id="${c}"]`)?.textContent?.trim() ?? '')),
    );
  }

  /** The history grid row of the import of a file. */
  historyRow(fileName: string): Locator {
    return this.page.getByTestId('import-history').locator('.ag-row', { hasText: fileName });
  }

  /** Removes the import of a file through 撤销导入 and its confirmation. */
  async removeImport(fileName: string): Promise<void> {
    await this.historyRow(fileName).getByTestId('history-remove').click();
    await this.page.getByTestId('history-remove-ok').click();
    await this.historyRow(fileName).waitFor({ state: 'detached' });
  }
}

/** The mapping step of one file: kind, mapping grid, preview, start. */
export class MappingPanel {
  constructor(readonly root: Locator) {}

  kind(): Locator {
    return this.root.getByTestId('mapping-kind');
  }

  /** The 对应字段 drop-down of the source column with this header. */
  fieldSelect(header: string): Locator {
    return this.root.getByTestId('mapping-grid').locator('.ag-row', { has: this.root.page().locator('.ag-cell[col-id="header"]', { hasText: header }) }).getByTestId('mapping-field');
  }

  async mapColumn(header: string, fieldLabel: string): Promise<void> {
    await this.fieldSelect(header).selectOption({ label: fieldLabel });
  }

  missing(): Locator {
    return this.root.getByTestId('mapping-missing');
  }

  problemCells(): Locator {
    return this.root.getByTestId('mapping-preview').locator('.ag-cell.cell-problem');
  }

  async start(): Promise<void> {
    await this.root.getByTestId('mapping-start').click();
  }
}
