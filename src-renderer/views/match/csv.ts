// The 匹配 view's download: the unmatched rows as CSV through the one spreadsheet writer of
// every export (formula-looking text neutralised, BOM, CRLF).
import type { UnmatchedRow } from '../../../src-main/contract';
import { csvDocument } from '../../../src-main/contract/spreadsheet';
import { t } from '../../../src-main/locale/app';
import { unmatchedFields, unmatchedText } from './matchColumns';

/** The unmatched rows as a CSV document, headers in the current language. */
export function unmatchedCsv(rows: UnmatchedRow[]): string {
  return csvDocument(
    unmatchedFields.map((f) => t.match.col[f]),
    rows.map((r) => unmatchedFields.map((f) => unmatchedText(r, f))),
  );
}
