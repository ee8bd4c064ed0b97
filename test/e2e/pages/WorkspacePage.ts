import type { Page } from 'playwright-core';

/** Views of the side navigation (src-renderer/store/navigation.ts). */
export type Tab =
  | 'overview'
  | 'metrics'
  | 'funnel'
  | 'churn'
  | 'channels'
  | 'activity'
  | 'features'
  | 'behaviours'
  | 'quadrant'
  | 'vvip'
  | 'data'
  | 'match'
  | 'import';

/** The project workspace: top bar and tabs. */
export class WorkspacePage {
  constructor(private readonly page: Page) {}

  projectName() {
    return this.page.getByTestId('project-name');
  }

  async openTab(tab: Tab): Promise<void> {
    await this.page.getByTestId(`tab-${tab}`).click();
  }

  async saveAs(file: string): Promise<void> {
    await this.page.getByTestId('save-as').click();
    await this.page.getByTestId('save-as-path').fill(file);
    await this.page.getByTestId('save-as-submit').click();
  }

  async closeProject(): Promise<void> {
    await this.page.getByTestId('close-project').click();
    await this.page.getByTestId('start-new-name').waitFor();
  }
}
