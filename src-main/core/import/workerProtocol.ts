import type { ApiError, ImportKind } from '../../api/contract';
import type { ParseProgress } from './parseFile';
import type { ParseSummary } from './parseExport';

/** What the main side hands the parsing worker. */
export interface WorkerTask {
  /** File to parse. */
  filePath: string;
  /** Name for messages. */
  fileName: string;
  /** NDJSON file to write. */
  outPath: string;
  /** Forced kind. */
  kind?: ImportKind;
}

/** What the worker posts back. */
export type WorkerMessage = ({ type: 'progress' } & ParseProgress) | ({ type: 'done' } & ParseSummary) | { type: 'error'; error: ApiError };
