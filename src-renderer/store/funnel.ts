import { create } from 'zustand';
import type { AnalysisScope, FunnelResult, LostPerson } from '../../src-main/contract';
import { call } from '../api/client';
import { reportError } from './toasts';

/** Funnel mode (DESIGN §4). */
export type FunnelMode = FunnelResult['mode'];
/** Breakdown of the cohort; null = none. */
export type FunnelBreakdown = 'channel' | 'staff' | 'tag' | null;

interface FunnelState {
  mode: FunnelMode;
  /** Conversion window of the cohort, in days. */
  windowDays: number;
  breakdown: FunnelBreakdown;
  result: FunnelResult | null;
  isLoading: boolean;
  /** Step of the lost list (the people who reached stage step − 1 but not step); null until the user picks one: the biggest drop. */
  lostStep: number | null;
  lost: LostPerson[] | null;
  isLostLoading: boolean;
  isExporting: boolean;
  /** Bumped on every load so a slow answer never overwrites a newer one. */
  seq: number;
  lostSeq: number;
  setMode(mode: FunnelMode): void;
  setWindowDays(days: number): void;
  setBreakdown(breakdown: FunnelBreakdown): void;
  setLostStep(step: number): void;
  load(scope: AnalysisScope): Promise<void>;
  loadLost(scope: AnalysisScope, step: number): Promise<void>;
  exportLost(scope: AnalysisScope, step: number): Promise<{ fileName: string; base64: string } | null>;
  reset(): void;
}

const initialState = {
  mode: 'period' as FunnelMode,
  windowDays: 14,
  breakdown: null as FunnelBreakdown,
  result: null as FunnelResult | null,
  isLoading: false,
  lostStep: null as number | null,
  lost: null as LostPerson[] | null,
  isLostLoading: false,
  isExporting: false,
  seq: 0,
  lostSeq: 0,
};

/** The funnel view's settings and answers; the scope comes from the shared scope store. */
export const useFunnel = create<FunnelState>()((set, get) => ({
  ...initialState,
  setMode: (mode) => set({ mode }),
  setWindowDays: (windowDays) => set({ windowDays: Math.min(365, Math.max(1, Math.round(windowDays) || 1)) }),
  setBreakdown: (breakdown) => set({ breakdown }),
  setLostStep: (lostStep) => set({ lostStep }),
  async load(scope) {
    const seq = get().seq + 1;
    const { mode, windowDays, breakdown } = get();
    set({ isLoading: true, seq });
    const r = await call('funnel:query', { ...scope, mode, windowDays, breakdown: mode === 'cohort' ? breakdown : null });
    if (get().seq !== seq) return;
    if (r.ok) set({ result: r.value, isLoading: false });
    else {
      set({ result: null, isLoading: false });
      reportError(r.error);
    }
  },
  async loadLost(scope, step) {
    const seq = get().lostSeq + 1;
    const { windowDays } = get();
    set({ isLostLoading: true, lostSeq: seq });
    const r = await call('funnel:lost', { ...scope, windowDays, stageIndex: step });
    if (get().lostSeq !== seq) return;
    if (r.ok) set({ lost: r.value, isLostLoading: false });
    else {
      set({ lost: null, isLostLoading: false });
      reportError(r.error);
    }
  },
  async exportLost(scope, step) {
    const { windowDays } = get();
    set({ isExporting: true });
    const r = await call('funnel:exportLost', { ...scope, windowDays, stageIndex: step });
    set({ isExporting: false });
    if (r.ok) return r.value;
    reportError(r.error);
    return null;
  },
  reset: () => set({ ...initialState, seq: get().seq + 1, lostSeq: get().lostSeq + 1 }),
}));

export const selectFunnelMode = (s: FunnelState) => s.mode;
export const selectWindowDays = (s: FunnelState) => s.windowDays;
export const selectBreakdown = (s: FunnelState) => s.breakdown;
export const selectFunnelResult = (s: FunnelState) => s.result;
export const selectFunnelLoading = (s: FunnelState) => s.isLoading;
export const selectLostStep = (s: FunnelState) => s.lostStep;
export const selectLost = (s: FunnelState) => s.lost;
export const selectLostLoading = (s: FunnelState) => s.isLostLoading;
export const selectExporting = (s: FunnelState) => s.isExporting;
