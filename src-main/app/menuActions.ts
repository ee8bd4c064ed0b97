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
import { sharingText } from '../locale/sharing';

/** The menu's file commands. */
export interface MenuActions {
  newProject(): Promise<void>;
  openProject(): Promise<void>;
  openDemo(): Promise<void>;
  importFiles(): Promise<void>;
  saveProjectAs(): Promise<void>;
  /** 另存为脱敏副本…: where, and whether group and staff names are masked too; the original stays open. */
  anonymizeCopy(): Promise<void>;
  /** 合并项目…: another project's data into this one. */
  mergeProject(): Promise<void>;
  /** 导出 Parquet…: the normalised tables into a chosen folder. */
  exportParquet(): Promise<void>;
  closeProject(): Promise<void>;
}

/** A question with buttons (and at most one checkbox): the index of the button pressed, and the checkbox. */
export type Ask = (q: { message: string; detail?: string; buttons: string[]; checkbox?: string }) => Promise<{ button: number; isChecked: boolean }>;

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
  /** Asks a question (none: the question's first button, unchecked). */
  ask?: Ask;
  /** Asks for a folder to write into. */
  chooseFolder?(): Promise<string | null>;
  /** Shows a one-line outcome. */
  info?(message: string): void;
  /** Shows that long work is under way (the window's progress bar), or that it ended. */
  busy?(isBusy: boolean): void;
}

/** The file commands bound to the shell. */
export function createMenuActions({ call, dialogs, refresh, showError, ask, chooseFolder, info, busy }: MenuDeps): MenuActions {
  const settle = (r: Result<unknown>): void => {
    if (r.ok) refresh();
    else showError(r.error.message);
  };
  const current = async () => {
    const r = await call('project:current', {});
    if (!r.ok || !r.value) showError(boundaryMessages.projectNotOpen);
    return r.ok ? r.value : null;
  };
  const longWork = async <T>(work: () => Promise<T>): Promise<T> => {
    busy?.(true);
    try {
      return await work();
    } finally {
      busy?.(false);
    }
  };
  return {
    async newProject() {
      const target = await dialogs.saveProject(shellText.untitled);
      if (target) settle(await call('project:new', { path: target }));
    },
    async openProject() {
      const target = await dialogs.openProject();
      if (!target) return;
      const r = await call('project:open', { path: target });
      // Held by someone else: say by whom (the message does) and offer a read-only look.
      if (!r.ok && r.error.code === 'PROJECT_LOCKED' && r.error.details?.canOpenReadOnly && ask) {
        const answer = await ask({ message: r.error.message, buttons: [sharingText.openReadOnly, sharingText.cancel] });
        if (answer.button === 0) settle(await call('project:open', { path: target, readOnly: true }));
        return;
      }
      settle(r);
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
    async anonymizeCopy() {
      const project = await current();
      if (!project) return;
      const target = await dialogs.saveProject(`${project.name}${sharingText.anonymizeSuffix}`);
      if (!target) return;
      const answer = ask
        ? await ask({ message: sharingText.anonymizeTitle, detail: sharingText.anonymizeHint, buttons: [sharingText.keepGroupNames, sharingText.maskGroupNames, sharingText.cancel], checkbox: sharingText.maskStaff })
        : { button: 0, isChecked: false };
      if (answer.button === 2) return;
      // The native save dialog has already asked before replacing a file.
      const r = await longWork(() => call('project:anonymize', { path: target, maskGroups: answer.button === 1, maskStaff: answer.isChecked, overwrite: true }));
      if (r.ok) info?.(sharingText.anonymized(r.value.path, r.value.names, r.value.groups, r.value.messages));
      else showError(r.error.message);
    },
    async mergeProject() {
      if (!(await current())) return;
      const other = await dialogs.openProject();
      if (!other) return;
      const r = await longWork(() => call('project:merge', { path: other }));
      if (!r.ok) {
        showError(sharingText.mergeFailed(other, r.error.message));
        return;
      }
      info?.(sharingText.merged(other, r.value.imports, r.value.added, r.value.existing));
      refresh();
    },
    async exportParquet() {
      if (!(await current()) || !chooseFolder) return;
      const folder = await chooseFolder();
      if (!folder) return;
      const r = await longWork(() => call('project:exportParquet', { folder }));
      if (r.ok) info?.(sharingText.parquetDone(r.value.tables.length, r.value.folder));
      else showError(r.error.message);
    },
    async closeProject() {
      settle(await call('project:close', {}));
    },
  };
}
