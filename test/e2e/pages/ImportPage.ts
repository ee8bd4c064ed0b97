import type { Page } from 'playwright-core';

/** The import tab: file picker, drop zone, per-file jobs. */
export class ImportPage {
  constructor(private readonly page: Page) {}

  /** Picks files and waits until every job has finished (done, failed or cancelled). */
  async importFiles(files: string[]): Promise<void> {
    await this.page.getByTestId('import-file-input').setInputFiles(files);
    await this.page.waitForFunction(
      (n) => {
        const jobs = [...document.querySelectorAll('[data-testid="import-job"]')];
        const finished = ['done', 'failed', 'cancelled'];
        return jobs.length >= n && jobs.every((j) => finished.includes(j.getAttribute('data-state') ?? ''));
      },
      files.length,
      { timeout: 60_000 },
    );
  }

  jobs() {
    return this.page.getByTestId('import-job');
  }
}
