import { useMemo } from 'react';
import { create } from 'zustand';
import type { AnalysisScope } from '../../src-main/contract';
import { presetRange, todayIn, type ScopePreset } from './scopePresets';

interface ScopeState {
  /** Selected groups; empty = every group of the project. */
  groups: string[];
  /** Inclusive ISO date bounds; '' when unset (the analysis uses all the data). */
  from: string;
  to: string;
  /** The preset the range came from; null = all dates. A remembered preset is re-read against the day the project is reopened. */
  preset: ScopePreset | null;
  setGroups(groups: string[]): void;
  /** A range typed or picked by the user (自定义), or none when both ends are ''. */
  setRange(from: string, to: string): void;
  /** The range of a preset around `today` (yyyy-mm-dd in the project's time zone). */
  applyPreset(preset: ScopePreset, today: string): void;
  reset(): void;
}

const initialState = { groups: [] as string[], from: '', to: '', preset: null as ScopePreset | null };

const isIsoDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** The scope every analysis view shares, so switching views keeps the user's choice. */
export const useScope = create<ScopeState>()((set) => ({
  ...initialState,
  setGroups: (groups) => set({ groups }),
  setRange: (from, to) => set({ from, to, preset: from || to ? 'custom' : null }),
  applyPreset: (preset, today) => {
    const range = presetRange(preset, today);
    set(range ? { ...range, preset } : { preset });
  },
  reset: () => set(initialState),
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
export const selectScopePreset = (s: ScopeState) => s.preset;

// ── Remembered per project ──────────────────────────────────────────────────────────────────────

/** The part of the scope that is remembered (whitelisted keys only). */
export type StoredScope = Pick<ScopeState, 'groups' | 'from' | 'to' | 'preset'>;

/** localStorage key of a project's scope: the project's path, which is what reopening it names. */
export const scopeStorageKey = (projectPath: string) => `qunxi.scope:${projectPath}`;

/** A stored scope as it should be restored on `today`: a relative preset is re-read, bad parts dropped. */
export function restoredScope(raw: unknown, today: string): StoredScope {
  const s = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof StoredScope, unknown>>;
  const groups = Array.isArray(s.groups) ? s.groups.filter((g): g is string => typeof g === 'string') : [];
  const preset = typeof s.preset === 'string' ? (s.preset as ScopePreset) : null;
  const range = preset ? presetRange(preset, today) : null;
  if (range) return { groups, ...range, preset };
  const from = typeof s.from === 'string' && isIsoDate(s.from) ? s.from : '';
  const to = typeof s.to === 'string' && isIsoDate(s.to) ? s.to : '';
  return { groups, from, to, preset: from || to ? 'custom' : null };
}

/**
 * Restores the project's remembered scope and keeps remembering its changes; returns the
 * unsubscribe to call when another project opens.
 */
export function rememberScope(projectPath: string, timeZone: string): () => void {
  const key = scopeStorageKey(projectPath);
  let raw: unknown = null;
  try {
    raw = JSON.parse(localStorage.getItem(key) ?? 'null');
  } catch {
    raw = null; // a damaged entry: start from the whole project
  }
  useScope.setState(restoredScope(raw, todayIn(timeZone)));
  return useScope.subscribe((s) => {
    const stored: StoredScope = { groups: s.groups, from: s.from, to: s.to, preset: s.preset };
    try {
      localStorage.setItem(key, JSON.stringify(stored));
    } catch {
      // Storage full or refused: the scope still works, it is only not remembered.
    }
  });
}
