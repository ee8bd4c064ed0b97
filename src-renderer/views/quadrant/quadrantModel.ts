// The quadrant editor's state as plain data: the definition with row keys for the grids, the
// conversions to and from the contract's QuadrantDefinition, the checks the UI shows before it
// asks the Node side, and the switch of a threshold's kind.
import type { AxisTerm, QuadrantAxis, QuadrantDefinition, QuadrantResult, QuadrantType } from '../../../src-main/contract';
import type { DefinitionColumn } from '../../components/definitionGridTypes';
import { definitionGridText } from '../../../src-main/locale/common';
import { featureIds, featureLabels } from '../../../src-main/locale/features';
import { normaliseLabels, quadrantText } from '../../../src-main/locale/quadrant';
import { rulesAreValid, toDefinition as rulesDefinition, toRows as ruleRows, type RuleRow } from '../vvip/vvipRules';

/** A term row of an axis grid, with a key that survives edits, moves and undo. */
export interface TermRow extends AxisTerm {
  key: string;
}

/** One axis as the editor holds it. */
export interface AxisEditor {
  terms: TermRow[];
  threshold: QuadrantAxis['threshold'];
}

/** One type as the editor holds it; the list order is the rule-mode priority. */
export interface TypeEditor {
  type: QuadrantType;
  label: string;
  strategy: string;
  rules: RuleRow[];
}

/** The whole definition being edited (one undo history). */
export interface QuadrantEditor {
  mode: QuadrantDefinition['mode'];
  x: AxisEditor;
  y: AxisEditor;
  types: TypeEditor[];
}

/** The axes by name. */
export type AxisName = 'x' | 'y';

let nextKey = 0;
const newKey = () => `term-${++nextKey}`;

/** The editor state of a saved (or default) definition. */
export function toEditor(def: QuadrantDefinition): QuadrantEditor {
  const axis = (a: QuadrantAxis): AxisEditor => ({ terms: a.terms.map((t) => ({ ...t, key: newKey() })), threshold: { ...a.threshold } });
  return {
    mode: def.mode,
    x: axis(def.x),
    y: axis(def.y),
    types: def.types.map((t) => ({ type: t.type, label: t.label, strategy: t.strategy, rules: ruleRows({ rules: t.rules }) })),
  };
}

/** The definition the editor stands for (row keys dropped). */
export function toDefinition(e: QuadrantEditor): QuadrantDefinition {
  const axis = (a: AxisEditor): QuadrantAxis => ({ terms: a.terms.map(({ feature, weight, normalise }) => ({ feature, weight, normalise })), threshold: { ...a.threshold } });
  return {
    mode: e.mode,
    x: axis(e.x),
    y: axis(e.y),
    types: e.types.map((t) => ({ type: t.type, label: t.label, strategy: t.strategy, rules: rulesDefinition(t.rules).rules })),
  };
}

/** A fresh term for 添加行: messages, weight 1, percentile. */
export function newTermRow(): TermRow {
  return { key: newKey(), feature: 'messages', weight: 1, normalise: 'percentile' };
}

/** The terms grid's columns: 特征, 权重, 标准化. */
export function termColumns(): DefinitionColumn<TermRow>[] {
  const c = quadrantText.termColumns;
  return [
    { field: 'feature', headerName: c.feature, flex: 2, type: 'select', options: featureIds.map((f) => ({ value: f, label: featureLabels[f] })) },
    { field: 'weight', headerName: c.weight, width: 90, type: 'number', validate: (row) => (Number.isFinite(row.weight) ? null : definitionGridText.needsNumber) },
    {
      field: 'normalise',
      headerName: c.normalise,
      width: 120,
      type: 'select',
      options: (Object.keys(normaliseLabels) as AxisTerm['normalise'][]).map((v) => ({ value: v, label: normaliseLabels[v] })),
    },
  ];
}

/** Why a threshold cannot be used; null when fine. */
export function thresholdProblem(t: QuadrantAxis['threshold']): string | null {
  if (!Number.isFinite(t.value)) return quadrantText.thresholdProblems.notNumber;
  if (t.kind === 'percentile' && (t.value < 0 || t.value > 100)) return quadrantText.thresholdProblems.percentileRange;
  return null;
}

