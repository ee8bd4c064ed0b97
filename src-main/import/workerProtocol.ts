import type { ApiError, ImportKind, TableMapping } from '../contract';
import type { ParsedChunk, ParseProgress, ParseResult } from './parseFile';
import type { ImportLimits } from './reader/limits';
import type { ChunkSize } from './stagingCsv';

/** What the main side hands the parsing worker. */
export interface WorkerTask {
  /** File to parse. */
  filePath: string;
  /** Name for messages. */
  fileName: string;
  /** Folder for the CSV chunk files. */
  outDir: string;
  /** Forced kind. */
  kind?: ImportKind;
  /** Size limits other than the defaults (tests use small ones). */
  limits?: Partial<ImportLimits>;
  /** An explicit mapping from the mapping grid or a template; overrides detection. */
  mapping?: TableMapping;
  /** Project time zone, for values that need it while parsing. */
  timeZone?: string;
  /** Chunk size other than the default (tests use small ones). */
  chunkSize?: ChunkSize;
}

/** What the worker posts back. */
export type WorkerMessage =
  | ({ type: 'progress' } & ParseProgress)
  | ({ type: 'chunk' } & ParsedChunk)
  | ({ type: 'done' } & ParseResult)
  | { type: 'error'; error: ApiError };

/** What the main side posts to the worker: a chunk it has loaded (and removed). */
export type MainMessage = { type: 'loaded' };
