import { create } from 'zustand';
import type { ActivityMetric } from './activityChartOption';

interface ActivityState {
  metric: ActivityMetric;
  setMetric(metric: ActivityMetric): void;
}

/** The activity view's choice of measure. */
export const useActivity = create<ActivityState>()((set) => ({
  metric: 'people',
  setMetric: (metric) => set({ metric }),
}));

export const selectMetric = (s: ActivityState) => s.metric;
