/**
 * What the application menu's file commands do, over the API and the dialog port. The menu
 * never sends data to the page: after a change it asks the shell to reload the page, which
 * reads the new state through the API like on any start.
 */
import type { NativeDialogs } from '../api/context';
import type { ApiClient, Result } from '../contract';
import { runLaunch } from './launch';
import { boundaryMessages } from '../locale/errors';
import { shellText } from '../locale/shell';

/** The menu's file commands. */
export interface MenuActions {
  newProject(): Promise<void>;
  openProject(): Promise<void>;
  openDemo(): Promise<void>;
  importFiles(): Promise<void>;
  saveProjectAs(): Promise<void>;
  closeProject(): Promise<void>;
}

/** What the actions need from the shell. */
export interface MenuDeps {
  /** The API. */
  call: ApiClient;
  /** Native dialogs. */
  dialogs: NativeDialogs;
  /** Reloads the page so it shows the new state. */
  refresh(): void;
  /** Shows a one-line error to the user. */
  showError(message: string): void;
}

/** The file commands bound to the shell. */
export function createMenuActions({ call, dialogs, refresh, showError }: MenuDeps): MenuActions {
  const settle = (r: Result<unknown>): void => {
    if (r.ok) refresh();
    else showError(r.error.message);
  };
  return {
    async newProject() {
      const target = await dialogs.saveProject(shellText.untitled);
      if (target) settle(await call('project:new', { path: target }));
    },
    async openProject() {
      const target = await dialogs.openProject();
      if (target) settle(await call('project:open', { path: target }));
    },
    async openDemo() {
      settle(await call('project:openDemo', {}));
    },
    async importFiles() {
      const files = await dialogs.importFiles();
      if (!files) return;
      const outcome = await runLaunch(call, [{ kind: 'import', paths: files }]);
      if (outcome.errors.length > 0) showError(outcome.errors.join('\n'));
      refresh();
    },
    async saveProjectAs() {
      const current = await call('project:current', {});
      if (!current.ok || !current.value) {
        showError(boundaryMessages.projectNotOpen);
        return;
      }
      const target = await dialogs.saveProject(current.value.name);
      // The native save dialog has already asked before replacing a file (showOverwriteConfirmation).
      if (target) settle(await call('project:saveAs', { path: target, overwrite: true }));
    },
    async closeProject() {
      settle(await call('project:close', {}));
    },
  };
}
