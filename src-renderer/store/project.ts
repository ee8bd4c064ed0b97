import { create } from 'zustand';
import type { ApiError, ProjectInfo, Result } from '../../src-main/contract';
import { projectFileText } from '../../src-main/locale/projectFile';
import { call } from '../api/client';
import { projectChanged } from './dataVersion';
import { reportError } from './toasts';

/** Where the app is: checking for an open project, on the start screen, or in a project. */
export type ProjectStatus = 'loading' | 'start' | 'open';

/** How a Save As ended: saved, refused or failed (already reported), or waiting for the user to agree to replace a project. */
export type SaveAsOutcome = { kind: 'saved' } | { kind: 'failed' } | { kind: 'needsConfirm'; question: string };

/** A long-running project action the UI shows as busy. */
export type ProjectBusy = null | 'new' | 'open' | 'demo' | 'saveAs' | 'close';

interface ProjectState {
  status: ProjectStatus;
  /** The open project's summary (name, time zone, groups, counts): the session every view works in. */
  project: ProjectInfo | null;
  busy: ProjectBusy;
  /** Opens the current project if the Node side has one, otherwise shows the start screen. */
  init(): Promise<void>;
  create(req: { name?: string; path?: string }): Promise<void>;
  open(path: string): Promise<void>;
  /** Opens the last good copy of the damaged project at `path`, restored to a new file beside it. */
  openBackup(path: string): Promise<void>;
  openDemo(): Promise<void>;
  /**
   * Save As; `overwrite` once the user agreed to replace an existing project. `needsConfirm` (with
   * the question to ask) when a project is already there: nothing was written.
   */
  saveAs(path: string, overwrite?: boolean): Promise<SaveAsOutcome>;
  close(): Promise<void>;
  /** Re-reads the project summary (groups, counts) after an import. */
  refresh(): Promise<void>;
}

const initialState = {
  status: 'loading' as ProjectStatus,
  project: null,
  busy: null as ProjectBusy,
};

/** The open project; opening or closing one tells every query (store/dataVersion.ts). */
export const useProject = create<ProjectState>()((set, get) => {
  async function runOpen(busy: ProjectBusy, action: () => Promise<Result<ProjectInfo>>, isReported: (error: ApiError) => boolean = () => true): Promise<boolean> {
    if (get().busy) return false;
    set({ busy });
    const r = await action();
    set({ busy: null });
    if (!r.ok) {
      if (isReported(r.error)) reportError(r.error);
      return false;
    }
    projectChanged();
    set({ project: r.value, status: 'open' });
    return true;
  }

  return {
    ...initialState,
    async init() {
      const r = await call('project:current', {});
      if (r.ok && r.value) {
        set({ project: r.value, status: 'open' });
        return;
      }
      if (!r.ok) reportError(r.error);
      set({ status: 'start' });
    },
    async create(req) {
      await runOpen('new', () => call('project:new', req));
    },
    async open(path) {
      await runOpen(
        'open',
        () => call('project:open', { path }),
        (error) => {
          // A damaged file with a last good copy: the toast offers to open that copy (as a new file beside it).
          if (error.code !== 'PROJECT_DAMAGED' || typeof error.details?.backup !== 'string') return true;
          reportError(error, { label: projectFileText.openBackup, run: () => void get().openBackup(path) });
          return false;
        },
      );
    },
    async openBackup(path) {
      await runOpen('open', () => call('project:openBackup', { path }));
    },
    async openDemo() {
      await runOpen('demo', () => call('project:openDemo', {}));
    },
    async saveAs(path, overwrite = false) {
      let question: string | null = null;
      const isSaved = await runOpen('saveAs', async () => {
        const r = await call('project:saveAs', overwrite ? { path, overwrite } : { path });
        // A project is already there: the user decides, so this is a question, not an error.
        if (!r.ok && r.error.code === 'PROJECT_EXISTS' && r.error.details?.needsConfirm) question = r.error.message;
        return r;
      }, () => question === null);
      if (question !== null) return { kind: 'needsConfirm', question };
      return isSaved ? { kind: 'saved' } : { kind: 'failed' };
    },
    async close() {
      if (get().busy) return;
      set({ busy: 'close' });
      const r = await call('project:close', {});
      set({ busy: null });
      if (!r.ok) {
        reportError(r.error);
        return;
      }
      projectChanged();
      set({ project: null, status: 'start' });
    },
    async refresh() {
      const r = await call('project:current', {});
      if (r.ok) {
        if (r.value) set({ project: r.value });
        else {
          projectChanged();
          set({ project: null, status: 'start' });
        }
      } else reportError(r.error);
    },
  };
});

export const selectStatus = (s: ProjectState) => s.status;
export const selectProject = (s: ProjectState) => s.project;
export const selectGroups = (s: ProjectState) => s.project?.groups ?? [];
export const selectBusy = (s: ProjectState) => s.busy;
