import { create } from 'zustand';
import { useProject } from './project';

/** The undo history of a draft as {@link useUndoable} holds it. */
export interface KeptHistory<T> {
  past: T[];
  present: T;
  future: T[];
  /** The value the draft started from (its saved state): unsaved while `present` differs. */
  baseline: T;
}

/** An unsaved draft kept while its view is not shown: its history and the saved value it started from. */
export interface KeptDraft<S = unknown, T = unknown> {
  history: KeptHistory<T>;
  /** The saved definition the draft started from (JSON to tell a newer one, and the value to revert to). */
  base: { json: string; value: S } | null;
}

interface DraftsState {
  /** Unsaved drafts by editor key (one per definition editor: 'quadrant', 'path' …). */
  drafts: Record<string, KeptDraft>;
  keep(key: string, draft: KeptDraft): void;
  drop(key: string): void;
  /** Forgets every draft (the project they belong to closed, or another opened). */
  clear(): void;
}

/**
 * Unsaved definition drafts, kept across view switches until saved or discarded (components/useDraft.ts
 * writes them here). Closing the project or the window asks first while any is kept.
 */
export const useDrafts = create<DraftsState>()((set) => ({
  drafts: {},
  keep: (key, draft) => set((s) => ({ drafts: { ...s.drafts, [key]: draft } })),
  drop: (key) =>
    set((s) => {
      if (!(key in s.drafts)) return s;
      const { [key]: _dropped, ...rest } = s.drafts;
      return { drafts: rest };
    }),
  clear: () => set({ drafts: {} }),
}));

/** Keys of the editors with unsaved drafts. */
export const selectDraftKeys = (s: DraftsState): string[] => Object.keys(s.drafts);

/** Whether any editor holds unsaved changes. */
export function hasUnsavedDrafts(): boolean {
  return Object.keys(useDrafts.getState().drafts).length > 0;
}

/**
 * Asks the user before something drops every draft (closing the project); true when there is
 * nothing to lose or the user agrees, and then the drafts are forgotten.
 */
export function confirmDropDrafts(question: string): boolean {
  if (!hasUnsavedDrafts()) return true;
  if (!window.confirm(question)) return false;
  useDrafts.getState().clear();
  return true;
}

// A reload or window close would drop the drafts: the browser asks (Electron: src-main/app/unloadGuard.ts).
if (typeof window !== 'undefined') {
  window.addEventListener('beforeunload', (e) => {
    if (!hasUnsavedDrafts()) return;
    e.preventDefault();
    // Older Chromium asks only when returnValue is set.
    e.returnValue = '';
  });
}

// Drafts belong to the project they were made in: forgotten once it is closed.
useProject.subscribe((s, prev) => {
  if (prev.status === 'open' && s.status !== 'open') useDrafts.getState().clear();
});
