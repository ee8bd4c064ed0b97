/** IPC registration: the one channel that serves the whole API to the app's own pages, and its cancel. */
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import type { Api, Result } from '../contract';
import { dispatch } from '../api/dispatch';
import { boundaryMessages } from '../locale/errors';
import { isAppUrl } from './appUrls';
import { IPC_CANCEL_CHANNEL, IPC_CHANNEL, isCallId } from './ipcChannel';

/** The part of an IPC event the trust check reads. */
export type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;

/** The part of an IPC event a call reads: the trust check's frame and the sending page (for its calls' ids). */
export type CallerEvent = Pick<IpcMainInvokeEvent | IpcMainEvent, 'senderFrame' | 'sender'>;

// Functions, not constants: the message follows the language of the moment.
const unauthorized = (): Result<never> => ({ ok: false, error: { code: 'UNAUTHORIZED', message: boundaryMessages.untrustedCaller } });
const badCallId = (): Result<never> => ({ ok: false, error: { code: 'INVALID_REQUEST', message: boundaryMessages.badCallId } });

/**
 * A trust check for IPC events: the sender must be a top-level frame showing the app's own
 * page. An injected iframe or a page navigated elsewhere gets nothing.
 */
export function trustedSenderCheck(appUrl: string): (event: SenderEvent) => boolean {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent) return false;
    return isAppUrl(frame.url, appUrl);
  };
}

/**
 * Serves the API on {@link IPC_CHANNEL}. Arguments are validated by `dispatch` against the
 * contract's schemas; untrusted senders get UNAUTHORIZED as data, never a handler call.
 *
 * A call may carry an id (the renderer numbers its calls); a message on {@link IPC_CANCEL_CHANNEL}
 * with that id aborts the call's signal, which the handler passes down to the database. Ids are
 * per page: a page's calls are kept under its webContents id.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'on'>, handlers: Api, isTrustedSender: (event: SenderEvent) => boolean): void {
  /** Calls under way that can be cancelled, by `<webContents id>:<call id>`. */
  const pending = new Map<string, AbortController>();
  const keyOf = (event: CallerEvent, id: number) => `${event.sender.id}:${id}`;

  ipcMain.handle(IPC_CHANNEL, async (event: CallerEvent, method: unknown, req: unknown, id?: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event)) return unauthorized();
    const name = typeof method === 'string' ? method : String(method);
    if (id === undefined) return dispatch(handlers, name, req);
    if (!isCallId(id)) return badCallId();
    const key = keyOf(event, id);
    // An id only repeats once the page has reloaded and counts from 1 again: the older call's page is gone.
    pending.get(key)?.abort();
    const controller = new AbortController();
    pending.set(key, controller);
    try {
      return await dispatch(handlers, name, req, { signal: controller.signal });
    } finally {
      if (pending.get(key) === controller) pending.delete(key);
    }
  });

  ipcMain.on(IPC_CANCEL_CHANNEL, (event: CallerEvent, id: unknown) => {
    if (!isTrustedSender(event) || !isCallId(id)) return;
    pending.get(keyOf(event, id))?.abort();
  });
}
