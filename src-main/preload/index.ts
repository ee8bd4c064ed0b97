/**
 * The bridge the sandboxed renderer gets: `window.qunxi.call(method, req, id?)` for the whole API,
 * `cancel(id)` to say a call's answer is no longer wanted, and `getPathForFile` for dropped files.
 * Nothing else — no raw ipcRenderer, no Node.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { IPC_CANCEL_CHANNEL, IPC_CHANNEL, isCallId } from '../app/ipcChannel';

/** What `window.qunxi` offers the renderer. */
export interface QunxiBridge {
  /** Calls one API method; resolves to its Result. `id` (a positive integer, unique per page) makes it cancellable. */
  call(method: string, req: unknown, id?: number): Promise<unknown>;
  /** Aborts the call of that id: the main process interrupts its work, and the call answers CANCELLED. */
  cancel(id: number): void;
  /** The local path of a file dropped on or picked in the page. */
  getPathForFile(file: Parameters<typeof webUtils.getPathForFile>[0]): string;
}

const bridge: QunxiBridge = {
  // Only a valid id crosses; the main process checks it again.
  call: (method, req, id) => (isCallId(id) ? ipcRenderer.invoke(IPC_CHANNEL, method, req, id) : ipcRenderer.invoke(IPC_CHANNEL, method, req)),
  cancel: (id) => {
    if (isCallId(id)) ipcRenderer.send(IPC_CANCEL_CHANNEL, id);
  },
  getPathForFile: (file) => webUtils.getPathForFile(file),
};

contextBridge.exposeInMainWorld('qunxi', bridge);
