import { describe, expect, it } from 'vitest';
import type { QuadrantDefinition, QuadrantResult } from '../../../../src-main/contract';
import {
  belowThreshold,
  formatValue,
  isDefinitionValid,
  moveType,
  termColumns,
  thresholdProblem,
  toDefinition,
  toEditor,
  withAxis,
  withType,
} from '../../../../src-renderer/views/quadrant/quadrantModel';

/** A definition shaped like the default one (the renderer tests may not import the Node side's defaults). */
function defaultQuadrant(): QuadrantDefinition {
  return {
    mode: 'score',
    x: {
      terms: [
        { feature: 'survey_score', weight: 1, normalise: 'minmax' },
        { feature: 'messages', weight: 0.5, normalise: 'percentile' },
      ],
      threshold: { kind: 'percentile', value: 50 },
    },
    y: { terms: [{ feature: 'purchases', weight: 1, normalise: 'percentile' }], threshold: { kind: 'percentile', value: 50 } },
    types: [
      { type: 'loyal', label: '忠实型', strategy: '重点维护', rules: [{ join: 'and', field: 'purchase_months_3m', op: '>=', value: 3 }, { join: 'and', field: 'referrals_bought', op: '>=', value: 1 }] },
      { type: 'bargain', label: '羊毛型', strategy: '控制优惠成本', rules: [{ join: 'and', field: 'aov', op: '<', value: 50 }] },
      { type: 'needy', label: '需求型', strategy: '按需触达', rules: [{ join: 'and', field: 'repurchase_90d', op: '=', value: 0 }] },
      { type: 'low', label: '低需求', strategy: '低成本维护', rules: [{ join: 'or', field: 'purchases', op: '<=', value: 1 }] },
    ],
  };
}

describe('quadrant editor model', () => {
  it('round-trips a definition through the editor, every row with its own key', () => {
    const def = { ...defaultQuadrant(), mode: 'rule' as const };
    const editor = toEditor(def);
    expect(toDefinition(editor)).toEqual(def);
    const keys = [...editor.x.terms, ...editor.y.terms].map((t) => t.key).concat(editor.types.flatMap((t) => t.rules.map((r) => r.key)));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('moves a type up or down in priority and leaves the ends alone', () => {
    const editor = toEditor(defaultQuadrant());
    expect(editor.types.map((t) => t.type)).toEqual(['loyal', 'bargain', 'needy', 'low']);
    expect(moveType(editor, 2, -1).types.map((t) => t.type)).toEqual(['loyal', 'needy', 'bargain', 'low']);
    expect(moveType(editor, 0, 1).types.map((t) => t.type)).toEqual(['bargain', 'loyal', 'needy', 'low']);
    expect(moveType(editor, 0, -1)).toBe(editor);
    expect(moveType(editor, 3, 1)).toBe(editor);
  });

  it('edits one axis or one type without touching the rest', () => {
    const editor = toEditor(defaultQuadrant());
    const x = { ...editor.x, threshold: { kind: 'fixed' as const, value: 0.7 } };
    const edited = withType(withAxis(editor, 'x', x), 3, { label: '沉睡型' });
    const def = toDefinition(edited);
    expect(def.x.threshold).toEqual({ kind: 'fixed', value: 0.7 });
    expect(def.y).toEqual(defaultQuadrant().y);
    expect(def.types.map((t) => t.label)).toEqual(['忠实型', '羊毛型', '需求型', '沉睡型']);
  });

  it('flags thresholds and definitions the Node side would refuse', () => {
    expect(thresholdProblem({ kind: 'percentile', value: 100 })).toBeNull();
    expect(thresholdProblem({ kind: 'percentile', value: 100.5 })).toBe('百分位须在 0 到 100 之间');
    expect(thresholdProblem({ kind: 'fixed', value: -3 })).toBeNull();
    expect(thresholdProblem({ kind: 'fixed', value: Number.NaN })).toBe('阈值需要一个数字');
    const def = defaultQuadrant();
    expect(isDefinitionValid(def)).toBe(true);
    const bad = (patch: Partial<QuadrantDefinition>) => isDefinitionValid({ ...def, ...patch });
    expect(bad({ y: { ...def.y, threshold: { kind: 'percentile', value: -1 } } })).toBe(false);
    expect(bad({ types: def.types.map((t, i) => (i === 0 ? { ...t, label: '  ' } : t)) })).toBe(false);
    expect(bad({ types: def.types.map((t, i) => (i === 0 ? { ...t, rules: [{ join: 'and', field: 'repurchase_90d', op: '=', value: 2 }] } : t)) })).toBe(false);
  });

  it('describes the terms grid: feature labels, a number weight and the three normalisations', () => {
    const [feature, weight, normalise] = termColumns();
    expect(feature!.options!.find((o) => o.value === 'survey_score')!.label).toBe('满意度评分');
    expect(weight!.type).toBe('number');
    expect(normalise!.options!.map((o) => o.label)).toEqual(['原值', '最小-最大', '百分位']);
  });

  it('gives the people below each axis’s threshold out of everyone, and none where the axis has no threshold', () => {
    const r: QuadrantResult = {
      thresholdX: 0.5,
      thresholdY: null,
      total: 7,
      belowX: 3,
      belowY: null,
      emptyFeatures: [],
      counts: [],
      scatter: { kind: 'points', pids: [], names: [], x: [], y: [], type: [] },
    };
    expect(belowThreshold(r, 'x')).toEqual({ below: 3, total: 7 });
    expect(belowThreshold(r, 'y')).toBeNull();
  });

  it('shows values with at most four decimals', () => {
    expect(formatValue(0.123456)).toBe('0.1235');
    expect(formatValue(2)).toBe('2');
    expect(formatValue(null)).toBe('-');
  });
});
