/**
 * Header recognition (DESIGN §3): which row holds the headers, which kind of export it is and
 * which column carries which field, driven by the kind registry. Pure functions over header text.
 */
// Types only: the contract's values would load zod into the parsing worker, whose start-up it slowed.
import type { ImportKind } from '../contract';
import { fieldLabel as kindFieldLabel, kindSpecs } from './kinds';
import { cleanText, type RawCell } from './values';

/** A field id of some kind (see the registry). */
export type Field = string;

/** Column index (0-based) of each mapped field: the first column when several carry it. */
export type ColumnMap = Partial<Record<Field, number>>;

/** The result of matching one header row against one kind. */
export interface HeaderMatch {
  /** The kind matched. */
  kind: ImportKind;
  /** Field → column. */
  columns: ColumnMap;
  /**
   * Field → every column carrying it: a duplicated header (two 分销员 columns) maps both, and a
   * kind with a rest field collects the unmapped columns there.
   */
  allColumns: Record<Field, number[]>;
  /**
   * How sure the headers make the kind, 0–1: the larger of the share of the header's columns the
   * kind explains and the weight of its matched headers against {@link CERTAIN_SCORE} (see
   * {@link headerConfidence}); lowered by {@link chooseHeader} when another kind fits nearly as well.
   */
  confidence: number;
  /** Required fields not found (labels in the current language), empty when usable. */
  missing: string[];
  /** Ranking score: an exact header weighs 2, a substring 1, a distinctive field 1 more. */
  score: number;
}

/** Label of a field of a kind in the current language. */
export function fieldLabel(kind: ImportKind, field: Field): string {
  return kindFieldLabel(kind, field);
}

/** Header text as compared: no white space, lower case, full-width parentheses made ASCII. */
export function normHeader(v: RawCell): string {
  return (cleanText(v) ?? '').replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').toLowerCase();
}

/** Aliases this short match only exactly. */
const SHORT_ALIAS = 2;

/**
 * The score at which the headers alone settle a kind: four distinctive headers matched exactly
 * (3 each), or six ordinary ones. An export's own layout carries more than that (the sample
 * 订单 scores 26, 客户列表 25), a table that merely shares a 日期 and a 渠道 column far less.
 */
export const CERTAIN_SCORE = 12;

/** A header matched through a substring counts this much of an exact one toward the coverage. */
const SUBSTRING_WEIGHT = 0.75;

/**
 * Confidence of a match. The old measure, the share of the kind's own fields found, punished a
 * kind for fields its exports rarely all carry (an order export without 分销员 or 商品金额 stayed at
 * 60%); what tells the user the kind is right is the file's side: how much of its header the kind
 * explains, or, for a wide export with many columns of no interest, how much telltale evidence it holds.
 */
export function headerConfidence(nonEmptyHeaders: number, exact: number, substring: number, score: number): number {
  if (exact + substring === 0) return 0;
  const coverage = nonEmptyHeaders ? (exact + SUBSTRING_WEIGHT * substring) / nonEmptyHeaders : 0;
  return Math.min(1, Math.max(coverage, score / CERTAIN_SCORE));
}

/**
 * Lowers a match's confidence when another usable kind scores close to it on the same header:
 * half the score or less leaves it whole, an equal score takes it to 0.
 */
export function withRivalry(confidence: number, score: number, rivalScore: number): number {
  if (rivalScore <= 0 || score <= 0) return confidence;
  return confidence * Math.min(1, Math.max(0, (2 * (score - rivalScore)) / score));
}

/** Required groups of a kind that a set of mapped fields leaves unmet, as labels of their first field. */
export function missingFields(kind: ImportKind, mapped: Iterable<Field>): string[] {
  const have = new Set(mapped);
  return kindSpecs[kind].requiredOneOf.filter((alts) => !alts.some((x) => have.has(x))).map((alts) => fieldLabel(kind, alts[0]));
}

