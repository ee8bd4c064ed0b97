import type { Page } from '@playwright/test';

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
    // Creating, opening and closing a project are the server's work, not the page's: at a load
    // average of 20-25 they passed the 15 s of an action (as did the demo's build its 60 s).
    await this.page.getByTestId('project-name').waitFor({ timeout: 60_000 });
  }

  async openByPath(file: string): Promise<void> {
    await this.page.getByTestId('start-open-path').fill(file);
    await this.page.getByTestId('start-open-path-submit').click();
    await this.page.getByTestId('project-name').waitFor({ timeout: 60_000 });
  }

  /** Opens the demo project; the first time the app builds it from the bundled exports. */
  async openDemo(): Promise<void> {
    await this.page.getByTestId('start-open-demo').click();
    await this.page.getByTestId('project-name').waitFor({ timeout: 60_000 });
  }

  /** The entry of the recent list for a project file. */
  recentEntry(file: string) {
    return this.page.getByTestId('recent-list').locator(`button.project-item[data-path="${file}"]`);
  }

  /** Reopens a project from the recent list. */
  async openRecent(file: string): Promise<void> {
    await this.recentEntry(file).click();
    await this.page.getByTestId('project-name').waitFor({ timeout: 60_000 });
  }
}
