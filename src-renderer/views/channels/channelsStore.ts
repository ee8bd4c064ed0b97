import { create } from 'zustand';
import type { AdCostRow, AnalysisScope, ChannelCost, ChannelRow } from '../../../src-main/contract';
import { call } from '../../api/client';
import { reportError } from '../../store/toasts';

type Dimension = ChannelRow['dimension'];

interface ChannelsState {
  dimension: Dimension;
  /** The last answer; null before the first one. */
  rows: ChannelRow[] | null;
  /** Imported 渠道投放 totals of the range. */
  adCosts: AdCostRow[];
  /** The typed costs as saved in the project; null until read. */
  savedCosts: ChannelCost[] | null;
  isLoading: boolean;
  isSaving: boolean;
  /** Bumped after every save, so the figures reload with the new costs. */
  costsVersion: number;
  /** Bumped on every load so a slow answer never overwrites a newer one. */
  requestSeq: number;
  setDimension(dimension: Dimension): void;
  load(scope: AnalysisScope): Promise<void>;
  loadCosts(): Promise<void>;
  /** Saves the cost table; true when saved (the figures are then reloaded by the caller). */
  saveCosts(costs: ChannelCost[]): Promise<boolean>;
}

/** The channel analysis of the shared scope, and the typed cost table. */
export const useChannels = create<ChannelsState>()((set, get) => ({
  dimension: 'add_way',
  rows: null,
  adCosts: [],
  savedCosts: null,
  isLoading: false,
  isSaving: false,
  costsVersion: 0,
  requestSeq: 0,
  setDimension: (dimension) => set({ dimension }),
  async load(scope) {
    const seq = get().requestSeq + 1;
    set({ isLoading: true, requestSeq: seq });
    const [rows, adCosts] = await Promise.all([call('channels:query', { ...scope, dimension: get().dimension }), call('channels:adCosts', scope)]);
    if (get().requestSeq !== seq) return;
    set({ isLoading: false, rows: rows.ok ? rows.value : [], adCosts: adCosts.ok ? adCosts.value : [] });
    if (!rows.ok) reportError(rows.error);
    else if (!adCosts.ok) reportError(adCosts.error);
  },
  async loadCosts() {
    const r = await call('channels:costs', {});
    if (r.ok) set({ savedCosts: r.value });
    else reportError(r.error);
  },
  async saveCosts(costs) {
    set({ isSaving: true });
    const r = await call('channels:saveCosts', { costs });
    set({ isSaving: false });
    if (!r.ok) {
      reportError(r.error);
      return false;
    }
    set({ savedCosts: r.value, costsVersion: get().costsVersion + 1 });
    return true;
  },
}));

export const selectDimension = (s: ChannelsState) => s.dimension;
export const selectChannelRows = (s: ChannelsState) => s.rows;
export const selectAdCosts = (s: ChannelsState) => s.adCosts;
export const selectSavedCosts = (s: ChannelsState) => s.savedCosts;
export const selectIsLoading = (s: ChannelsState) => s.isLoading;
export const selectIsSaving = (s: ChannelsState) => s.isSaving;
export const selectCostsVersion = (s: ChannelsState) => s.costsVersion;
