import { create } from 'zustand';
import type { MetricsRow, Period } from '../../src-main/contract';
import { call } from '../api/client';
import { reportError } from './toasts';

interface MetricsState {
  period: Period;
  /** Selected groups; empty means all groups of the project. */
  groups: string[];
  /** Optional inclusive ISO date bounds; '' when unset. */
  from: string;
  to: string;
  rows: MetricsRow[];
  isLoading: boolean;
  /** Bumped on every load so a slow answer never overwrites a newer one. */
  requestSeq: number;
  setPeriod(period: Period): void;
  setGroups(groups: string[]): void;
  setRange(from: string, to: string): void;
  load(): Promise<void>;
  reset(): void;
}

const initialState = {
  period: 'day' as Period,
  groups: [] as string[],
  from: '',
  to: '',
  rows: [] as MetricsRow[],
  isLoading: false,
  requestSeq: 0,
};

const isIsoDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** The metrics view's query and its answer. */
export const useMetrics = create<MetricsState>()((set, get) => ({
  ...initialState,
  setPeriod(period) {
    set({ period });
    void get().load();
  },
  setGroups(groups) {
    set({ groups });
    void get().load();
  },
  setRange(from, to) {
    set({ from, to });
    void get().load();
  },
  async load() {
    const seq = get().requestSeq + 1;
    const { period, groups, from, to } = get();
    set({ isLoading: true, requestSeq: seq });
    const r = await call('metrics:query', {
      period,
      ...(groups.length ? { groups } : {}),
      ...(isIsoDate(from) ? { from } : {}),
      ...(isIsoDate(to) ? { to } : {}),
    });
    if (get().requestSeq !== seq) return;
    if (r.ok) set({ rows: r.value, isLoading: false });
    else {
      set({ rows: [], isLoading: false });
      reportError(r.error);
    }
  },
  reset() {
    set({ ...initialState, requestSeq: get().requestSeq + 1 });
  },
}));

export const selectPeriod = (s: MetricsState) => s.period;
export const selectSelectedGroups = (s: MetricsState) => s.groups;
export const selectRows = (s: MetricsState) => s.rows;
export const selectIsLoading = (s: MetricsState) => s.isLoading;
export const selectFrom = (s: MetricsState) => s.from;
export const selectTo = (s: MetricsState) => s.to;
