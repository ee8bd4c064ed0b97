import { create } from 'zustand';
import type { ChurnResult, Period, Result, RetentionCohort, SurvivalCurve } from '../../src-main/contract';
import { call } from '../api/client';
import { scopeRequest, useScope } from './scope';
import { reportError } from './toasts';

/** What the survival curves are split by. */
export type SurvivalBy = 'none' | 'channel' | 'group';

interface ChurnState {
  period: Period;
  survivalBy: SurvivalBy;
  /** churn:query's answer for the current scope and period; null before the first answer. */
  result: ChurnResult | null;
  cohorts: RetentionCohort[] | null;
  curves: SurvivalCurve[] | null;
  /** Requests in flight. */
  pending: number;
  /** Bumped per request kind, so a slow answer never overwrites a newer one. */
  seq: { query: number; retention: number; survival: number };
  setPeriod(period: Period): void;
  setSurvivalBy(by: SurvivalBy): void;
  /** Reloads everything for the shared scope. */
  load(): Promise<void>;
  loadQuery(): Promise<void>;
  loadRetention(): Promise<void>;
  loadSurvival(): Promise<void>;
}

const initialState = {
  period: 'week' as Period,
  survivalBy: 'none' as SurvivalBy,
  result: null,
  cohorts: null,
  curves: null,
  pending: 0,
  seq: { query: 0, retention: 0, survival: 0 },
};

/** The churn view's choices and the three answers it draws. */
export const useChurn = create<ChurnState>()((set, get) => {
  /** Runs one request kind, keeping only the newest answer. */
  async function fetch<T>(kind: keyof ChurnState['seq'], run: () => Promise<Result<T>>, apply: (value: T) => void): Promise<void> {
    const seq = get().seq[kind] + 1;
    set((s) => ({ seq: { ...s.seq, [kind]: seq }, pending: s.pending + 1 }));
    const r = await run();
    set((s) => ({ pending: s.pending - 1 }));
    if (get().seq[kind] !== seq) return;
    if (r.ok) apply(r.value);
    else reportError(r.error);
  }
  const scope = () => scopeRequest(useScope.getState());
  return {
    ...initialState,
    setPeriod(period) {
      set({ period });
      void get().loadQuery();
    },
    setSurvivalBy(survivalBy) {
      set({ survivalBy });
      void get().loadSurvival();
    },
    async load() {
      await Promise.all([get().loadQuery(), get().loadRetention(), get().loadSurvival()]);
    },
    loadQuery: () => fetch('query', () => call('churn:query', { ...scope(), period: get().period }), (result) => set({ result })),
    loadRetention: () => fetch('retention', () => call('churn:retention', scope()), (cohorts) => set({ cohorts })),
    loadSurvival: () => fetch('survival', () => call('churn:survival', { ...scope(), by: get().survivalBy }), (curves) => set({ curves })),
  };
});

export const selectPeriod = (s: ChurnState) => s.period;
export const selectSurvivalBy = (s: ChurnState) => s.survivalBy;
export const selectResult = (s: ChurnState) => s.result;
export const selectCohorts = (s: ChurnState) => s.cohorts;
export const selectCurves = (s: ChurnState) => s.curves;
export const selectIsLoading = (s: ChurnState) => s.pending > 0;
