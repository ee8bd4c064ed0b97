import { create } from 'zustand';
import type { ApiError, ImportJob, ImportRecord, ImportSource, Result } from '../../src-main/api/contract';
import { call } from '../api/client';
import { reportError } from './toasts';

/** Life cycle of one file in the import queue, as shown in `data-state`. */
export type ImportEntryState = 'queued' | 'uploading' | ImportJob['state'];

/** One file the user asked to import. */
export interface ImportEntry {
  /** Local id, stable from the drop to the end. */
  id: number;
  fileName: string;
  state: ImportEntryState;
  /** The server's job, once started. */
  job: ImportJob | null;
  /** Why it failed, if it did. */
  error: Pick<ApiError, 'code' | 'message'> | null;
}

/** Something that can become an import source: staged lazily, right before it starts. */
export interface PendingFile {
  fileName: string;
  stage(): Promise<Result<ImportSource>>;
}

interface ImportState {
  entries: ImportEntry[];
  history: ImportRecord[];
  /** Bumped after each finished import, so views holding data can reload. */
  dataVersion: number;
  enqueue(files: PendingFile[]): void;
  cancel(id: number): Promise<void>;
  loadHistory(): Promise<void>;
  reset(): void;
}

const POLL_MS = 300;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let nextId = 1;
const pending = new Map<number, PendingFile>();
let isDraining = false;
/** Listeners run after each finished import (project summary, metrics). */
const afterImport = new Set<() => void>();

/** Registers a callback run after every import that added data; returns the unsubscribe. */
export function onImportFinished(fn: () => void): () => void {
  afterImport.add(fn);
  return () => afterImport.delete(fn);
}

/** The import queue (one file at a time, as the Node side allows) and the history. */
export const useImports = create<ImportState>()((set, get) => {
  const patch = (id: number, p: Partial<ImportEntry>) =>
    set((s) => ({ entries: s.entries.map((e) => (e.id === id ? { ...e, ...p } : e)) }));
  const entry = (id: number) => get().entries.find((e) => e.id === id);

  async function runOne(id: number, file: PendingFile): Promise<void> {
    if (entry(id)?.state === 'cancelled') return;
    patch(id, { state: 'uploading' });
    const staged = await file.stage();
    if (!staged.ok) {
      patch(id, { state: 'failed', error: staged.error });
      return;
    }
    if (entry(id)?.state === 'cancelled') return;
    const started = await call('import:start', { source: staged.value });
    if (!started.ok) {
      patch(id, { state: 'failed', error: started.error });
      return;
    }
    let job = started.value;
    patch(id, { state: job.state, job, error: job.error ?? null });
    while (job.state === 'running') {
      await sleep(POLL_MS);
      const r = await call('import:status', { jobId: job.jobId });
      if (!r.ok) {
        patch(id, { state: 'failed', error: r.error });
        return;
      }
      job = r.value;
      patch(id, { state: job.state, job, error: job.error ?? null });
    }
    if (job.state === 'done') afterImport.forEach((fn) => fn());
  }

  async function drain(): Promise<void> {
    if (isDraining) return;
    isDraining = true;
    try {
      for (;;) {
        const next = get().entries.find((e) => e.state === 'queued');
        if (!next) break;
        const file = pending.get(next.id);
        pending.delete(next.id);
        if (file) await runOne(next.id, file);
      }
    } finally {
      isDraining = false;
    }
    await get().loadHistory();
    set((s) => ({ dataVersion: s.dataVersion + 1 }));
  }

  return {
    entries: [],
    history: [],
    dataVersion: 0,
    enqueue(files) {
      const added: ImportEntry[] = files.map((f) => {
        const id = nextId++;
        pending.set(id, f);
        return { id, fileName: f.fileName, state: 'queued', job: null, error: null };
      });
      set((s) => ({ entries: [...s.entries, ...added] }));
      void drain();
    },
    async cancel(id) {
      const e = entry(id);
      if (!e) return;
      if (e.state === 'queued' || (e.state === 'uploading' && !e.job)) {
        pending.delete(id);
        patch(id, { state: 'cancelled' });
        return;
      }
      if (e.job && e.state === 'running') {
        const r = await call('import:cancel', { jobId: e.job.jobId });
        if (!r.ok) reportError(r.error);
        else patch(id, { job: r.value, state: r.value.state });
      }
    },
    async loadHistory() {
      const r = await call('import:history', {});
      if (r.ok) set({ history: r.value });
      else if (r.error.code !== 'PROJECT_NOT_OPEN') reportError(r.error);
    },
    reset() {
      pending.clear();
      set({ entries: [], history: [] });
    },
  };
});

export const selectEntries = (s: ImportState) => s.entries;
export const selectHistory = (s: ImportState) => s.history;
export const selectDataVersion = (s: ImportState) => s.dataVersion;
