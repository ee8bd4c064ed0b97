/** Limits that stop a hostile or runaway workbook before it exhausts memory or disk. */

/** Size limits of one import. */
export interface ImportLimits {
  /** Total uncompressed bytes of the xlsx parts, read from the zip directory before inflating. */
  maxUncompressedBytes: number;
  /** Largest uncompressed : compressed ratio of a part bigger than {@link ImportLimits.ratioFloorBytes}. */
  maxCompressionRatio: number;
  /** Parts smaller than this are not held to the ratio (tiny parts of repeated XML compress very well). */
  ratioFloorBytes: number;
  /** Cells read over all sheets (or CSV fields), counted while streaming. */
  maxCells: number;
  /** Largest single row or shared string, as XML bytes: Excel caps a cell at 32,767 characters. */
  maxElementBytes: number;
  /** Strings of the shared-string table, which is held in memory whole while the sheets are read. */
  maxSharedStrings: number;
  /** Characters of all shared strings together. */
  maxSharedStringChars: number;
  /** Old-generation heap of the parsing worker, in MB: a last line of defence, not a budget. */
  workerHeapMb: number;
  /**
   * DuckDB's memory while an import writes, in MB beyond what it already holds (beyond it DuckDB
   * drops cached blocks and spills to disk; 1M messages need ~12). An import that runs out of it
   * is retried without a limit.
   */
  dbMemoryMb: number;
}

/** Defaults: far above any real community export, far below what takes a desktop down. */
export const defaultLimits: ImportLimits = {
  maxUncompressedBytes: 2 * 1024 ** 3,
  maxCompressionRatio: 500,
  ratioFloorBytes: 16 * 1024 ** 2,
  maxCells: 50_000_000,
  // A million-row export (one sheet's most) holds at most a few million distinct strings; the
  // two string budgets keep the table within ~200 MB of heap, so a string bomb is refused long
  // before the worker's heap cap.
  maxElementBytes: 16 * 1024 ** 2,
  maxSharedStrings: 5_000_000,
  maxSharedStringChars: 64_000_000,
  workerHeapMb: 1024,
  dbMemoryMb: 48,
};

/** The defaults with `overrides` applied. */
export function resolveLimits(overrides: Partial<ImportLimits> = {}): ImportLimits {
  return { ...defaultLimits, ...overrides };
}

/** Bytes as the messages show them: `2 GB`, `1.5 MB`, `300 KB`. */
export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${Number.isInteger(v) ? v : v.toFixed(1)} ${units[i]}`;
}

/** A count with thousands separators, as the messages show it. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
