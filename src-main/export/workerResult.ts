/**
 * The one way the export workers (xlsx, report) end: the first of a result, a failure, the
 * thread's error or exit, or the caller's abort settles the promise, and only once the thread is
 * gone, so a cancelled export leaves nothing running.
 */
import type { Worker } from 'node:worker_threads';
import { AppError, firstLine } from '../contract/appError';
import { cancelledError } from '../db/cancellation';

/** What a worker's messages and its end mean to its caller. */
export interface WorkerOutcome<M, T> {
  /** Reads one message: the result, a failure, or undefined when it does not end the work (progress). */
  onMessage(m: M): { ok: true; value: T } | { ok: false; message: string } | undefined;
  /** The messages (already localised) of a reported failure, a thread error and an unexpected exit. */
  failed(detail: string): string;
  threadError(detail: string): string;
  exited(code: number): string;
}

/** Settles with the worker's result; rejects with CANCELLED when `signal` aborts, INTERNAL when the thread fails, or with what `fail` is given. */
export function workerResult<M, T>(
  worker: Worker,
  outcome: WorkerOutcome<M, T>,
  signal?: AbortSignal,
): { promise: Promise<T>; isSettled: () => boolean; fail: (error: AppError) => void } {
  let isSettled = false;
  let fail: (error: AppError) => void = () => undefined;
  const promise = new Promise<T>((resolve, reject) => {
    const settle = (fn: () => void) => {
      if (isSettled) return;
      isSettled = true;
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate().then(fn, fn);
    };
    const onAbort = () => settle(() => reject(cancelledError()));
    fail = (error) => settle(() => reject(error));
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (m: M) => {
      const r = outcome.onMessage(m);
      if (r?.ok) settle(() => resolve(r.value));
      else if (r) settle(() => reject(new AppError('INTERNAL', outcome.failed(r.message))));
    });
    worker.on('error', (e) => settle(() => reject(new AppError('INTERNAL', outcome.threadError(firstLine(e))))));
    worker.on('exit', (code) => settle(() => reject(new AppError('INTERNAL', outcome.exited(code)))));
  });
  return { promise, isSettled: () => isSettled, fail: (error) => fail(error) };
}
