import { useEffect, useRef, useState } from 'react';
import type { Method, Req, Responses } from '../../src-main/contract';
import { call } from '../api/client';
import { reportError } from '../store/toasts';

/** When {@link useLiveQuery} asks. */
export interface LiveQueryOptions {
  /** False until what the request is built from has loaded: nothing is asked or dropped meanwhile. */
  isReady: boolean;
  /** Quiet time after the last change before asking. */
  delayMs: number;
  /** Asks again when it changes (the project's data changed). */
  version: unknown;
}

/**
 * The answer to `req`, following it as the user edits an unsaved definition: asked `delayMs`
 * after the last change of its content (its JSON, so a new object with the same content asks
 * nothing), keeping only the answer to the latest request (a late answer to an older one is
 * dropped), an error reported as a toast. `req` null: nothing can be asked now (an invalid
 * definition): a request under way is dropped and the last answer stays.
 */
export function useLiveQuery<K extends Method>(method: K, req: Req<K> | null, { isReady, delayMs, version }: LiveQueryOptions) {
  const [result, setResult] = useState<Responses[K] | null>(null);
  const [isLoading, setIsLoading] = useState(false);
  const latest = useRef(0);
  const reqKey = req === null ? null : JSON.stringify(req);
  useEffect(() => {
    if (!isReady) return;
    const id = ++latest.current;
    if (reqKey === null) {
      setIsLoading(false);
      return;
    }
    setIsLoading(true);
    const timer = setTimeout(() => {
      void call(method, JSON.parse(reqKey) as Req<K>).then((r) => {
        if (id !== latest.current) return;
        setIsLoading(false);
        if (r.ok) setResult(r.value);
        else reportError(r.error);
      });
    }, delayMs);
    return () => clearTimeout(timer);
  }, [method, reqKey, isReady, delayMs, version]);
  return { result, isLoading };
}
