// Pure functions from an import preview and its edited mapping to what the mapping and
// preview grids show.
import type { ImportKind, KindInfo, PreviewCell, TableMapping, TablePreview } from '../../../src-main/contract';
import type { SelectOption } from '../../components/gridTypes';
import { IGNORE } from '../../store/mappingRules';

/** The drop-down choices of the 对应字段 column: 忽略, then the kind's fields (required marked). */
export function fieldOptions(kind: KindInfo | undefined, ignoreLabel: string, requiredMark: string): SelectOption[] {
  return [{ value: IGNORE, label: ignoreLabel }, ...(kind?.fields ?? []).map((f) => ({ value: f.id, label: f.isRequired ? `${f.label}${requiredMark}` : f.label }))];
}

/** One row of the mapping grid: a source column. */
export interface MappingGridRow {
  index: number;
  header: string;
  /** Target field id, '' when ignored. */
  field: string;
  /** A few raw values of the column from the preview rows. */
  samples: string;
}

/** The mapping grid's rows: one per source column, with sample values. */
export function mappingGridRows(table: TablePreview, mapping: TableMapping, sampleCount = 3): MappingGridRow[] {
  return mapping.columns.map((c) => ({
    index: c.index,
    header: c.header || table.headers[c.index] || `#${c.index + 1}`,
    field: c.field ?? IGNORE,
    samples: table.rows
      .map((r) => r.cells[c.index]?.raw)
      .filter((v): v is string => v !== null && v !== undefined && v.trim() !== '')
      .slice(0, sampleCount)
      .join(' · '),
  }));
}

/** A row of the parsed-preview grid: `c<i>` holds the shown text of source column i. */
export type PreviewGridRow = { rowNumber: number } & Record<string, string | number | null>;

/** Display text of a preview cell: the parsed value where the column is still mapped as previewed, else the raw text. */
function shownValue(cell: PreviewCell | undefined, isAsPreviewed: boolean): string | number | null {
  if (!cell) return null;
  if (isAsPreviewed && cell.value !== null) return cell.value;
  return cell.raw;
}

/**
 * The parsed-preview grid: one row per preview row. A column whose mapping the user changed
 * shows its raw text and no problem, since the server parsed it as another field.
 */
export function previewGrid(table: TablePreview, mapping: TableMapping): { rows: PreviewGridRow[]; problems: Map<string, string> } {
  const asPreviewed = new Set(mapping.columns.filter((c) => table.mapping.columns.find((p) => p.index === c.index)?.field === c.field).map((c) => c.index));
  const problems = new Map<string, string>();
  const rows = table.rows.map((r) => {
    const row: PreviewGridRow = { rowNumber: r.rowNumber };
    r.cells.forEach((cell, i) => {
      row[`c${i}`] = shownValue(cell, asPreviewed.has(i));
      if (cell.problem && asPreviewed.has(i)) problems.set(`${r.rowNumber}:${i}`, cell.problem);
    });
    return row;
  });
  return { rows, problems };
}

/** The kinds in a fixed, familiar order for the kind drop-down. */
export function kindOptions(kinds: KindInfo[], labelOf: (k: ImportKind) => string): SelectOption[] {
  return kinds.map((k) => ({ value: k.kind, label: k.label || labelOf(k.kind) }));
}
