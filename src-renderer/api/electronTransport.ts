import type { Result } from '../../src-main/contract';

/** The bridge the Electron preload exposes on `window.qunxi` (contextIsolation on). */
export interface QunxiBridge {
  /** Calls one API method over IPC. */
  call(method: string, req: unknown): Promise<Result<unknown>>;
  /** Absolute path of a dropped or picked File (Electron's webUtils). */
  getPathForFile(file: File): string;
}

declare global {
  interface Window {
    /** Present only inside the Electron shell. */
    qunxi?: QunxiBridge;
  }
}

/** The preload bridge, when running inside Electron. */
export function electronBridge(): QunxiBridge | null {
  return typeof window !== 'undefined' && window.qunxi ? window.qunxi : null;
}
