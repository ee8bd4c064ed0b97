import type { Result } from '../../src-main/contract';
import { errorText } from '../../src-main/locale/errors';

/** The bridge the Electron preload exposes on `window.qunxi` (contextIsolation on). */
export interface QunxiBridge {
  /** Calls one API method over IPC; with an `id` (positive integer, unique in this page) the call can be cancelled. */
  call(method: string, req: unknown, id?: number): Promise<Result<unknown>>;
  /** Tells the main process the call of that id is no longer wanted: it interrupts the work and answers CANCELLED. */
  cancel(id: number): void;
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

/** Last call id of this page; the main process keys its cancellable calls by page and id. */
let lastCallId = 0;

/**
 * Calls one API method over the bridge. An AbortSignal cannot cross the context bridge, so the
 * call carries an id and an abort of `signal` sends a cancel for that id; the answer is then the
 * main process's CANCELLED (or the result, when the work had already finished). Never throws.
 */
export async function electronCall(bridge: QunxiBridge, method: string, req: unknown, signal?: AbortSignal): Promise<Result<unknown>> {
  if (signal?.aborted) return { ok: false, error: { code: 'CANCELLED', message: errorText.CANCELLED } };
  const id = ++lastCallId;
  const onAbort = () => bridge.cancel(id);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await bridge.call(method, req, id);
  } catch (e) {
    return { ok: false, error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) } };
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}