/** Matches header cells to a kind's fields: exact alias first, then the alias as a substring. */
export function matchHeader(cells: RawCell[], kind: ImportKind): HeaderMatch {
  const spec = kindSpecs[kind];
  const headers = Array.from(cells, normHeader);
  const fields = spec.fields.filter((x) => x.aliases.length > 0);
  const columns: ColumnMap = {};
  const allColumns: Record<Field, number[]> = {};
  const taken = new Set<number>();
  let score = 0;
  let exact = 0;
  let substring = 0;
  const pass = (isExact: boolean) => {
    for (const field of fields) {
      if (columns[field.id] !== undefined) continue;
      for (const name of field.aliases) {
        const alias = normHeader(name);
        if (!isExact && alias.length <= SHORT_ALIAS) continue;
        const col = headers.findIndex((h, i) => !taken.has(i) && h !== '' && (isExact ? h === alias : h.includes(alias)));
        if (col < 0) continue;
        columns[field.id] = col;
        taken.add(col);
        // A duplicated header is one more column of the same field, kept apart.
        const twins = headers.flatMap((h, i) => (i !== col && !taken.has(i) && h === headers[col] ? [i] : []));
        for (const i of twins) taken.add(i);
        allColumns[field.id] = [col, ...twins];
        score += (isExact ? 2 : 1) + (spec.distinctive.includes(field.id) ? 1 : 0);
        if (isExact) exact++;
        else substring++;
        break;
      }
    }
  };
  pass(true);
  pass(false);
  if (spec.restField) {
    const rest = headers.flatMap((h, i) => (h !== '' && !taken.has(i) ? [i] : []));
    if (rest.length > 0) allColumns[spec.restField] = rest;
  }
  const nonEmpty = headers.filter((h) => h !== '').length;
  return { kind, columns, allColumns, confidence: headerConfidence(nonEmpty, exact, substring, score), missing: missingFields(kind, Object.keys(columns)), score };
}

/** The best header among the first rows of a sheet, for a given kind or for any kind. */
export interface HeaderChoice extends HeaderMatch {
  /** Index in the scanned rows. */
  rowIndex: number;
  /** The header cells as read: blanks under a merged cell of the row above filled from it. */
  cells: RawCell[];
}

/** How many rows from the top of a sheet are searched for the header. */
export const HEADER_SCAN_ROWS = 30;

/**
 * A header row with its merged or two-row cells resolved: where the row's own cell is blank, the
 * non-empty cell of the row above stands in (`日期 | 渠道 | 投放数据 ⋯` over `  |   | 曝光 | 点击`).
 */
export function headerCells(row: RawCell[], above: RawCell[] | undefined): RawCell[] {
  if (!above) return Array.from(row);
  const width = Math.max(row.length, above.length);
  return Array.from({ length: width }, (_, i) => (cleanText(row[i]) === null && cleanText(above[i]) !== null ? above[i] : row[i]));
}

/**
 * Picks the header row and kind from the first rows of a sheet: the usable match with the
 * highest score (ties to the earlier row, then to the registry's order). Returns the best
 * unusable match when none is usable, or when it scores more than twice the best usable one,
 * so the caller can name the missing column.
 */
export function chooseHeader(rows: RawCell[][], kind?: ImportKind): HeaderChoice | null {
  // The registry lists the kinds in the contract's order (test/import/kinds/mapping.test.ts).
  const kinds = kind ? [kind] : (Object.keys(kindSpecs) as ImportKind[]);
  let usable: HeaderChoice | null = null;
  let unusable: HeaderChoice | null = null;
  /** Every usable match, to find the best one's closest rival on its own row. */
  const usables: HeaderChoice[] = [];
  rows.slice(0, HEADER_SCAN_ROWS).forEach((row, rowIndex) => {
    const variants = [Array.from(row)];
    // Only a row with blanks can be the lower half of a two-row header.
    if (rowIndex > 0 && Array.from(row).some((c) => cleanText(c) === null)) variants.push(headerCells(row, rows[rowIndex - 1]));
    for (const cells of variants) {
      for (const k of kinds) {
        const m: HeaderChoice = { ...matchHeader(cells, k), rowIndex, cells };
        if (m.score === 0) continue;
        if (m.missing.length === 0) {
          usables.push(m);
          if (!usable || m.score > usable.score) usable = m;
        } else if (!unusable || m.score > unusable.score) unusable = m;
      }
    }
  });
  const u = usable as HeaderChoice | null;
  const n = unusable as HeaderChoice | null;
  // A header far more like a kind it lacks a required column of (a member export without ids) is
  // reported as that, rather than imported as a kind it only brushes against (a group list).
  if (u && n && n.score > 2 * u.score) return n;
  if (!u) return n;
  const rival = Math.max(0, ...usables.filter((m) => m.rowIndex === u.rowIndex && m.kind !== u.kind).map((m) => m.score));
  return { ...u, confidence: withRivalry(u.confidence, u.score, rival) };
}
