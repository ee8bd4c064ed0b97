import type { ApiError, ImportKind, TableMapping } from '../../api/contract';
import type { ParseProgress } from './parseFile';
import type { ParseSummary } from './parseExport';
import type { ImportLimits } from './reader/limits';

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
  /** Size limits other than the defaults (tests use small ones). */
  limits?: Partial<ImportLimits>;
  /** An explicit mapping from the mapping grid or a template; overrides detection. */
  mapping?: TableMapping;
  /** Project time zone, for values that need it while parsing. */
  timeZone?: string;
}

/** What the worker posts back. */
export type WorkerMessage = ({ type: 'progress' } & ParseProgress) | ({ type: 'done' } & ParseSummary) | { type: 'error'; error: ApiError };
