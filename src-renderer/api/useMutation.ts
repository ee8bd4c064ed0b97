import { useState } from 'react';
import type { Method, Req, Responses } from '../../src-main/contract';
import { dataChanged, definitionsChanged } from '../store/dataVersion';
import { reportError } from '../store/toasts';
import { call } from './client';

/** What a change invalidates: the project's data, or the saved definitions. */
export type Invalidates = 'data' | 'definitions';

/** How {@link useMutation} follows up a success. */
export interface MutationOptions<T> {
  /** Runs with the answer before the queries are told (a draft takes the saved value first). */
  onDone?: (value: T) => void;
  /** The version to bump on success, so every query depending on it asks again. */
  invalidates?: Invalidates;
}

/** What {@link useMutation} gives a view. */
export interface Mutation<K extends Method> {
  /** Calls the method; the answer on success, null after a failure (reported as a toast). */
  run(req: Req<K>): Promise<Responses[K] | null>;
  /** Whether a call is under way (a 正在保存… label, a disabled button). */
  isRunning: boolean;
}

/** A call that changes something: busy state, the error as a toast, and the invalidation it causes. */
export function useMutation<K extends Method>(method: K, { onDone, invalidates }: MutationOptions<Responses[K]> = {}): Mutation<K> {
  const [isRunning, setIsRunning] = useState(false);
  async function run(req: Req<K>): Promise<Responses[K] | null> {
    setIsRunning(true);
    try {
      const r = await call(method, req);
      if (!r.ok) {
        reportError(r.error);
        return null;
      }
      onDone?.(r.value);
      if (invalidates === 'data') dataChanged();
      else if (invalidates === 'definitions') definitionsChanged();
      return r.value;
    } finally {
      setIsRunning(false);
    }
  }
  return { run, isRunning };
}
