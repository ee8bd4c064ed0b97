import { describe, expect, it } from 'vitest';
import type { ContributionDefinition, ContributionResult } from '../../../../src-main/contract';
import {
  contributionChartOption,
  definitionProblem,
  isEditorValid,
  shareColumn,
  toDefinition,
  toEditor,
} from '../../../../src-renderer/views/decision/contributionModel';

/** The project default (src-main/db/definitionDefaults.ts, which the renderer's tests cannot import). */
const defaultContribution = (): ContributionDefinition => ({
  by: 'staff',
  metrics: [
    { metric: 'new_members', enabled: true, normalise: 'minmax', weight: 1 },
    { metric: 'active_rate', enabled: true, normalise: 'minmax', weight: 1 },
    { metric: 'churn_rate', enabled: true, normalise: 'minmax', weight: 1 },
    { metric: 'key_behaviour_rate', enabled: true, normalise: 'minmax', weight: 1 },
    { metric: 'conversion_rate', enabled: true, normalise: 'minmax', weight: 2 },
    { metric: 'gmv', enabled: true, normalise: 'percentile', weight: 2 },
  ],
  bands: [
    { label: 'A', min: 85 },
    { label: 'B', min: 70 },
    { label: 'C', min: 55 },
    { label: 'D', min: 0 },
  ],
});

const result: ContributionResult = {
  by: 'staff',
  asOf: '2026-05-01',
  metrics: ['new_members', 'gmv'],
  reading: '',
  rows: [
    {
      unit: '<img src=x onerror=alert(1)>',
      people: 3,
      score: 75,
      band: 'B',
      rank: 1,
      reading: '',
      parts: [
        { metric: 'new_members', value: 3, normalised: 1, points: 50, maxPoints: 50 },
        { metric: 'gmv', value: 10, normalised: 0.5, points: 25, maxPoints: 50 },
      ],
    },
    { unit: '乙', people: 1, score: 0, band: 'D', rank: 2, reading: '', parts: [
      { metric: 'new_members', value: 1, normalised: 0, points: 0, maxPoints: 50 },
      { metric: 'gmv', value: null, normalised: null, points: 0, maxPoints: 50 },
    ] },
  ],
};

describe('contribution view model', () => {
  it('stacks one bar series per enabled metric, best unit at the top, and escapes names in the tooltip', () => {
    const option = contributionChartOption(result);
    const series = option.series as { stack: string; data: number[] }[];
    expect(series.map((s) => s.stack)).toEqual(['score', 'score']);
    // ECharts draws categories bottom-up: the best is last.
    expect((option.yAxis as { data: string[] }).data).toEqual(['乙', '<img src=x onerror=alert(1)>']);
    expect(series.map((s) => s.data)).toEqual([[0, 50], [0, 25]]);
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    const html = formatter([{ dataIndex: 1 }]);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });

  it('flags enabled weights summing to 0, a repeated metric and a repeated band; the default is valid', () => {
    const e = toEditor(defaultContribution());
    expect(isEditorValid(e)).toBe(true);
    expect(toDefinition(e)).toEqual(defaultContribution());
    const zero = { ...e, metrics: e.metrics.map((m) => ({ ...m, weight: 0 })) };
    expect(definitionProblem(zero)).toContain('权重合计为 0');
    expect(isEditorValid(zero)).toBe(false);
    expect(isEditorValid({ ...e, metrics: [...e.metrics, { ...e.metrics[0]!, key: 'again' }] })).toBe(false);
    expect(isEditorValid({ ...e, bands: [...e.bands, { ...e.bands[0]!, key: 'again' }] })).toBe(false);
    expect(isEditorValid({ ...e, bands: [] })).toBe(false);
  });

  it('shows each enabled weight’s share of 100 points: with 新增 off, 1 of Σ 7 = 14.3, 2 of 7 = 28.6, the disabled row none', () => {
    const e = toEditor(defaultContribution());
    e.metrics[0] = { ...e.metrics[0]!, enabled: false };
    // Σ enabled = 1 + 1 + 1 + 2 + 2 = 7.
    const col = shareColumn(e.metrics);
    expect(e.metrics.map((m) => col.value(m))).toEqual(['-', '14.3', '14.3', '14.3', '28.6', '28.6']);
  });
});
