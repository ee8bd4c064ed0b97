import { create } from 'zustand';

/** Sections of the side navigation, each a list of views. */
export const navSections = [
  { id: 'analyses', tabs: ['overview', 'metrics', 'funnel', 'churn', 'channels', 'activity'] },
  { id: 'segments', tabs: ['features', 'behaviours', 'quadrant', 'vvip'] },
  { id: 'decision', tabs: ['abtest', 'community', 'growth', 'contribution', 'roi', 'ltv', 'lookalike'] },
  { id: 'data', tabs: ['data', 'match', 'import'] },
] as const;

/** One view of the workspace. */
export type Tab = (typeof navSections)[number]['tabs'][number];

interface NavigationState {
  tab: Tab;
  go(tab: Tab): void;
}

/** Which view the workspace shows; the overview links to the others through `go`. */
export const useNavigation = create<NavigationState>()((set) => ({
  tab: 'overview',
  go: (tab) => set({ tab }),
}));

export const selectTab = (s: NavigationState) => s.tab;
