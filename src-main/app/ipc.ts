/** IPC registration: the one channel that serves the whole API to the app's own pages. */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Api, Result } from '../contract';
import { dispatch } from '../api/dispatch';
import { isAppUrl } from './appUrls';
import { IPC_CHANNEL } from './ipcChannel';

/** The part of an IPC event the trust check reads. */
export type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;

const UNAUTHORIZED: Result<never> = { ok: false, error: { code: 'UNAUTHORIZED', message: '调用来自不受信任的页面，已拒绝' } };

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
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, handlers: Api, isTrustedSender: (event: SenderEvent) => boolean): void {
  ipcMain.handle(IPC_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, req: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event)) return UNAUTHORIZED;
    return dispatch(handlers, typeof method === 'string' ? method : String(method), req);
  });
}
