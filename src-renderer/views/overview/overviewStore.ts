import { create } from 'zustand';
import type { OverviewResult } from '../../../src-main/contract';
import { call } from '../../api/client';
import { reportError } from '../../store/toasts';

interface OverviewState {
  /** The last answer; null before the first one. */
  result: OverviewResult | null;
  /** The project the answer belongs to: another project's figures are never shown, even briefly. */
  projectPath: string | null;
  isLoading: boolean;
  /** Bumped on every load so a slow answer never overwrites a newer one. */
  requestSeq: number;
  load(projectPath: string, groups: string[]): Promise<void>;
}

/** The overview page's answer for the shared scope's groups. */
export const useOverview = create<OverviewState>()((set, get) => ({
  result: null,
  projectPath: null,
  isLoading: false,
  requestSeq: 0,
  async load(projectPath, groups) {
    const seq = get().requestSeq + 1;
    set({ isLoading: true, requestSeq: seq, ...(get().projectPath === projectPath ? {} : { result: null, projectPath }) });
    const r = await call('overview:query', groups.length ? { groups } : {});
    if (get().requestSeq !== seq) return;
    if (r.ok) set({ result: r.value, isLoading: false });
    else {
      set({ result: null, isLoading: false });
      reportError(r.error);
    }
  },
}));

export const selectOverview = (s: OverviewState) => s.result;
export const selectIsOverviewLoading = (s: OverviewState) => s.isLoading;
