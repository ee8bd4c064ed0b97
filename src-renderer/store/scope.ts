import { useMemo } from 'react';
import { create } from 'zustand';
import type { AnalysisScope } from '../../src-main/contract';

interface ScopeState {
  /** Selected groups; empty = every group of the project. */
  groups: string[];
  /** Inclusive ISO date bounds; '' when unset (the analysis uses all the data). */
  from: string;
  to: string;
  setGroups(groups: string[]): void;
  setRange(from: string, to: string): void;
  reset(): void;
}

const isIsoDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** The scope every analysis view shares, so switching views keeps the user's choice. */
export const useScope = create<ScopeState>()((set) => ({
  groups: [],
  from: '',
  to: '',
  setGroups: (groups) => set({ groups }),
  setRange: (from, to) => set({ from, to }),
  reset: () => set({ groups: [], from: '', to: '' }),
}));

/** The shared scope as an API request fragment, the same object while the scope is unchanged. */
export function useScopeRequest(): AnalysisScope {
  const groups = useScope(selectScopeGroups);
  const from = useScope(selectScopeFrom);
  const to = useScope(selectScopeTo);
  return useMemo(() => scopeRequest({ groups, from, to }), [groups, from, to]);
}

/** The scope as an API request fragment: unset parts are left out. */
export function scopeRequest(s: Pick<ScopeState, 'groups' | 'from' | 'to'>): AnalysisScope {
  return {
    ...(s.groups.length ? { groups: s.groups } : {}),
    ...(isIsoDate(s.from) ? { from: s.from } : {}),
    ...(isIsoDate(s.to) ? { to: s.to } : {}),
  };
}

export const selectScopeGroups = (s: ScopeState) => s.groups;
export const selectScopeFrom = (s: ScopeState) => s.from;
export const selectScopeTo = (s: ScopeState) => s.to;