/** Whether the Node side can compute the definition (the same checks its schema and checkQuadrant make). */
export function isDefinitionValid(def: QuadrantDefinition): boolean {
  const axisOk = (a: QuadrantAxis) => thresholdProblem(a.threshold) === null && a.terms.every((t) => Number.isFinite(t.weight));
  const labelsOk = def.types.every((t) => t.label.trim() !== '' && t.label.length <= 200);
  return axisOk(def.x) && axisOk(def.y) && labelsOk && def.types.every((t) => rulesAreValid(t.rules));
}

/** The editor with one axis replaced. */
export function withAxis(e: QuadrantEditor, name: AxisName, axis: AxisEditor): QuadrantEditor {
  return { ...e, [name]: axis };
}

/** The editor with one type (by position) changed. */
export function withType(e: QuadrantEditor, index: number, patch: Partial<TypeEditor>): QuadrantEditor {
  return { ...e, types: e.types.map((t, i) => (i === index ? { ...t, ...patch } : t)) };
}

/** The editor with the type at `index` moved one place up (−1) or down (+1) in priority; unchanged at the ends. */
export function moveType(e: QuadrantEditor, index: number, delta: -1 | 1): QuadrantEditor {
  const to = index + delta;
  if (to < 0 || to >= e.types.length) return e;
  const types = [...e.types];
  [types[index], types[to]] = [types[to]!, types[index]!];
  return { ...e, types };
}

/** An axis value or threshold for display: up to 4 decimals, no trailing zeros. */
export function formatValue(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '-';
  return String(Math.round(v * 10000) / 10000);
}

/** A threshold after a switch of kind, with what the user is told about it. */
export interface ThresholdSwitch {
  threshold: QuadrantAxis['threshold'];
  /** The sentence shown under the field: the equivalent found, or why the value was cleared. */
  note: string;
}

/** People scoring below a fixed threshold, out of everyone: what the Node side counts (QuadrantResult belowX / belowY, total). */
export interface BelowThreshold {
  below: number;
  total: number;
}

/** The people below an axis's threshold in a result; null where the axis has none (rule mode, a percentile nobody reaches). */
export function belowThreshold(result: QuadrantResult, name: AxisName): BelowThreshold | null {
  const below = name === 'x' ? result.belowX : result.belowY;
  return below === null ? null : { below, total: result.total };
}

/**
 * The percentile p that classifies everyone exactly as a fixed value does, given the people below
 * it, rounded down to the fewest decimals that keep it so: a percentile resolves to the lowest score
 * with at least p % of the people below it, so p must not exceed the share below the value nor fall
 * to the share below the next lower score (one person, 100 / n percent, less).
 */
export function equivalentPercentile({ below, total }: BelowThreshold): number {
  const exact = total ? (100 * below) / total : 0;
  let decimals = 2;
  while (decimals < 10 && 10 ** -decimals >= 100 / Math.max(1, total)) decimals++;
  const f = 10 ** decimals;
  return Math.floor(exact * f + 1e-9) / f;
}

/**
 * Switches an axis threshold between a fixed value and a percentile, keeping what it means: a
 * fixed value becomes its percentile from the people below it in the last result (`below`), a
 * percentile becomes the value it resolved to (`resolved`). Where there is no equivalent the value
 * is cleared and the note says so; the typed number is never carried across as the other kind.
 */
export function switchThreshold(
  threshold: QuadrantAxis['threshold'],
  kind: QuadrantAxis['threshold']['kind'],
  below: BelowThreshold | null,
  resolved: number | null | undefined,
): ThresholdSwitch {
  const t = quadrantText.thresholdConverted;
  if (kind === threshold.kind) return { threshold, note: '' };
  if (kind === 'percentile') {
    if (!below || below.total === 0) return { threshold: { kind, value: 50 }, note: t.clearedToPercentile };
    const p = equivalentPercentile(below);
    return { threshold: { kind, value: p }, note: t.toPercentile(formatValue(threshold.value), String(p)) };
  }
  if (resolved === null || resolved === undefined) return { threshold: { kind, value: 0 }, note: t.clearedToFixed };
  return { threshold: { kind, value: resolved }, note: t.toFixed(String(threshold.value), formatValue(resolved)) };
}
