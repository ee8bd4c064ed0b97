/**
 * Worker-thread entry of the importer: parses one export into CSV chunk files off the main
 * thread, announcing each chunk and reporting progress. Bundled by electron-vite as
 * `out/main/importWorker.js`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toApiError } from '../contract/appError';
import { parseFileToChunks } from './parseFile';
import type { MainMessage, WorkerMessage, WorkerTask } from './workerProtocol';

/** Chunks announced but not yet loaded before the parse waits: bounds the disk the hand-over takes when the store falls behind. */
const MAX_CHUNKS_AHEAD = 4;

const task = workerData as WorkerTask;
const post = (m: WorkerMessage) => parentPort?.postMessage(m);

let ahead = 0;
let wake: (() => void) | null = null;
parentPort?.on('message', (m: MainMessage) => {
  if (m.type !== 'loaded') return;
  ahead--;
  wake?.();
  wake = null;
});

parseFileToChunks(task.filePath, task.fileName, task.outDir, {
  kind: task.kind,
  limits: task.limits,
  mapping: task.mapping,
  timeZone: task.timeZone,
  chunkSize: task.chunkSize,
  onProgress: (p) => post({ type: 'progress', ...p }),
  onChunk: async (chunk) => {
    ahead++;
    post({ type: 'chunk', ...chunk });
    while (ahead > MAX_CHUNKS_AHEAD) await new Promise<void>((resolve) => (wake = resolve));
  },
}).then(
  (summary) => {
    post({ type: 'done', ...summary });
    // The thread ends when the main side terminates it, after loading the last chunks.
  },
  (e: unknown) => post({ type: 'error', error: toApiError(e) }),
);
