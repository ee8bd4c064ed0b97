import { create } from 'zustand';
import type { ActivityCell, AnalysisScope } from '../../../src-main/contract';
import { call } from '../../api/client';
import { reportError } from '../../store/toasts';
import type { ActivityMetric } from './activityChartOption';

interface ActivityState {
  metric: ActivityMetric;
  /** The 168 cells of the last answer; null before the first one. */
  cells: ActivityCell[] | null;
  isLoading: boolean;
  /** Bumped on every load so a slow answer never overwrites a newer one. */
  requestSeq: number;
  setMetric(metric: ActivityMetric): void;
  load(scope: AnalysisScope): Promise<void>;
}

/** Activity by weekday × hour of the shared scope. */
export const useActivity = create<ActivityState>()((set, get) => ({
  metric: 'people',
  cells: null,
  isLoading: false,
  requestSeq: 0,
  setMetric: (metric) => set({ metric }),
  async load(scope) {
    const seq = get().requestSeq + 1;
    set({ isLoading: true, requestSeq: seq });
    const r = await call('activity:query', scope);
    if (get().requestSeq !== seq) return;
    set({ isLoading: false, cells: r.ok ? r.value : null });
    if (!r.ok) reportError(r.error);
  },
}));

export const selectMetric = (s: ActivityState) => s.metric;
export const selectCells = (s: ActivityState) => s.cells;
export const selectIsLoading = (s: ActivityState) => s.isLoading;
