import type { Page } from 'playwright-core';

/** The start screen: new, open, recent, demo. */
export class StartPage {
  constructor(private readonly page: Page) {}

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByTestId('start-new-name').waitFor();
  }

  async createProject(name: string): Promise<void> {
    await this.page.getByTestId('start-new-name').fill(name);
    await this.page.getByTestId('start-new-submit').click();
    await this.page.getByTestId('project-name').waitFor();
  }

  async openByPath(file: string): Promise<void> {
    await this.page.getByTestId('start-open-path').fill(file);
    await this.page.getByTestId('start-open-path-submit').click();
    await this.page.getByTestId('project-name').waitFor();
  }

  async openDemo(): Promise<void> {
    await this.page.getByTestId('start-open-demo').click();
    await this.page.getByTestId('project-name').waitFor({ timeout: 60_000 });
  }

  recentEntries() {
    return this.page.getByTestId('recent-list');
  }
}
