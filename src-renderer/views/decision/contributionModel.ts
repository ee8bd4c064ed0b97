// The 贡献度 editor (metric grid, band grid, who is scored) and the plain functions its view draws with.
import type {
  ContributionBand,
  ContributionDefinition,
  ContributionMetric,
  ContributionMetricId,
  ContributionResult,
  ContributionRow,
  ContributionUnit,
} from '../../../src-main/contract';
import { contributionMetricLabels, contributionNormaliseLabels, contributionText } from '../../../src-main/locale/contribution';
import type { ChartOption } from '../../components/chartTypes';
import type { DefinitionColumn } from '../../components/definitionGridTypes';
import type { GridColumn } from '../../components/gridTypes';
import { escapeHtml } from '../../components/escapeHtml';
import { formatFigure } from './decisionFormat';

/** The metric ids in grid order (the contract's list, repeated: the renderer imports types only). */
const metricIds: ContributionMetricId[] = ['new_members', 'active_rate', 'churn_rate', 'key_behaviour_rate', 'conversion_rate', 'gmv'];
const colors = ['#2f6fdb', '#07a35a', '#8e6bd8', '#f0a020', '#e5533d', '#0f9f9a'];

/** A metric grid row with a key that survives edits, moves and undo. */
export interface MetricRow extends ContributionMetric {
  key: string;
}
/** A band grid row. */
export interface BandRow extends ContributionBand {
  key: string;
}
/** What the view edits: the definition with keyed rows. */
export interface ContributionEditor {
  by: ContributionUnit;
  metrics: MetricRow[];
  bands: BandRow[];
}

let nextKey = 0;
const newKey = () => `c-${++nextKey}`;

/** The editor of a saved definition. */
export function toEditor(def: ContributionDefinition): ContributionEditor {
  return { by: def.by, metrics: def.metrics.map((m) => ({ ...m, key: newKey() })), bands: def.bands.map((b) => ({ ...b, key: newKey() })) };
}

/** The definition an editor stands for (keys dropped, band labels trimmed). */
export function toDefinition(e: ContributionEditor): ContributionDefinition {
  return {
    by: e.by,
    metrics: e.metrics.map(({ metric, enabled, normalise, weight }) => ({ metric, enabled, normalise, weight })),
    bands: e.bands.map(({ label, min }) => ({ label: label.trim(), min })),
  };
}

export const emptyEditor: ContributionEditor = { by: 'staff', metrics: [], bands: [] };

/** A fresh metric row (添加行, pasted rows): GMV, to be changed; a repeated metric is flagged on its cell. */
export const newMetricRow = (): MetricRow => ({ key: newKey(), metric: 'gmv', enabled: true, normalise: 'minmax', weight: 1 });
export const newBandRow = (): BandRow => ({ key: newKey(), label: '', min: 0 });

const enabledWeight = (rows: ContributionMetric[]) => rows.filter((m) => m.enabled).reduce((s, m) => s + (Number.isFinite(m.weight) ? m.weight : 0), 0);

function weightProblem(row: MetricRow): string | null {
  return Number.isFinite(row.weight) && row.weight >= 0 && row.weight <= 1000 ? null : contributionText.weightProblem;
}
function metricProblem(row: MetricRow, rows: MetricRow[]): string | null {
  return rows.find((r) => r.metric === row.metric) !== row ? contributionText.duplicateMetric : null;
}
function bandLabelProblem(row: BandRow, rows: BandRow[]): string | null {
  const label = row.label.trim();
  if (label.length < 1 || label.length > 20) return contributionText.bandLabelProblem;
  return rows.find((r) => r.label.trim() === label) !== row ? contributionText.duplicateBand : null;
}
function bandMinProblem(row: BandRow): string | null {
  return Number.isFinite(row.min) && row.min >= 0 && row.min <= 100 ? null : contributionText.bandMinProblem;
}

/** The problem of the whole definition (shown on the toolbar); null when none. */
export function definitionProblem(e: ContributionEditor): string | null {
  if (e.metrics.every((m) => weightProblem(m) === null) && !(enabledWeight(e.metrics) > 0)) return contributionText.zeroWeights;
  if (e.bands.length === 0) return contributionText.noBands;
  return null;
}

