/**
 * The rows an import skipped (importLoad.ts records them in `import_skips`), a page at a time in
 * file order, each with its reason and what that refers to in the current language: the list can
 * hold millions of rows, so it is never read whole into memory.
 */
import type { ImportKind, SkippedRow, SkipReason, TablePage } from '../contract';
import { AppError } from '../contract/appError';
import type { Sql } from '../db/projectDb';
import { boundaryMessages } from '../locale/errors';
import { skipReasonText as text } from '../locale/import';
import { fieldLabel } from './kinds';

/** Which rows: an import and a page of its skipped rows. */
export interface SkippedQuery {
  importId: number;
  offset: number;
  limit: number;
}

/** What a skipped row's stored detail says, for a person: field labels, an import, a row. */
export function skipDetail(kind: ImportKind, reason: SkipReason, detail: string | null): string | null {
  if (detail === null || detail === '') return null;
  if (reason === 'missing_key') return text.missingFields(detail.split(',').map((f) => fieldLabel(kind, f)));
  if (reason === 'known') return text.knownIn(detail);
  if (reason === 'duplicate') return text.repeats(detail);
  return detail;
}

/** One page of an import's skipped rows, in the order of the file; IMPORT_NOT_FOUND for an unknown import. */
export async function querySkipped(sql: Sql, q: SkippedQuery): Promise<TablePage<SkippedRow>> {
  const head = await sql.one<{ kind: ImportKind; n: number }>(
    `SELECT kind, (SELECT count(*)::INTEGER FROM import_skips WHERE import_id = $id) AS n FROM imports WHERE import_id = $id`,
    { id: q.importId },
  );
  if (!head) throw new AppError('IMPORT_NOT_FOUND', boundaryMessages.importNotFound(q.importId), { importId: q.importId });
  const rows = await sql.all<{ sheet: string | null; source_row: number; reason: SkipReason; detail: string | null }>(
    `SELECT sheet, source_row, reason, detail FROM import_skips WHERE import_id = $id
     ORDER BY sheet_no, source_row, reason LIMIT $limit OFFSET $offset`,
    { id: q.importId, limit: q.limit, offset: q.offset },
  );
  return {
    total: Number(head.n),
    rows: rows.map((r) => ({ sheet: r.sheet, row: Number(r.source_row), reason: r.reason, detail: skipDetail(head.kind, r.reason, r.detail) })),
  };
}
