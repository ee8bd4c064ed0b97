import { create } from 'zustand';
import type { ChannelRow } from '../../../src-main/contract';

type Dimension = ChannelRow['dimension'];

interface ChannelsState {
  dimension: Dimension;
  setDimension(dimension: Dimension): void;
}

/** The channel view's choice of dimension. */
export const useChannels = create<ChannelsState>()((set) => ({
  dimension: 'source',
  setDimension: (dimension) => set({ dimension }),
}));

export const selectDimension = (s: ChannelsState) => s.dimension;
