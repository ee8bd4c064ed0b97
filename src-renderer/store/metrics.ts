import { create } from 'zustand';
import type { Period, Req } from '../../src-main/contract';

interface MetricsState {
  period: Period;
  /** Selected groups; empty means all groups of the project. */
  groups: string[];
  /** Optional inclusive ISO date bounds; '' when unset. */
  from: string;
  to: string;
  setPeriod(period: Period): void;
  setGroups(groups: string[]): void;
  setRange(from: string, to: string): void;
  reset(): void;
}

const initialState = {
  period: 'day' as Period,
  groups: [] as string[],
  from: '',
  to: '',
};

const isIsoDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** The metrics view's choices (its own groups and range, apart from the shared scope). */
export const useMetrics = create<MetricsState>()((set) => ({
  ...initialState,
  setPeriod: (period) => set({ period }),
  setGroups: (groups) => set({ groups }),
  setRange: (from, to) => set({ from, to }),
  reset: () => set(initialState),
}));

/** The metrics:query request of the choices: unset parts are left out. */
export function metricsRequest(s: Pick<MetricsState, 'period' | 'groups' | 'from' | 'to'>): Req<'metrics:query'> {
  return {
    period: s.period,
    ...(s.groups.length ? { groups: s.groups } : {}),
    ...(isIsoDate(s.from) ? { from: s.from } : {}),
    ...(isIsoDate(s.to) ? { to: s.to } : {}),
  };
}

export const selectPeriod = (s: MetricsState) => s.period;
export const selectSelectedGroups = (s: MetricsState) => s.groups;
export const selectFrom = (s: MetricsState) => s.from;
export const selectTo = (s: MetricsState) => s.to;
