import type { BrowserWindow, Dialog, Event } from 'electron';
import { shellText } from '../locale/shell';

/**
 * Asks before the window closes or reloads over unsaved drafts. The renderer's beforeunload
 * handler (src-renderer/store/drafts.ts) cancels the unload while any draft is kept; Electron then
 * drops the close silently unless the main side asks, so this shows the question and lets the
 * unload go on (preventDefault on will-prevent-unload) when the user chooses to discard.
 */
export function guardUnload(window: BrowserWindow, dialog: Pick<Dialog, 'showMessageBoxSync'>): void {
  window.webContents.on('will-prevent-unload', (event: Event) => {
    const t = shellText.unloadDrafts;
    const choice = dialog.showMessageBoxSync(window, { type: 'question', title: shellText.appName, message: t.message, detail: t.detail, buttons: [t.leave, t.stay], defaultId: 1, cancelId: 1, noLink: true });
    if (choice === 0) event.preventDefault();
  });
}
