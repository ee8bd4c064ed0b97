/**
 * Cancellation of a call's work (STYLE: VS Code's CancellationToken, here the platform's
 * AbortSignal): the CANCELLED error every layer throws once its caller has gone, and the checks
 * around the work a caller shares with others.
 */
import { AppError } from '../contract/appError';
import { boundaryMessages } from '../locale/errors';

/** The error of work stopped because its caller abandoned it; `details` may say what stopped it. */
export function cancelledError(details?: Record<string, string>): AppError {
  return new AppError('CANCELLED', boundaryMessages.cancelled, details);
}

/** Whether an error is the CANCELLED of an abandoned call. */
export function isCancelled(e: unknown): boolean {
  return e instanceof AppError && e.code === 'CANCELLED';
}

/** Throws CANCELLED once `signal` has aborted. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError();
}

/**
 * Waits for work that others may share (a derived-table build), but only while `signal` holds:
 * an abort rejects this caller's wait with CANCELLED and leaves the work running for the rest.
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(cancelledError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
