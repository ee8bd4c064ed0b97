import { create } from 'zustand';
import type { FunnelResult } from '../../src-main/contract';

/** Funnel mode (DESIGN §4). */
export type FunnelMode = FunnelResult['mode'];
/** Breakdown of the cohort; null = none. */
export type FunnelBreakdown = 'channel' | 'staff' | 'tag' | null;

interface FunnelState {
  mode: FunnelMode;
  /** Conversion window of the cohort, in days. */
  windowDays: number;
  breakdown: FunnelBreakdown;
  /** Step of the lost list (the people who reached stage step − 1 but not step); null until the user picks one: the biggest drop. */
  lostStep: number | null;
  setMode(mode: FunnelMode): void;
  setWindowDays(days: number): void;
  setBreakdown(breakdown: FunnelBreakdown): void;
  setLostStep(step: number): void;
  reset(): void;
}

const initialState = {
  mode: 'period' as FunnelMode,
  windowDays: 14,
  breakdown: null as FunnelBreakdown,
  lostStep: null as number | null,
};

/** The funnel view's choices; the scope comes from the shared scope store. */
export const useFunnel = create<FunnelState>()((set) => ({
  ...initialState,
  setMode: (mode) => set({ mode }),
  setWindowDays: (windowDays) => set({ windowDays: Math.min(365, Math.max(1, Math.round(windowDays) || 1)) }),
  setBreakdown: (breakdown) => set({ breakdown }),
  setLostStep: (lostStep) => set({ lostStep }),
  reset: () => set(initialState),
}));

export const selectFunnelMode = (s: FunnelState) => s.mode;
export const selectWindowDays = (s: FunnelState) => s.windowDays;
export const selectBreakdown = (s: FunnelState) => s.breakdown;
export const selectLostStep = (s: FunnelState) => s.lostStep;