/** Whether the editor can be scored and saved: no problem on any cell or the whole. */
export function isEditorValid(e: ContributionEditor): boolean {
  return (
    definitionProblem(e) === null &&
    e.metrics.every((m) => weightProblem(m) === null && metricProblem(m, e.metrics) === null) &&
    e.bands.every((b) => bandLabelProblem(b, e.bands) === null && bandMinProblem(b) === null)
  );
}

/** The metric grid: 指标, 启用, 归一化, 权重; the share of 100 points each enabled weight gives is shown beside. */
export function metricColumns(): DefinitionColumn<MetricRow>[] {
  const c = contributionText.metricCols;
  return [
    { field: 'metric', headerName: c.metric, flex: 2, type: 'select', options: metricIds.map((m) => ({ value: m, label: contributionMetricLabels[m] })), validate: metricProblem },
    { field: 'enabled', headerName: c.enabled, width: 70, type: 'boolean' },
    {
      field: 'normalise',
      headerName: c.normalise,
      width: 120,
      type: 'select',
      options: (['minmax', 'percentile'] as const).map((v) => ({ value: v, label: contributionNormaliseLabels[v] })),
    },
    { field: 'weight', headerName: c.weight, width: 90, type: 'number', validate: weightProblem },
  ];
}

/** The read-only 满分占比 column: weight / Σ enabled weights × 100 points. */
export function shareColumn(rows: MetricRow[]) {
  const total = enabledWeight(rows);
  return {
    headerName: contributionText.metricCols.share,
    width: 100,
    testId: 'contribution-share',
    value: (row: MetricRow) => (row.enabled && total > 0 && weightProblem(row) === null ? formatFigure((row.weight / total) * 100, 1) : '-'),
  };
}

/** The band grid: 等级, 最低分. */
export function bandColumns(): DefinitionColumn<BandRow>[] {
  const c = contributionText.bandCols;
  return [
    { field: 'label', headerName: c.label, flex: 1, type: 'text', validate: bandLabelProblem },
    { field: 'min', headerName: c.min, width: 100, type: 'number', validate: bandMinProblem },
  ];
}

/** The ranking table. */
export function rankingColumns(): GridColumn<ContributionRow>[] {
  const c = contributionText.rankCols;
  return [
    { field: 'rank', headerName: c.rank, width: 70, isNumeric: true },
    { field: 'unit', headerName: c.unit, width: 130 },
    { field: 'people', headerName: c.people, width: 80, isNumeric: true },
    { field: 'score', headerName: c.score, width: 80, isNumeric: true, format: (v) => formatFigure(v as number, 1) },
    { field: 'band', headerName: c.band, width: 70, format: (v) => (v as string | null) ?? '-' },
  ];
}

/**
 * Each score as its per-metric parts, one horizontal stacked bar per unit (best at the top); the bars'
 * lengths are the scores. The tooltip is HTML: names come from the user's data, so they are escaped.
 */
export function contributionChartOption(result: ContributionResult): ChartOption {
  const rows = [...result.rows].reverse();
  return {
    color: colors,
    animation: false,
    legend: { top: 0, data: result.metrics.map((m) => contributionMetricLabels[m]) },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const items = Array.isArray(params) ? params : [params];
        const row = rows[items[0]?.dataIndex ?? -1];
        if (!row) return '';
        const lines = row.parts.map((p) => escapeHtml(contributionText.points(contributionMetricLabels[p.metric], formatFigure(p.points, 1), formatFigure(p.maxPoints, 1))));
        return [`<b>${escapeHtml(row.unit)}</b> ${formatFigure(row.score, 1)}${row.band ? ` (${escapeHtml(row.band)})` : ''}`, ...lines].join('<br/>');
      },
    },
    xAxis: { type: 'value', min: 0, max: 100 },
    yAxis: { type: 'category', data: rows.map((r) => r.unit), axisTick: { show: false } },
    series: result.metrics.map((m, i) => ({
      name: contributionMetricLabels[m],
      type: 'bar' as const,
      stack: 'score',
      barMaxWidth: 28,
      data: rows.map((r) => r.parts[i]?.points ?? 0),
    })),
  };
}
