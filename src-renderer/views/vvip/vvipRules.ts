import type { Criterion, FeatureId, VvipDefinition } from '../../../src-main/contract';
import type { DefinitionColumn } from '../../components/definitionGridTypes';
import { featureIds, featureLabels } from '../../../src-main/locale/features';
import { bracketed, definitionGridText } from '../../../src-main/locale/common';
import { joinLabels, opLabels, vvipText } from '../../../src-main/locale/vvip';

/** A row of the rule grid: a criterion with a key that survives edits, moves and undo. */
export interface RuleRow extends Criterion {
  key: string;
}

let nextKey = 0;
const newKey = () => `rule-${++nextKey}`;

/** Rows for the grid from a saved definition. */
export function toRows(def: VvipDefinition): RuleRow[] {
  return def.rules.map((r) => ({ ...r, key: newKey() }));
}

/** The definition the rows stand for (keys dropped). */
export function toDefinition(rows: RuleRow[]): VvipDefinition {
  return { rules: rows.map(({ join, field, op, value }) => ({ join, field, op, value })) };
}

/** A fresh row for 添加行 and pasted rows: "or GMV ≥ 0", to be edited. */
export function newRuleRow(): RuleRow {
  return { key: newKey(), join: 'or', field: 'gmv', op: '>=', value: 0 };
}

/** Why a row's value cannot mean anything for its feature; null when fine. */
export function valueProblem(row: Pick<Criterion, 'field' | 'value'>): string | null {
  if (!Number.isFinite(row.value)) return definitionGridText.needsNumber;
  if (row.field === 'repurchase_90d' && row.value !== 0 && row.value !== 1) return vvipText.booleanValue;
  if (row.field === 'purchase_months_3m' && (row.value < 0 || row.value > 3)) return vvipText.monthsValue;
  return null;
}

/** Whether every row can be evaluated. */
export function rulesAreValid(rows: Criterion[]): boolean {
  return rows.every((r) => (featureIds as readonly string[]).includes(r.field) && r.op in opLabels && valueProblem(r) === null);
}

/** The rule grid's columns: 连接 (且/或), 特征, 比较, 值. */
export function ruleColumns(): DefinitionColumn<RuleRow>[] {
  const c = vvipText.columns;
  return [
    { field: 'join', headerName: c.join, width: 90, type: 'select', options: (['and', 'or'] as const).map((v) => ({ value: v, label: joinLabels[v] })) },
    { field: 'field', headerName: c.field, flex: 2, type: 'select', options: featureIds.map((f) => ({ value: f, label: featureLabels[f] })) },
    { field: 'op', headerName: c.op, width: 90, type: 'select', options: (Object.keys(opLabels) as Criterion['op'][]).map((v) => ({ value: v, label: opLabels[v] })) },
    { field: 'value', headerName: c.value, flex: 1, type: 'number', validate: (row) => valueProblem(row) },
  ];
}

/** One criterion as words: `GMV ≥ 1000`. */
function criterionText(r: Criterion): string {
  return `${featureLabels[r.field as FeatureId] ?? r.field} ${opLabels[r.op]} ${r.value}`;
}

/**
 * The rules as they are evaluated, AND before OR: "A 且 B 或 C" reads "（A 且 B）或（C）". Empty
 * when there are no rules.
 */
export function rulesSentence(rules: Criterion[]): string {
  if (rules.length === 0) return '';
  const groups: Criterion[][] = [[]];
  rules.forEach((r, i) => {
    if (i > 0 && r.join === 'or') groups.push([]);
    groups[groups.length - 1]!.push(r);
  });
  const parts = groups.map((g) => g.map(criterionText).join(` ${joinLabels.and} `));
  return groups.length === 1 ? parts[0]! : parts.map((p) => bracketed(p).trim()).join(` ${joinLabels.or} `);
}
