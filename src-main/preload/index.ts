/**
 * The bridge the sandboxed renderer gets: `window.qunxi.call(method, req)` for the whole API
 * and `getPathForFile` for dropped files. Nothing else — no raw ipcRenderer, no Node.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { IPC_CHANNEL } from '../app/ipcChannel';

/** What `window.qunxi` offers the renderer. */
export interface QunxiBridge {
  /** Calls one API method; resolves to its Result. */
  call(method: string, req: unknown): Promise<unknown>;
  /** The local path of a file dropped on or picked in the page. */
  getPathForFile(file: Parameters<typeof webUtils.getPathForFile>[0]): string;
}

const bridge: QunxiBridge = {
  call: (method, req) => ipcRenderer.invoke(IPC_CHANNEL, method, req),
  getPathForFile: (file) => webUtils.getPathForFile(file),
};

contextBridge.exposeInMainWorld('qunxi', bridge);
