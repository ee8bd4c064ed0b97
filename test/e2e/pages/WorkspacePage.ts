import type { Page } from '@playwright/test';

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

/** Whether a response is the answer to one API method (`POST /api/<method>`). */
export function isApiAnswer(url: string, method: string): boolean {
  return decodeURIComponent(new URL(url).pathname) === `/api/${method}`;
}

/** The project workspace: top bar and tabs. */
export class WorkspacePage {
  constructor(private readonly page: Page) {}

  projectName() {
    return this.page.getByTestId('project-name');
  }

  /** A tab of the side navigation (its `aria-selected` tells whether it is shown). */
  tab(tab: Tab) {
    return this.page.getByTestId(`tab-${tab}`);
  }

  async openTab(tab: Tab): Promise<void> {
    await this.tab(tab).click();
  }

  /** Opens a tab and waits for its view's figures: its ViewFrame's `data-ready`, the mark the UI bench waits for too. */
  async showTab(tab: Tab): Promise<void> {
    await this.openTab(tab);
    await this.page.locator(`[data-view="${tab}"][data-ready="true"]`).waitFor({ state: 'attached' });
  }

  /**
   * 另存为 through the top bar's form. Resolves once the API has answered `project:saveAs`, the
   * real event the top bar follows, and throws if it answered with an error.
   */
  async saveAs(file: string): Promise<void> {
    await this.page.getByTestId('save-as').click();
    await this.page.getByTestId('save-as-path').fill(file);
    const answer = this.page.waitForResponse((r) => isApiAnswer(r.url(), 'project:saveAs'), { timeout: 60_000 });
    await this.page.getByTestId('save-as-submit').click();
    const body = (await (await answer).json()) as { ok: boolean; error?: unknown };
    if (!body.ok) throw new Error(`project:saveAs: ${JSON.stringify(body.error)}`);
  }

  /**
   * 另存为 onto a path where a project already is: submits the form and waits for the question the
   * top bar asks instead of saving (the API answered PROJECT_EXISTS).
   */
  async saveAsOntoExisting(file: string): Promise<void> {
    await this.page.getByTestId('save-as').click();
    await this.page.getByTestId('save-as-path').fill(file);
    await this.page.getByTestId('save-as-submit').click();
    await this.saveAsQuestion().waitFor();
  }

  /** The 「已存在，是否替换？」 question of the 另存为 form. */
  saveAsQuestion() {
    return this.page.getByTestId('save-as-confirm');
  }

  /** Answers the question with 替换; resolves once the API has answered the second `project:saveAs`. */
  async replaceOnSaveAs(): Promise<void> {
    const answer = this.page.waitForResponse((r) => isApiAnswer(r.url(), 'project:saveAs'), { timeout: 60_000 });
    await this.page.getByTestId('save-as-replace').click();
    const body = (await (await answer).json()) as { ok: boolean; error?: unknown };
    if (!body.ok) throw new Error(`project:saveAs: ${JSON.stringify(body.error)}`);
  }

  async closeProject(): Promise<void> {
    await this.page.getByTestId('close-project').click();
    // Closing is the server's work (StartPage.createProject).
    await this.page.getByTestId('start-new-name').waitFor({ timeout: 60_000 });
  }
}
