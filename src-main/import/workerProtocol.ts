import type { ApiError, ImportKind, ImportPreview, MappingTemplate, TableMapping } from '../contract';
import type { ParsedChunk, ParseProgress, ParseResult } from './parseFile';
import type { ImportLimits } from './reader/limits';
import type { ChunkSize } from './stagingCsv';
import type { Language } from '../locale/language';

/** What every task of the worker names: the file and its limits. */
interface FileTask {
  /** File to read. */
  filePath: string;
  /** Name for messages. */
  fileName: string;
  /** Forced kind. */
  kind?: ImportKind;
  /** Size limits other than the defaults (tests use small ones). */
  limits?: Partial<ImportLimits>;
  /** Language of the worker's messages: the caller's at the start. */
  language?: Language;
}

/** Parse a file into CSV chunk files for the store (an import). */
export interface ParseTask extends FileTask {
  type: 'parse';
  /** Folder for the CSV chunk files. */
  outDir: string;
  /** An explicit mapping from the mapping grid or a template; overrides detection. */
  mapping?: TableMapping;
  /** Project time zone, for values that need it while parsing. */
  timeZone?: string;
  /** Chunk size other than the default (tests use small ones). */
  chunkSize?: ChunkSize;
}

/** Inspect a file: its tables, proposed mappings and first rows (`import:inspect`). */
export interface InspectTask extends FileTask {
  type: 'inspect';
  /** Project time zone. */
  timeZone: string;
  /** Saved templates of the project. */
  templates: MappingTemplate[];
}

/** What the main side hands the worker. */
export type WorkerTask = ParseTask | InspectTask;

/** What the worker posts back. */
export type WorkerMessage =
  | ({ type: 'progress' } & ParseProgress)
  | ({ type: 'chunk' } & ParsedChunk)
  | ({ type: 'done' } & ParseResult)
  | { type: 'inspected'; preview: ImportPreview }
  | { type: 'error'; error: ApiError };

/** What the main side posts to the worker: a chunk it has loaded (and removed), or the next task of a worker kept for reuse. */
export type MainMessage = { type: 'loaded' } | { type: 'task'; task: WorkerTask };
