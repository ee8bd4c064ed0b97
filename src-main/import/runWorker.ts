/** Main-side control of the parsing worker: start it, relay progress, stop it on cancel. */
import type { Worker } from 'node:worker_threads';
import { AppError, firstLine } from '../contract/appError';
import { findWorkerScript, startModuleWorker } from './moduleWorker';
import type { ParsedChunk, ParseProgress, ParseResult } from './parseFile';
import { resolveLimits } from './reader/limits';
import type { ImportPreview } from '../contract';
import type { InspectTask, MainMessage, ParseTask, WorkerMessage, WorkerTask } from './workerProtocol';
import { importMessages as text } from '../locale/import';
import { boundaryMessages } from '../locale/errors';
import { getLanguage } from '../locale/language';

/**
 * The worker script next to this module: the TypeScript source under tsx / vitest, or the
 * bundled `importWorker.js` that electron-vite writes beside the main bundle (which may sit
 * one folder up when this code lives in a chunk).
 */
export function resolveWorkerFile(from: string = import.meta.url): string {
  const found = findWorkerScript(from, 'worker.ts', 'importWorker.js');
  if (!found) throw new AppError('INTERNAL', boundaryMessages.workerMissing.import(from));
  return found;
}

/** Young-generation size of the parsing worker, MB. */
const WORKER_YOUNG_GENERATION_MB = 96;

/** Starts the worker (see moduleWorker.ts for how a .ts source runs). */
function startWorker(file: string, task: WorkerTask): Worker {
  // A heap cap turns a runaway parse into a worker error instead of taking the app down with it.
  // The parse allocates short-lived strings per cell; a larger young generation than V8's default
  // cuts scavenges (GC was ~40% of a 100k-row parse's profile) for a few tens of MB.
  const resourceLimits = { maxOldGenerationSizeMb: resolveLimits(task.limits).workerHeapMb, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB };
  // The worker writes its messages in the caller's language (a thread starts with the default).
  return startModuleWorker(file, { workerData: { ...task, language: getLanguage() } satisfies WorkerTask, resourceLimits });
}

/**
 * How long a worker whose task succeeded waits for the next one before it ends. A new thread
 * loads and compiles the parser afresh: ~0.4 s of CPU before its first row, and a 200,000-row
 * parse then ran ~25% slower than in a thread whose code the previous file had warmed up, for
 * every file of a batch. The next file's task comes after the previous import's commit, seconds
 * at most.
 */
const IDLE_WORKER_MS = 30_000;

/** The worker kept after a successful task, with the heap cap it was started under. */
let idle: { worker: Worker; heapMb: number; timer: ReturnType<typeof setTimeout> } | null = null;

/** Detaches a task's handlers from a worker. */
function detach(worker: Worker): void {
  for (const event of ['message', 'error', 'exit'] as const) worker.removeAllListeners(event);
}

/** Keeps a worker whose task succeeded for the next task, in place of any kept before; it ends after {@link IDLE_WORKER_MS} unused. */
function keepWorker(worker: Worker, heapMb: number): void {
  detach(worker);
  if (idle) void idle.worker.terminate();
  const kept = {
    worker,
    heapMb,
    timer: setTimeout(() => {
      if (idle === kept) idle = null;
      void worker.terminate();
    }, IDLE_WORKER_MS),
  };
  kept.timer.unref();
  // A kept thread holds the process open no more than a finished one would.
  worker.unref();
  worker.on('error', () => undefined);
  worker.on('exit', () => {
    if (idle === kept) idle = null;
  });
  idle = kept;
}

/** The kept worker for a task under the heap cap `heapMb`, given the task; null when none fits. */
function reuseWorker(task: WorkerTask, heapMb: number): Worker | null {
  const kept = idle;
  if (!kept) return null;
  idle = null;
  clearTimeout(kept.timer);
  detach(kept.worker);
  if (kept.heapMb !== heapMb) {
    void kept.worker.terminate();
    return null;
  }
  kept.worker.ref();
  kept.worker.postMessage({ type: 'task', task: { ...task, language: getLanguage() } } satisfies MainMessage);
  return kept.worker;
}

/** What a worker that died instead of answering means for the user: the file could not be read. */
export function workerCrashError(fileName: string, cause: { error?: Error; exitCode?: number }, heapMb: number): AppError {
  const code = (cause.error as { code?: string } | undefined)?.code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new AppError('IMPORT_TOO_LARGE', text.workerOutOfMemory(fileName, heapMb), { file: fileName, limit: heapMb });
  }
  const why = cause.error ? firstLine(cause.error) : text.exitCode(cause.exitCode);
  return new AppError('IMPORT_FILE_UNREADABLE', text.workerCrashed(fileName, why), { file: fileName, detail: why });
}

/** Error thrown when an import is cancelled. */
export function cancelledError(fileName: string): AppError {
  return new AppError('IMPORT_CANCELLED', text.cancelled(fileName), { file: fileName });
}

