import { create } from 'zustand';
import type {
  ApiError,
  ImportBatchFile,
  ImportBatchJob,
  ImportJob,
  ImportKind,
  ImportPreview,
  ImportSource,
  KindInfo,
  Result,
  TableMapping,
  TablePreview,
} from '../../src-main/contract';
import { t } from '../../src-main/locale/app';
import { call } from '../api/client';
import { dataChanged } from './dataVersion';
import { isQuickReady, missingFields, quickBlockers, withField, type QuickBlocker } from './mappingRules';
import { reportError } from './toasts';

/** Life cycle of one file in the import queue, as shown in `data-state`. */
export type ImportEntryState = 'queued' | 'uploading' | 'inspecting' | 'review' | 'waiting' | ImportJob['state'];

/** One file the user asked to import. */
export interface ImportEntry {
  /** Local id, stable from the drop to the end. */
  id: number;
  fileName: string;
  state: ImportEntryState;
  /** Where the file was staged (path or upload), once it is. */
  source: ImportSource | null;
  /** What `import:inspect` found, once it answered. */
  preview: ImportPreview | null;
  /** The table of the preview being imported. */
  tableIndex: number;
  /** The mapping of each table of the preview, as edited (parallel to `preview.tables`). */
  mappings: TableMapping[];
  /** Earlier and undone states of `mappings`, for Ctrl+Z / Ctrl+Y. */
  undo: TableMapping[][];
  redo: TableMapping[][];
  /** Remember the mapping as a template under `templateName`. */
  isSavingTemplate: boolean;
  templateName: string;
  /** The server's job, once started (for a file of 导入全部, its part of the batch job). */
  job: ImportJob | null;
  /** The batch job of 导入全部 this file went with, if it did. */
  batchId: string | null;
  /** Why it failed, if it did. */
  error: Pick<ApiError, 'code' | 'message'> | null;
}

/** Something that can become an import source: staged lazily, right before it is inspected. */
export interface PendingFile {
  fileName: string;
  stage(): Promise<Result<ImportSource>>;
}

interface ImportState {
  entries: ImportEntry[];
  enqueue(files: PendingFile[]): void;
  /** Re-inspects a file as another kind. */
  setKind(id: number, kind: ImportKind): Promise<void>;
  setTable(id: number, tableIndex: number): void;
  /** Maps one source column to a field (null = ignore); undoable. */
  setField(id: number, columnIndex: number, field: string | null): void;
  undo(id: number): void;
  redo(id: number): void;
  setTemplate(id: number, isSaving: boolean, name: string): void;
  /** Queues a reviewed file for import with its edited mapping. */
  start(id: number): void;
  /** Imports every reviewed file that is confidently detected and complete (by the kinds' fields) as one batch job. */
  startAllReady(kinds: KindInfo[]): void;
  /** The latest batch job of 导入全部, for its one progress bar. */
  batch: ImportBatchJob | null;
  /** Cancels the running batch: the file in progress is rolled back, later ones are not started. */
  cancelBatch(): Promise<void>;
  cancel(id: number): Promise<void>;
  reset(): void;
}

const POLL_MS = 300;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let nextId = 1;
const pending = new Map<number, PendingFile>();
let isInspecting = false;
let isImporting = false;

/** The current table and its edited mapping of an entry under review. */
export function currentTable(e: ImportEntry): { table: TablePreview; mapping: TableMapping } | null {
  const table = e.preview?.tables[e.tableIndex];
  const mapping = e.mappings[e.tableIndex];
  return table && mapping ? { table, mapping } : null;
}

/** Whether an entry under review can go with 导入全部. */
export function isEntryQuickReady(e: ImportEntry, kinds: KindInfo[]): boolean {
  const cur = currentTable(e);
  if (e.state !== 'review' || !cur) return false;
  return isQuickReady(cur.table, missingFields(kinds.find((k) => k.kind === cur.mapping.kind), cur.table, cur.mapping));
}

/** Why an entry under review still needs the user (empty when 导入全部 can take it or it is not under review). */
export function entryBlockers(e: ImportEntry, kinds: KindInfo[]): QuickBlocker[] {
  const cur = currentTable(e);
  if (e.state !== 'review' || !cur) return [];
  return quickBlockers(cur.table, missingFields(kinds.find((k) => k.kind === cur.mapping.kind), cur.table, cur.mapping));
}

const UNDO_DEPTH = 100;

/** What an entry shows of its file in a batch job. */
function entryOfBatchFile(batchId: string, f: ImportBatchFile): Partial<ImportEntry> {
  if (f.state === 'waiting') return { state: 'waiting' };
  if (f.state === 'notStarted') return { state: 'cancelled', error: { code: 'IMPORT_CANCELLED', message: t.import.batchNotStarted } };
  const state = f.state;
  const { phase, rowsRead, fraction, kind, result, error } = f;
  const job: ImportJob = { jobId: batchId, fileName: f.fileName, state, phase, rowsRead, fraction, kind, ...(result ? { result } : {}), ...(error ? { error } : {}) };
  return { state, job, error: error ?? null };
}

