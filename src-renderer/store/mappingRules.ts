// Rules of the mapping a user edits before an import: which required fields are missing and
// whether a file can take the one-click path. Pure functions, shared by the store and the views.
import type { KindInfo, TableMapping, TablePreview } from '../../src-main/contract';

/** Detection at or above this confidence, with nothing missing, may be imported without review. */
export const CONFIDENT = 0.8;

/** The value of the 忽略 choice in the field drop-down. */
export const IGNORE = '';

/** A mapping with one column's target changed (null = ignore). */
export function withField(mapping: TableMapping, index: number, field: string | null): TableMapping {
  return { ...mapping, columns: mapping.columns.map((c) => (c.index === index ? { ...c, field } : c)) };
}

/** Field id → Chinese label of a kind, for display. */
export function fieldLabels(kind: KindInfo | undefined): Map<string, string> {
  return new Map((kind?.fields ?? []).map((f) => [f.id, f.label]));
}

/**
 * Person keys a kind accepts as alternatives of one another (DESIGN §3 Identity). KindInfo marks
 * every alternative `isRequired` without saying which go together, so the renderer knows these
 * by name: un-mapping one of them is harmless while another is still mapped.
 */
const PERSON_KEYS = new Set(['member_id', 'sender_id', 'unionid', 'external_userid', 'phone', 'customer_name', 'respondent_name']);

/**
 * Required fields the edited mapping lacks, as Chinese labels. Starts from the server's
 * verdict on the proposed mapping (it knows the alternatives), drops the ones the user has
 * since mapped, and adds required fields the user un-mapped.
 */
export function missingFields(kind: KindInfo | undefined, table: TablePreview, mapping: TableMapping): string[] {
  const mappedNow = new Set(mapping.columns.map((c) => c.field).filter((f): f is string => f !== null));
  const mappedBefore = new Set(table.mapping.columns.map((c) => c.field).filter((f): f is string => f !== null));
  const labels = fieldLabels(kind);
  const nowMappedLabels = new Set([...mappedNow].map((f) => labels.get(f) ?? f));
  const missing = table.missing.filter((label) => !nowMappedLabels.has(label));
  const hasPersonKey = (kind?.fields ?? []).some((f) => f.isRequired && PERSON_KEYS.has(f.id) && mappedNow.has(f.id));
  for (const f of kind?.fields ?? []) {
    if (!f.isRequired || !mappedBefore.has(f.id) || mappedNow.has(f.id) || missing.includes(f.label)) continue;
    if (PERSON_KEYS.has(f.id) && hasPersonKey) continue;
    missing.push(f.label);
  }
  return missing;
}

/** Fields mapped from more than one column (the importer would keep only one), as labels. */
export function duplicateFields(kind: KindInfo | undefined, mapping: TableMapping): string[] {
  const labels = fieldLabels(kind);
  const seen = new Map<string, number>();
  for (const c of mapping.columns) if (c.field) seen.set(c.field, (seen.get(c.field) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([f]) => labels.get(f) ?? f);
}

/** Whether a file can be imported with 导入全部: confident detection, nothing missing, unchanged kind. */
export function isQuickReady(table: TablePreview | undefined, missing: string[]): boolean {
  return Boolean(table) && (table!.templateName !== null || table!.confidence >= CONFIDENT) && missing.length === 0;
}


/** Why a reviewed file cannot go with 导入全部: what the user has to decide. */
export type QuickBlocker =
  /** Required fields have no source column. */
  | { reason: 'missing'; labels: string[] }
  /** The headers fit the kind too loosely to import without a look. */
  | { reason: 'doubtful'; confidence: number };

/** What stops a reviewed file from the one-click path, empty when nothing does (see {@link isQuickReady}). */
export function quickBlockers(table: TablePreview, missing: string[]): QuickBlocker[] {
  const blockers: QuickBlocker[] = [];
  if (missing.length) blockers.push({ reason: 'missing', labels: missing });
  if (table.templateName === null && table.confidence < CONFIDENT) blockers.push({ reason: 'doubtful', confidence: table.confidence });
  return blockers;
}
