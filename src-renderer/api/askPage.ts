import type { Method, Req, Responses } from '../../src-main/contract';
import { reportError } from '../store/toasts';
import { call } from './client';

/**
 * Asks a server-side grid's page (a PageLoader's body): the answer, or null once the user is told
 * what went wrong. A request with a signal (the grid's own, the warm-up's) is not reported: an
 * abort means nobody waits, and the grid shows its own failure.
 */
export async function askPage<K extends Method>(name: K, req: Req<K>, signal?: AbortSignal): Promise<Responses[K] | null> {
  const r = await call(name, req, { signal });
  if (r.ok) return r.value;
  if (!signal) reportError(r.error);
  return null;
}