/**
 * The import queue: stage and inspect each file, let the user review the mapping, import one at
 * a time. Each finished import tells every query that the data changed (store/dataVersion.ts).
 */
export const useImports = create<ImportState>()((set, get) => {
  const patch = (id: number, p: Partial<ImportEntry>) =>
    set((s) => ({ entries: s.entries.map((e) => (e.id === id ? { ...e, ...p } : e)) }));
  const entry = (id: number) => get().entries.find((e) => e.id === id);
  const withPreview = (preview: ImportPreview): Partial<ImportEntry> => ({
    preview,
    tableIndex: 0,
    mappings: preview.tables.map((t) => t.mapping),
    undo: [],
    redo: [],
  });

  async function inspectOne(id: number, file: PendingFile): Promise<void> {
    if (entry(id)?.state === 'cancelled') return;
    patch(id, { state: 'uploading' });
    const staged = await file.stage();
    if (!staged.ok) return patch(id, { state: 'failed', error: staged.error });
    if (entry(id)?.state === 'cancelled') return;
    patch(id, { state: 'inspecting', source: staged.value });
    const r = await call('import:inspect', { source: staged.value });
    if (entry(id)?.state === 'cancelled') return;
    if (!r.ok) return patch(id, { state: 'failed', error: r.error });
    if (!r.value.tables.length) return patch(id, { state: 'failed', error: { code: 'IMPORT_NO_ROWS', message: file.fileName } });
    patch(id, { state: 'review', ...withPreview(r.value) });
  }

  async function drainInspections(): Promise<void> {
    if (isInspecting) return;
    isInspecting = true;
    try {
      for (;;) {
        const next = get().entries.find((e) => e.state === 'queued');
        if (!next) break;
        const file = pending.get(next.id);
        pending.delete(next.id);
        if (file) await inspectOne(next.id, file);
      }
    } finally {
      isInspecting = false;
    }
  }

  async function importOne(e: ImportEntry): Promise<boolean> {
    const cur = currentTable(e);
    if (!e.source || !cur) return false;
    const templateName = e.templateName.trim();
    const started = await call('import:start', {
      source: e.source,
      kind: cur.mapping.kind,
      mapping: cur.mapping,
      ...(e.isSavingTemplate && templateName ? { saveTemplateAs: templateName } : {}),
    });
    if (!started.ok) {
      patch(e.id, { state: 'failed', error: started.error });
      return false;
    }
    let job = started.value;
    patch(e.id, { state: job.state, job, error: job.error ?? null });
    while (job.state === 'running') {
      await sleep(POLL_MS);
      const r = await call('import:status', { jobId: job.jobId });
      if (!r.ok) {
        patch(e.id, { state: 'failed', error: r.error });
        return false;
      }
      job = r.value;
      patch(e.id, { state: job.state, job, error: job.error ?? null });
    }
    return job.state === 'done';
  }

  /** Follows a batch job to its end, showing each file's part on its entry; tells the queries each time a file is in (as one import does). */
  async function followBatch(ids: number[], started: ImportBatchJob): Promise<void> {
    let batch = started;
    let doneCount = 0;
    for (;;) {
      const byId = new Map(ids.map((id, i) => [id, entryOfBatchFile(batch.jobId, batch.files[i]!)]));
      set((s) => ({ batch, entries: s.entries.map((e) => (byId.has(e.id) ? { ...e, ...byId.get(e.id) } : e)) }));
      const done = batch.files.filter((f) => f.state === 'done').length;
      if (done > doneCount) dataChanged();
      doneCount = done;
      if (batch.state !== 'running') break;
      await sleep(POLL_MS);
      const r = await call('import:batchStatus', { jobId: batch.jobId });
      if (!r.ok) {
        reportError(r.error);
        set((s) => ({ batch: { ...batch, state: 'failed' }, entries: s.entries.map((e) => (e.batchId === batch.jobId && e.state !== 'done' ? { ...e, state: 'failed', error: r.error } : e)) }));
        break;
      }
      batch = r.value;
    }
  }

  async function drainImports(): Promise<void> {
    if (isImporting) return;
    isImporting = true;
    try {
      for (;;) {
        // Files of 导入全部 go with their batch job, not one by one.
        const next = get().entries.find((e) => e.state === 'waiting' && !e.batchId);
        if (!next) break;
        if (await importOne(next)) dataChanged();
      }
    } finally {
      isImporting = false;
    }
  }

  function editMappings(id: number, edit: (m: TableMapping[], e: ImportEntry) => TableMapping[]): void {
    const e = entry(id);
    if (!e || e.state !== 'review') return;
    const next = edit(e.mappings, e);
    if (next === e.mappings) return;
    patch(id, { mappings: next, undo: [...e.undo.slice(-UNDO_DEPTH), e.mappings], redo: [] });
  }

  return {
    entries: [],
    enqueue(files) {
      const added: ImportEntry[] = files.map((f) => {
        const id = nextId++;
        pending.set(id, f);
        return {
          id,
          fileName: f.fileName,
          state: 'queued',
          source: null,
          preview: null,
          tableIndex: 0,
          mappings: [],
          undo: [],
          redo: [],
          isSavingTemplate: false,
          templateName: '',
          job: null,
          batchId: null,
          error: null,
        };
      });
      set((s) => ({ entries: [...s.entries, ...added] }));
      void drainInspections();
    },
    async setKind(id, kind) {
      const e = entry(id);
      if (!e || e.state !== 'review' || !e.source) return;
      patch(id, { state: 'inspecting' });
      const r = await call('import:inspect', { source: e.source, kind });
      if (!r.ok) {
        reportError(r.error);
        patch(id, { state: 'review' });
        return;
      }
      if (!r.value.tables.length) {
        patch(id, { state: 'review' });
        return;
      }
      patch(id, { state: 'review', ...withPreview(r.value) });
    },
    setTable(id, tableIndex) {
      const e = entry(id);
      if (e && e.preview && tableIndex >= 0 && tableIndex < e.preview.tables.length) patch(id, { tableIndex });
    },
    setField(id, columnIndex, field) {
      editMappings(id, (ms, e) => {
        const m = ms[e.tableIndex];
        if (!m || m.columns.find((c) => c.index === columnIndex)?.field === field) return ms;
        return ms.map((x, i) => (i === e.tableIndex ? withField(x, columnIndex, field) : x));
      });
    },
    undo(id) {
      const e = entry(id);
      if (!e || e.state !== 'review' || !e.undo.length) return;
      patch(id, { mappings: e.undo[e.undo.length - 1]!, undo: e.undo.slice(0, -1), redo: [...e.redo, e.mappings] });
    },
    redo(id) {
      const e = entry(id);
      if (!e || e.state !== 'review' || !e.redo.length) return;
      patch(id, { mappings: e.redo[e.redo.length - 1]!, redo: e.redo.slice(0, -1), undo: [...e.undo, e.mappings] });
    },
    setTemplate(id, isSavingTemplate, templateName) {
      patch(id, { isSavingTemplate, templateName });
    },
    start(id) {
      if (entry(id)?.state !== 'review') return;
      patch(id, { state: 'waiting' });
      void drainImports();
    },
    startAllReady(kinds) {
      const ready = get().entries.filter((e) => isEntryQuickReady(e, kinds) && e.source && currentTable(e));
      if (!ready.length) return;
      const ids = ready.map((e) => e.id);
      const files = ready.map((e) => {
        const { mapping } = currentTable(e)!;
        const templateName = e.templateName.trim();
        return { source: e.source!, kind: mapping.kind, mapping, ...(e.isSavingTemplate && templateName ? { saveTemplateAs: templateName } : {}) };
      });
      // Marked at once (a second click finds nothing ready); the batch id once the server answers.
      set((s) => ({ entries: s.entries.map((e) => (ids.includes(e.id) ? { ...e, state: 'waiting', batchId: 'starting' } : e)) }));
      void call('import:startBatch', { files }).then((r) => {
        if (!r.ok) {
          set((s) => ({ entries: s.entries.map((e) => (ids.includes(e.id) ? { ...e, state: 'failed', error: r.error } : e)) }));
          return;
        }
        set((s) => ({ entries: s.entries.map((e) => (ids.includes(e.id) ? { ...e, batchId: r.value.jobId } : e)) }));
        return followBatch(ids, r.value);
      });
    },
    batch: null,
    async cancelBatch() {
      const batch = get().batch;
      if (!batch || batch.state !== 'running') return;
      const r = await call('import:batchCancel', { jobId: batch.jobId });
      if (!r.ok) reportError(r.error);
    },
    async cancel(id) {
      const e = entry(id);
      if (!e) return;
      if (e.batchId) return get().cancelBatch();
      if (e.state === 'queued' || e.state === 'uploading' || e.state === 'inspecting' || e.state === 'review' || e.state === 'waiting') {
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
    reset() {
      pending.clear();
      set({ entries: [], batch: null });
    },
  };
});

export const selectEntries = (s: ImportState) => s.entries;
export const selectBatch = (s: ImportState) => s.batch;
