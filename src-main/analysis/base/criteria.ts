/**
 * Criterion rows of the rule grids (quadrant rule mode, VVIP) as one SQL condition.
 *
 * Rows read like a sentence: "A and B or C and D" means (A and B) or (C and D) — AND binds
 * tighter than OR, as in every query language the users may know. A comparison with a feature
 * that is empty for the person (no purchases → no average order value) is false.
 * Fields and operators come from closed lists and values are finite numbers, so the SQL
 * never carries user text.
 */
import { featureIds, type Criterion } from '../../contract';
import { scopeMessages } from '../../locale/analysis';

const ops = new Set(['>', '>=', '<', '<=', '=', '!=']);

/** One SQL literal of a finite number. */
function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new Error(scopeMessages.notFinite(value));
  return `CAST(${String(value)} AS DOUBLE)`;
}

/**
 * The condition of `rules` over a relation whose columns are the feature ids (booleans as
 * 0/1 numbers are fine: true = 1). `alias` prefixes the columns. Empty rules match nobody.
 */
export function criteriaSql(rules: Criterion[], alias = ''): string {
  if (rules.length === 0) return 'FALSE';
  const prefix = alias ? `${alias}.` : '';
  const groups: string[][] = [[]];
  rules.forEach((rule, i) => {
    if (!(featureIds as readonly string[]).includes(rule.field)) throw new Error(scopeMessages.unknownFeature(rule.field));
    if (!ops.has(rule.op)) throw new Error(scopeMessages.unknownOperator(rule.op));
    if (i > 0 && rule.join === 'or') groups.push([]);
    groups[groups.length - 1]!.push(`coalesce(CAST(${prefix}"${rule.field}" AS DOUBLE) ${rule.op} ${numberLiteral(rule.value)}, FALSE)`);
  });
  return groups.map((g) => `(${g.join(' AND ')})`).join(' OR ');
}

/** The same rules evaluated in JavaScript over one person's features (for the grid's live preview and tests). */
export function matchesCriteria(rules: Criterion[], row: Partial<Record<string, unknown>>): boolean {
  if (rules.length === 0) return false;
  const groups: Criterion[][] = [[]];
  rules.forEach((rule, i) => {
    if (i > 0 && rule.join === 'or') groups.push([]);
    groups[groups.length - 1]!.push(rule);
  });
  const holds = (rule: Criterion) => {
    const raw = row[rule.field];
    if (raw === null || raw === undefined) return false;
    const v = typeof raw === 'boolean' ? Number(raw) : Number(raw);
    if (!Number.isFinite(v)) return false;
    switch (rule.op) {
      case '>': return v > rule.value;
      case '>=': return v >= rule.value;
      case '<': return v < rule.value;
      case '<=': return v <= rule.value;
      case '=': return v === rule.value;
      case '!=': return v !== rule.value;
    }
  };
  return groups.some((g) => g.every(holds));
}
