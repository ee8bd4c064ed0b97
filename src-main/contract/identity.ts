/** Tying imported rows to people (DESIGN §3 Identity). */
import { z } from 'zod';
import { dataQuery, type TablePage } from './common';
import type { ImportKind } from './import';
import { method } from './method';

/** A row of an import that could not be tied to a person (DESIGN §3 Identity). */
export interface UnmatchedRow {
  kind: ImportKind;
  file_name: string;
  /** 1-based row number in the file, where known. */
  row_number: number | null;
  /** Name / nickname on the row. */
  name: string | null;
  /** Phone as exported (may be masked). */
  phone: string | null;
  /** Why it did not match. */
  reason: string;
}

/** The `identity:*` methods. */
export const identityMethods = {
  'identity:unmatched': method<TablePage<UnmatchedRow>>()(dataQuery),
  'identity:settings': method<{ allowNicknameMatch: boolean }>()(z.object({ allowNicknameMatch: z.boolean().optional() })),
};
