import { useCallback, useMemo, useRef, useState } from 'react';
import type { KeptHistory } from '../store/drafts';

/** How many steps back a definition editor keeps. */
const HISTORY_LIMIT = 200;

interface History<T> {
  past: T[];
  present: T;
  future: T[];
}

/** What {@link useUndoable} gives its owner. */
export interface Undoable<T> {
  value: T;
  /** Records a new value (clears the redo steps). */
  set(next: T): void;
  /** Replaces the value and forgets the history (a load from the server, a save). */
  reset(next: T): void;
  undo(): void;
  redo(): void;
  canUndo: boolean;
  canRedo: boolean;
  /** Whether the value differs from the last reset (unsaved changes). */
  isDirty: boolean;
  /** The whole history with its baseline, to keep it while the editor is not shown. */
  snapshot(): KeptHistory<T>;
}

/**
 * A value with undo / redo, for the definition editors: every edit of a grid is one step,
 * whatever it touched (a cell, a pasted block, an added or moved row).
 */
export function useUndoable<T>(initial: T, restored?: KeptHistory<T>): Undoable<T> {
  const [history, setHistory] = useState<History<T>>(() =>
    restored ? { past: restored.past, present: restored.present, future: restored.future } : { past: [], present: initial, future: [] },
  );
  const baseline = useRef<T>(restored ? restored.baseline : initial);

  const set = useCallback((next: T) => {
    setHistory((h) => (Object.is(next, h.present) ? h : { past: [...h.past, h.present].slice(-HISTORY_LIMIT), present: next, future: [] }));
  }, []);
  const reset = useCallback((next: T) => {
    baseline.current = next;
    setHistory({ past: [], present: next, future: [] });
  }, []);
  const undo = useCallback(() => {
    setHistory((h) => (h.past.length === 0 ? h : { past: h.past.slice(0, -1), present: h.past[h.past.length - 1]!, future: [h.present, ...h.future] }));
  }, []);
  const redo = useCallback(() => {
    setHistory((h) => (h.future.length === 0 ? h : { past: [...h.past, h.present], present: h.future[0]!, future: h.future.slice(1) }));
  }, []);

  const isDirty = useMemo(() => JSON.stringify(history.present) !== JSON.stringify(baseline.current), [history.present]);
  const snapshot = useCallback((): KeptHistory<T> => ({ ...history, baseline: baseline.current }), [history]);
  return {
    value: history.present,
    set,
    reset,
    undo,
    redo,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    isDirty,
    snapshot,
  };
}
