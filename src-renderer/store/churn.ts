import { create } from 'zustand';
import type { Period } from '../../src-main/contract';

/** What the survival curves are split by. */
export type SurvivalBy = 'none' | 'channel' | 'group';

interface ChurnState {
  period: Period;
  survivalBy: SurvivalBy;
  setPeriod(period: Period): void;
  setSurvivalBy(by: SurvivalBy): void;
}

/** The churn view's choices. */
export const useChurn = create<ChurnState>()((set) => ({
  period: 'week',
  survivalBy: 'none',
  setPeriod: (period) => set({ period }),
  setSurvivalBy: (survivalBy) => set({ survivalBy }),
}));

export const selectPeriod = (s: ChurnState) => s.period;
export const selectSurvivalBy = (s: ChurnState) => s.survivalBy;
