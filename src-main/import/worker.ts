/**
 * Worker-thread entry of the importer: inspects a file, or parses one export into CSV chunk
 * files, off the main thread and under the worker's heap cap, announcing each chunk and
 * reporting progress. Bundled by electron-vite as `out/main/importWorker.js`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toApiError } from '../contract/appError';
import { inspectFile } from './inspect';
import { parseFileToChunks } from './parseFile';
import type { MainMessage, ParseTask, WorkerMessage, WorkerTask } from './workerProtocol';
import { setLanguage } from '../locale/language';

/** Chunks announced but not yet loaded before the parse waits: bounds the disk the hand-over takes when the store falls behind. */
const MAX_CHUNKS_AHEAD = 4;

const post = (m: WorkerMessage) => parentPort?.postMessage(m);
const fail = (e: unknown) => post({ type: 'error', error: toApiError(e) });

let ahead = 0;
let wake: (() => void) | null = null;

function parse(t: ParseTask): void {
  parseFileToChunks(t.filePath, t.fileName, t.outDir, {
    kind: t.kind,
    limits: t.limits,
    mapping: t.mapping,
    timeZone: t.timeZone,
    chunkSize: t.chunkSize,
    onProgress: (p) => post({ type: 'progress', ...p }),
    onChunk: async (chunk) => {
      ahead++;
      post({ type: 'chunk', ...chunk });
      while (ahead > MAX_CHUNKS_AHEAD) await new Promise<void>((resolve) => (wake = resolve));
    },
  }).then(
    (summary) => {
      post({ type: 'done', ...summary });
      // The thread then waits: for the main side to terminate it, or to hand it the next task (runWorker.ts keeps it for the next file).
    },
    fail,
  );
}

/** Runs one task; the main side sends the next only once this one has settled. */
function start(task: WorkerTask): void {
  // The loads of the previous task's chunks were all acknowledged before this task was sent.
  ahead = 0;
  wake = null;
  if (task.language) setLanguage(task.language);
  if (task.type === 'inspect') {
    inspectFile({ path: task.filePath, fileName: task.fileName }, { kind: task.kind, timeZone: task.timeZone, templates: task.templates, limits: task.limits }).then(
      (preview) => post({ type: 'inspected', preview }),
      fail,
    );
  } else parse(task);
}

parentPort?.on('message', (m: MainMessage) => {
  if (m.type === 'task') return start(m.task);
  ahead--;
  wake?.();
  wake = null;
});
start(workerData as WorkerTask);