/** Options of every run of the worker. */
export interface RunTaskOptions {
  /** Stops the worker; the run rejects with IMPORT_CANCELLED. */
  signal?: AbortSignal;
  /** Worker script other than the importer's own (tests use crashing ones). */
  workerFile?: string;
}

/** Options of {@link runParseWorker}. */
export interface RunWorkerOptions extends RunTaskOptions {
  onProgress?: (p: ParseProgress) => void;
  /**
   * Loads a chunk file the worker finished. Called one chunk at a time, in order; the worker is
   * told when each is done (it waits when too many are pending). A rejection fails the parse.
   */
  onChunk?: (chunk: ParsedChunk) => Promise<void>;
}

/** How a message handler ends a run: with a value or an error, once `work` (say, a chunk's load) is done. */
interface RunControl<T> {
  worker: Worker;
  isSettled(): boolean;
  resolve(value: T): void;
  reject(e: unknown): void;
  /** Work the run waits for before it settles, one piece after the other. */
  hold(work: () => Promise<void>): void;
}

/**
 * Runs one task in a worker thread; rejects with IMPORT_CANCELLED when `signal` aborts and with
 * the worker's own error as an AppError. Settles only once the thread is gone and the held work
 * has ended, so the caller may then roll back and remove the files.
 */
function runTask<T>(task: WorkerTask, opts: RunTaskOptions, onMessage: (m: WorkerMessage, run: RunControl<T>) => void): Promise<T> {
  if (opts.signal?.aborted) return Promise.reject(cancelledError(task.fileName));
  const heapMb = resolveLimits(task.limits).workerHeapMb;
  // Only the importer's own worker is kept between tasks (tests start others that crash).
  const isReusable = !opts.workerFile;
  let worker: Worker;
  try {
    worker = (isReusable ? reuseWorker(task, heapMb) : null) ?? startWorker(opts.workerFile ?? resolveWorkerFile(), task);
  } catch (e) {
    return Promise.reject(e instanceof AppError ? e : workerCrashError(task.fileName, { error: e as Error }, heapMb));
  }
  return new Promise<T>((resolve, reject) => {
    let isSettled = false;
    let held: Promise<void> = Promise.resolve();
    const settle = (fn: () => void, isSuccess = false) => {
      if (isSettled) return;
      isSettled = true;
      opts.signal?.removeEventListener('abort', onAbort);
      if (isSuccess && isReusable) {
        // The task has ended in the thread (its files closed) and the held work too: kept for the next file.
        keepWorker(worker, heapMb);
        fn();
        return;
      }
      // Settle only once the thread is gone (its files closed) and the held work has ended.
      const after = () => void held.then(fn, fn);
      void worker.terminate().then(after, after);
    };
    const onAbort = () => settle(() => reject(cancelledError(task.fileName)));
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const run: RunControl<T> = {
      worker,
      isSettled: () => isSettled,
      resolve: (value) => void held.then(() => settle(() => resolve(value), true)),
      reject: (e) => settle(() => reject(e)),
      hold: (work) => {
        held = held.then(work);
      },
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'error') settle(() => reject(new AppError(m.error.code, m.error.message, m.error.details)));
      else onMessage(m, run);
    });
    worker.on('error', (error) => settle(() => reject(workerCrashError(task.fileName, { error }, heapMb))));
    worker.on('exit', (exitCode) => settle(() => reject(workerCrashError(task.fileName, { exitCode }, heapMb))));
  });
}

/**
 * Parses a file into chunk files in a worker thread, handing each chunk to `onChunk` as it is
 * finished; rejects with IMPORT_CANCELLED when `signal` aborts. Settles only once the thread is
 * gone and no chunk is being loaded, so the caller may then roll back and remove the files.
 */
export function runParseWorker(task: Omit<ParseTask, 'type'>, opts: RunWorkerOptions = {}): Promise<ParseResult> {
  return runTask<ParseResult>({ ...task, type: 'parse' }, opts, (m, run) => {
    if (m.type === 'progress') opts.onProgress?.({ rowsRead: m.rowsRead, fraction: m.fraction, kind: m.kind });
    else if (m.type === 'chunk') {
      const { type: _type, ...chunk } = m;
      run.hold(async () => {
        if (run.isSettled()) return;
        try {
          await opts.onChunk?.(chunk);
        } catch (e) {
          run.reject(e);
          return;
        }
        if (!run.isSettled()) run.worker.postMessage({ type: 'loaded' } satisfies MainMessage);
      });
    } else if (m.type === 'done') {
      // The last chunks may still be loading: done once they are.
      const { type: _done, ...summary } = m;
      run.resolve(summary);
    }
  });
}

/**
 * Inspects a file in a worker thread (`import:inspect`): a hostile file then costs the worker its
 * heap cap at most, never the process that serves the UI.
 */
export function runInspectWorker(task: Omit<InspectTask, 'type'>, opts: RunTaskOptions = {}): Promise<ImportPreview> {
  return runTask<ImportPreview>({ ...task, type: 'inspect' }, opts, (m, run) => {
    if (m.type === 'inspected') run.resolve(m.preview);
  });
}
