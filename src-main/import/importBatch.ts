/**
 * Several files imported one after another, each its own all-or-nothing import (importFile.ts:
 * its own transaction), with one progress over all of them.
 *
 * A file that fails is rolled back alone and the next one is imported: the files of a batch are
 * separate exports (ten months of chat logs, a member list beside them), none of which makes
 * another's rows wrong, so one broken file should not cost the user the other nine, and the
 * result names the one to fix and import again (as the command line always did with several
 * files). The batch stops only where every later file would fail the same way, or the user asked
 * it to: a cancel (the file in progress is rolled back), a full disk, a project that can no longer
 * be written. Files it did not reach are listed as not started.
 */
import { promises as fs } from 'node:fs';
import type { ErrorCode, ImportBatchFile, ImportBatchJob, ImportRecord } from '../contract';
import { toApiError } from '../contract/appError';
import type { ImportProgress } from './importFile';

/** One file of a batch. */
export interface BatchItem {
  /** File name as the user knows it. */
  fileName: string;
  /** Where its bytes are: their count weighs the file's share of the progress (null: counted as empty). */
  path: string | null;
  /** Imports the file, reporting its own progress; rejects to fail it (its import rolled back). */
  run(signal: AbortSignal, onProgress: (p: ImportProgress) => void): Promise<ImportRecord>;
}

/** A batch's state without its job handle: what {@link importBatch} reports on every change. */
export type BatchState = Omit<ImportBatchJob, 'jobId'>;

/** Options of {@link importBatch}. */
export interface BatchOptions {
  /** Cancels the batch: the file in progress is rolled back, later ones are not started. */
  signal?: AbortSignal;
  /** The whole state, after every change (progress of the file in progress, a file's end). */
  onChange?: (state: BatchState) => void;
}

/** Errors after which every later file would fail the same way: the batch stops there. */
const STOPS_THE_BATCH: ReadonlySet<ErrorCode> = new Set(['IMPORT_CANCELLED', 'DISK_FULL', 'PROJECT_READ_ONLY', 'PROJECT_NOT_OPEN']);

/** A file's weight in the progress: its bytes, plus one so that empty or unreadable files still count. */
async function weightOf(item: BatchItem): Promise<number> {
  const size = item.path ? ((await fs.stat(item.path).catch(() => null))?.size ?? 0) : 0;
  return size + 1;
}

/** The share of a file read, from its import's progress: reading has its fraction (where known), writing has read it all. */
function shareRead(p: ImportProgress, before: number): number {
  if (p.phase === 'writing') return 1;
  return p.fraction === null ? before : Math.max(before, Math.min(1, p.fraction));
}

/** A batch's state before its first file starts: every file waiting. */
export function initialBatchState(items: Pick<BatchItem, 'fileName'>[]): BatchState {
  return {
    state: 'running',
    phase: 'reading',
    current: 0,
    fraction: 0,
    rowsRead: 0,
    files: items.map((item) => ({ fileName: item.fileName, state: 'waiting', phase: 'reading', rowsRead: 0, fraction: 0, kind: null })),
  };
}

/**
 * Imports the items one after another (see the module comment for what happens on a failure)
 * and resolves with the final state, which says of every file whether it was imported (with its
 * record), failed or was cancelled (with why), or was not started.
 */
export async function importBatch(items: BatchItem[], opts: BatchOptions = {}): Promise<BatchState> {
  const signal = opts.signal ?? new AbortController().signal;
  const weights = await Promise.all(items.map(weightOf));
  const total = weights.reduce((a, b) => a + b, 0);
  const state = initialBatchState(items);
  const emit = () => opts.onChange?.(structuredClone(state));
  let doneWeight = 0;
  let doneRows = 0;
  let isStopped = false;
  emit();
  for (const [i, item] of items.entries()) {
    const file = state.files[i]!;
    if (isStopped || signal.aborted) {
      file.state = 'notStarted';
      continue;
    }
    state.current = i;
    file.state = 'running';
    let share = 0;
    let isCancelled = false;
    // The overall share only rises: a file's share is the most it has reported.
    const progressTo = (fileShare: number) => {
      share = fileShare;
      state.fraction = Math.max(state.fraction, (doneWeight + weights[i]! * share) / total);
    };
    emit();
    try {
      const record = await item.run(signal, (p) => {
        Object.assign(file, { phase: p.phase, rowsRead: p.rowsRead, fraction: p.fraction, kind: p.kind ?? file.kind });
        state.phase = p.phase;
        state.rowsRead = doneRows + p.rowsRead;
        progressTo(shareRead(p, share));
        emit();
      });
      Object.assign(file, { state: 'done', phase: 'finished', fraction: 1, rowsRead: record.rowsRead, kind: record.kind, result: record } satisfies Partial<ImportBatchFile>);
      doneRows += record.rowsRead;
    } catch (e) {
      const error = toApiError(e);
      isCancelled = signal.aborted || error.code === 'IMPORT_CANCELLED';
      Object.assign(file, { state: isCancelled ? 'cancelled' : 'failed', phase: 'finished', error } satisfies Partial<ImportBatchFile>);
      isStopped = isCancelled || STOPS_THE_BATCH.has(error.code);
      // Read, though not kept: the count of rows read only rises.
      doneRows += file.rowsRead;
    }
    state.rowsRead = doneRows;
    // A file handled (imported or failed) counts as read; a cancelled one leaves the bar where it stood.
    if (!isCancelled) {
      doneWeight += weights[i]!;
      progressTo(0);
    }
  }
  const isCancelled = state.files.some((f) => f.state === 'cancelled' || (f.state === 'notStarted' && signal.aborted));
  state.state = isCancelled ? 'cancelled' : state.files.some((f) => f.state !== 'done') ? 'failed' : 'done';
  state.phase = 'finished';
  // Every file handled: exactly 1, whatever the sum of the shares rounded to.
  if (!state.files.some((f) => f.state === 'notStarted' || f.state === 'cancelled')) state.fraction = 1;
  emit();
  return state;
}
