import { create } from 'zustand';
import type { AnalysisScope, Period, Req } from '../../src-main/contract';

interface MetricsState {
  period: Period;
  setPeriod(period: Period): void;
  reset(): void;
}

const initialState = { period: 'day' as Period };

/** The metrics view's own choice, the period; groups and dates are the shared scope (store/scope.ts). */
export const useMetrics = create<MetricsState>()((set) => ({
  ...initialState,
  setPeriod: (period) => set({ period }),
  reset: () => set(initialState),
}));

/** The metrics:query request of a period over the shared scope. */
export function metricsRequest(period: Period, scope: AnalysisScope): Req<'metrics:query'> {
  return { period, ...scope };
}

export const selectPeriod = (s: MetricsState) => s.period;
