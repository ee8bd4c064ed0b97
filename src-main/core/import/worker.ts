/**
 * Worker-thread entry of the importer: parses one export into NDJSON off the main thread and
 * reports progress. Bundled by electron-vite as `out/main/importWorker.js`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toApiError } from '../appError';
import { parseFileToNdjson } from './parseFile';
import type { WorkerMessage, WorkerTask } from './workerProtocol';

const task = workerData as WorkerTask;
const post = (m: WorkerMessage) => parentPort?.postMessage(m);

parseFileToNdjson(task.filePath, task.fileName, task.outPath, {
  kind: task.kind,
  limits: task.limits,
  mapping: task.mapping,
  timeZone: task.timeZone,
  onProgress: (p) => post({ type: 'progress', ...p }),
}).then(
  (summary) => post({ type: 'done', ...summary }),
  (e: unknown) => post({ type: 'error', error: toApiError(e) }),
);
