import { create } from 'zustand';

/** The versions every query depends on; a bump makes every mounted query ask again. */
interface DataVersionState {
  /** Bumped when the project's data change: an import finished or was removed, the identity setting changed, another project. */
  dataVersion: number;
  /** Bumped when a definition is saved: path, key behaviours, activeBy, quadrant, VVIP, channel costs, a definitions file imported. */
  definitionsVersion: number;
  /** Bumped when a project is opened or closed: the answers of the last one are forgotten. */
  projectVersion: number;
  dataChanged(): void;
  definitionsChanged(): void;
  projectChanged(): void;
}

/** What the answers shown were computed from, so queries know when to ask again. */
export const useDataVersion = create<DataVersionState>()((set) => ({
  dataVersion: 0,
  definitionsVersion: 0,
  projectVersion: 0,
  dataChanged: () => set((s) => ({ dataVersion: s.dataVersion + 1 })),
  definitionsChanged: () => set((s) => ({ definitionsVersion: s.definitionsVersion + 1 })),
  projectChanged: () =>
    set((s) => ({ dataVersion: s.dataVersion + 1, definitionsVersion: s.definitionsVersion + 1, projectVersion: s.projectVersion + 1 })),
}));

/** Tells every query that the project's data changed (callable from stores and event handlers). */
export const dataChanged = (): void => useDataVersion.getState().dataChanged();
/** Tells every query that a saved definition changed. */
export const definitionsChanged = (): void => useDataVersion.getState().definitionsChanged();
/** Tells every query that another project (or none) is open. */
export const projectChanged = (): void => useDataVersion.getState().projectChanged();

export const selectDataVersion = (s: DataVersionState) => s.dataVersion;
export const selectDefinitionsVersion = (s: DataVersionState) => s.definitionsVersion;
export const selectProjectVersion = (s: DataVersionState) => s.projectVersion;
