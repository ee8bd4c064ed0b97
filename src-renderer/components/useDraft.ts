import { useCallback, useEffect, useRef, useState } from 'react';
import type { QueryState } from '../api/queryCache';
import { useDrafts, type KeptDraft } from '../store/drafts';
import { useUndoable, type Undoable } from './useUndoable';

/**
 * The saved definition a draft may start from: the query's answer once it is current, null while
 * only a remembered answer from before a change is shown (a draft started from it would save an
 * old definition over a newer one).
 */
export const currentAnswer = <S>(query: Pick<QueryState<S>, 'data' | 'isStale'>): S | null => (query.isStale ? null : query.data);

/** A definition being edited over its saved value (see {@link useDraft}). */
export interface Draft<S, T> extends Undoable<T> {
  /** Whether the saved value has arrived and the draft started from it. */
  isLoaded: boolean;
  /** Starts over from a value just saved (the answer of a save). */
  takeSaved(saved: S): void;
  /** Drops the unsaved changes (放弃修改). */
  revert(): void;
}

/**
 * The editable draft of a saved definition, with undo / redo. A new saved value (the query
 * answering again after an import or a definitions file) replaces the draft only while it has
 * no unsaved changes: the user's edits are never lost to a refresh. `toDraft` should be stable.
 *
 * With a `key` the unsaved draft outlives the view: it is kept in store/drafts.ts, under the key,
 * until saved or discarded, and taken up again, history and all, when the view is shown again.
 */
export function useDraft<S, T>(saved: S | null, toDraft: (saved: S) => T, initial: T, key?: string): Draft<S, T> {
  // Read once: what was kept when the view was last shown.
  const [kept] = useState(() => (key ? (useDrafts.getState().drafts[key] as KeptDraft<S, T> | undefined) : undefined));
  const undoable = useUndoable<T>(initial, kept?.history);
  const { reset, isDirty, snapshot } = undoable;
  const [isLoaded, setIsLoaded] = useState(kept !== undefined);
  // The saved value the draft started from: its JSON (to tell a new one) and the value (to revert).
  const base = useRef<{ json: string; value: S } | null>(kept?.base ?? null);

  useEffect(() => {
    if (!key || !isLoaded) return;
    if (isDirty) useDrafts.getState().keep(key, { history: snapshot(), base: base.current });
    else useDrafts.getState().drop(key);
  }, [key, isLoaded, isDirty, snapshot]);

  const takeSaved = useCallback(
    (value: S) => {
      base.current = { json: JSON.stringify(value), value };
      reset(toDraft(value));
      setIsLoaded(true);
    },
    [reset, toDraft],
  );

  useEffect(() => {
    if (saved === null || isDirty || base.current?.json === JSON.stringify(saved)) return;
    takeSaved(saved);
  }, [saved, isDirty, takeSaved]);

  const revert = useCallback(() => {
    if (base.current) reset(toDraft(base.current.value));
  }, [reset, toDraft]);

  return { ...undoable, isLoaded, takeSaved, revert };
}

/**
 * The request of an analysis that follows a definition being edited. Before the saved definition
 * has arrived, and while it stands unedited, the scope alone: the Node side reads the saved
 * definition itself, so the analysis is asked beside the definition's own question instead of
 * after its answer (issue 17). Edited, the scope with the draft (`edited`). Null while the draft
 * is invalid: nothing to ask, the last answer stays.
 */
export function draftRequest<S extends object, E extends object>(draft: Pick<Draft<unknown, unknown>, 'isLoaded' | 'isDirty'>, scope: S, edited: E, isValid: boolean): S | (E & S) | null {
  if (!draft.isLoaded) return scope;
  if (!isValid) return null;
  return draft.isDirty ? { ...edited, ...scope } : scope;
}
