import { create } from 'zustand';
import type { AnalysisScope } from '../../src-main/contract';

interface ScopeState {
  /** Selected groups; empty = every group of the project. */
  groups: string[];
  /** Inclusive ISO date bounds; '' when unset (the analysis uses all the data). */
  from: string;
  to: string;
  /** Bumped after every import or removal, so open analyses reload. */
  dataVersion: number;
  setGroups(groups: string[]): void;
  setRange(from: string, to: string): void;
  dataChanged(): void;
  reset(): void;
}

const isIsoDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** The scope every analysis view shares, so switching views keeps the user's choice. */
export const useScope = create<ScopeState>()((set, get) => ({
  groups: [],
  from: '',
  to: '',
  dataVersion: 0,
  setGroups: (groups) => set({ groups }),
  setRange: (from, to) => set({ from, to }),
  dataChanged: () => set({ dataVersion: get().dataVersion + 1 }),
  reset: () => set({ groups: [], from: '', to: '', dataVersion: get().dataVersion + 1 }),
}));

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
export const selectDataVersion = (s: ScopeState) => s.dataVersion;
