// Columns and chart options of 相似人群 (the lookalike): plain functions, checked by unit tests.
import type { LookalikeCalibrationRow, LookalikeCoefficient, LookalikeFeature, LookalikePerson } from '../../../src-main/contract';
import { featureLabels } from '../../../src-main/locale/features';
import { lookalikeText } from '../../../src-main/locale/lookalike';
import type { ChartOption } from '../../components/chartTypes';
import type { GridColumn } from '../../components/gridTypes';
import { formatFigure, formatP } from './decisionFormat';

/** The features the view offers, in the contract's order (the renderer takes only types from the contract). */
export const offeredFeatures = ['messages', 'key_behaviours', 'tenure_days', 'referrals', 'referrals_bought', 'survey_score'] as const satisfies readonly LookalikeFeature[];

/** The features ticked on a first visit (the contract's defaultLookalikeFeatures). */
export const initialFeatures: readonly LookalikeFeature[] = ['messages', 'key_behaviours', 'tenure_days', 'referrals'];

/** A feature's label in the current language. */
export const featureLabel = (f: (typeof offeredFeatures)[number]): string => featureLabels[f];

const num = <R>(field: keyof R & string, headerName: string, digits: number, width = 110): GridColumn<R> => ({
  field,
  headerName,
  isNumeric: true,
  width,
  format: (v) => formatFigure(v as number | null, digits),
});

/** Columns of the coefficient table. */
export function coefficientColumns(): GridColumn<LookalikeCoefficient>[] {
  const c = lookalikeText.cols;
  return [
    { field: 'label', headerName: c.feature, width: 150 },
    num('oddsRatio', c.oddsRatio, 3),
    num('low', c.low, 3),
    num('high', c.high, 3),
    { field: 'p', headerName: c.p, isNumeric: true, width: 90, format: (v) => formatP(v as number | null) },
    num('coefficient', c.coefficient, 4, 140),
    num('se', c.se, 4),
    num('mean', c.mean, 2),
    num('sd', c.sd, 2),
  ];
}

/** Columns of the ranked list. */
export function personColumns(): GridColumn<LookalikePerson>[] {
  const c = lookalikeText.cols;
  return [
    num('rank', c.rank, 0, 70),
    { field: 'name', headerName: c.name, width: 140 },
    num('probability', c.probability, 1, 120),
    num('percentile', c.percentile, 1, 100),
    { field: 'channel', headerName: c.channel, width: 120 },
    { field: 'staff', headerName: c.staff, width: 100 },
    { field: 'groups', headerName: c.groups, width: 160 },
    { field: 'pid', headerName: c.pid, width: 200 },
  ];
}

/**
 * The forest chart: per feature its odds ratio (a dot) and 95% interval (a line), on a log axis
 * with the no-effect line at 1; features top to bottom in table order.
 */
export function forestOption(rows: readonly LookalikeCoefficient[]): ChartOption {
  const labels = rows.map((r) => r.label).reverse();
  const ordered = [...rows].reverse();
  const values = rows.flatMap((r) => [r.low, r.high, 1]).filter((v) => v > 0 && Number.isFinite(v));
  const min = Math.min(...values);
  const max = Math.max(...values);
  return {
    grid: { left: 130, right: 30, top: 20, bottom: 40 },
    tooltip: { trigger: 'item' },
    xAxis: {
      type: 'log',
      name: lookalikeText.chart.oddsRatio,
      nameLocation: 'middle',
      nameGap: 26,
      min: min / 1.2,
      max: max * 1.2,
      logBase: 10,
      // The ends fall where the intervals do: two significant digits, not 0.24382592588897084.
      axisLabel: { formatter: (v: number) => String(Number(v.toPrecision(2))) },
    },
    yAxis: { type: 'category', data: labels },
    series: [
      ...ordered.map((r, i) => ({
        type: 'line' as const,
        name: r.label,
        data: [[r.low, i], [r.high, i]],
        symbol: 'none',
        lineStyle: { width: 2, color: '#64748b' },
        tooltip: { show: false },
        silent: true,
      })),
      {
        type: 'scatter' as const,
        name: lookalikeText.cols.oddsRatio,
        data: ordered.map((r, i) => ({ value: [r.oddsRatio, i], name: `${r.label}: ${formatFigure(r.oddsRatio, 3)} (${formatFigure(r.low, 3)} ~ ${formatFigure(r.high, 3)})` })),
        symbolSize: 10,
        itemStyle: { color: '#2563eb' },
        markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#9ca3af' }, data: [{ xAxis: 1 }], label: { show: false } },
      },
    ],
  };
}

/** The calibration chart: predicted and observed conversion per decile of the held-out 30%. */
export function calibrationOption(rows: readonly LookalikeCalibrationRow[]): ChartOption {
  const t = lookalikeText.chart;
  return {
    grid: { left: 50, right: 20, top: 30, bottom: 40 },
    tooltip: { trigger: 'axis' },
    legend: { data: [t.predicted, t.observed] },
    xAxis: { type: 'category', data: rows.map((r) => String(r.decile)), name: lookalikeText.cols.decile, nameLocation: 'middle', nameGap: 26 },
    yAxis: { type: 'value', name: '%', axisLabel: { formatter: '{value}%' } },
    series: [
      { type: 'bar', name: t.predicted, data: rows.map((r) => Number(r.predicted.toFixed(2))), itemStyle: { color: '#93c5fd' } },
      { type: 'line', name: t.observed, data: rows.map((r) => Number(r.observed.toFixed(2))), itemStyle: { color: '#dc2626' } },
    ],
  };
}
