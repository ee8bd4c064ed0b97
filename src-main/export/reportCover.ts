/**
 * The report's cover and metrics sheets (pure, from API answers): the project, scope and dates,
 * the key figures of the report period against the period before with 环比 and a one-line reading
 * each, then the metrics of every period of the trend with their charts.
 */
import type { DateRange, MetricsRow, ReportPeriod } from '../contract';
import { t } from '../locale/app';
import { reportText, type FigureKind } from '../locale/report';
import type { ReportFormat, ReportSheet, ReportTable } from './reportDocument';

/** What the cover says about the report. */
export interface CoverFacts {
  project: string;
  /** The groups of the scope; empty = all groups. */
  groups: string[];
  period: ReportPeriod;
  current: DateRange;
  previous: DateRange;
  /** The local day it was written, ISO. */
  generated: string;
}

/** The key figures of the cover, in order, each with how it reads. */
export const keyFigures = [
  { id: 'total_members', kind: 'count' },
  { id: 'new_members', kind: 'count' },
  { id: 'active_members', kind: 'count' },
  { id: 'active_rate', kind: 'rate' },
  { id: 'churned_members', kind: 'count' },
  { id: 'converted_members', kind: 'count' },
  { id: 'conversion_rate', kind: 'rate' },
  { id: 'gmv', kind: 'money' },
] as const satisfies readonly { id: keyof MetricsRow; kind: FigureKind }[];

/** The metric's label as the metrics view writes it. */
function metricLabel(id: (typeof keyFigures)[number]['id']): string {
  const col = t.metrics.col;
  return id === 'new_members' ? col.new_members('') : col[id];
}

const formatOf: Record<FigureKind, ReportFormat> = { count: 'count', rate: 'percent', money: 'money' };

/** 环比 in percent: (this − previous) ÷ previous; empty when the previous figure is 0 or unknown (DESIGN §4). */
export function change(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return ((current - previous) * 100) / previous;
}

/**
 * The key-figures table: `current` and `previous` are the metrics API's rows of the two periods.
 * 环比 of buyers and GMV is the API's own (converted_wow, gmv_wow); the others by the same rule.
 */
export function keyFiguresTable(period: ReportPeriod, current: MetricsRow | null, previous: MetricsRow | null): ReportTable {
  const text = reportText;
  const unit = text.unit[period];
  const rows = keyFigures.map(({ id, kind }) => {
    const now = current ? current[id] : null;
    const before = previous ? previous[id] : null;
    const wow = id === 'converted_members' ? (current?.converted_wow ?? null) : id === 'gmv' ? (current?.gmv_wow ?? null) : change(now, before);
    const format = formatOf[kind];
    return {
      metric: metricLabel(id),
      current: { value: now, format },
      previous: { value: before, format },
      change: wow,
      reading: text.reading(metricLabel(id), kind, now, before, unit),
    };
  });
  const cols = text.keyCols;
  return {
    caption: text.keyCaption(unit),
    columns: [
      { key: 'metric', header: cols.metric, format: 'text' },
      { key: 'current', header: cols.current, format: 'count' },
      { key: 'previous', header: cols.previous, format: 'count' },
      { key: 'change', header: cols.change, format: 'percent' },
      { key: 'reading', header: cols.reading, format: 'text' },
    ],
    rows,
  };
}

/** The cover sheet: key figures first (their header row is the frozen one), then what the report covers. */
export function coverSheet(facts: CoverFacts, current: MetricsRow | null, previous: MetricsRow | null): ReportSheet {
  const text = reportText;
  const cols = text.coverCols;
  const about: ReportTable = {
    caption: text.coverCaption,
    columns: [
      { key: 'project', header: cols.project, format: 'text' },
      { key: 'scope', header: cols.scope, format: 'text' },
      { key: 'period', header: cols.period, format: 'text' },
      { key: 'from', header: cols.from, format: 'date' },
      { key: 'to', header: cols.to, format: 'date' },
      { key: 'previousFrom', header: cols.previousFrom, format: 'date' },
      { key: 'previousTo', header: cols.previousTo, format: 'date' },
      { key: 'generated', header: cols.generated, format: 'date' },
    ],
    rows: [
      {
        project: facts.project,
        scope: facts.groups.length ? text.groupsList(facts.groups) : text.allGroups,
        period: text.periodName[facts.period],
        from: facts.current.from,
        to: facts.current.to,
        previousFrom: facts.previous.from,
        previousTo: facts.previous.to,
        generated: facts.generated,
      },
    ],
  };
  return {
    name: text.sheets.cover,
    note: text.title(facts.project, text.periodName[facts.period], facts.current.from, facts.current.to),
    tables: [keyFiguresTable(facts.period, current, previous), about],
    charts: [],
  };
}

/** The metrics sheet: one row per period of the trend, as the metrics API answers, with the members and the conversion charts. */
export function metricsSheet(period: ReportPeriod, rows: MetricsRow[]): ReportSheet {
  const text = reportText;
  const col = t.metrics.col;
  const categories = rows.map((r) => r.period_start);
  return {
    name: t.tabs.metrics,
    note: text.notes.metrics(text.unit[period]),
    tables: [
      {
        caption: text.captions.metrics,
        columns: [
          { key: 'period_start', header: text.cols.periodStart, format: 'date' },
          { key: 'period_end', header: text.cols.periodEnd, format: 'date' },
          { key: 'total_members', header: col.total_members, format: 'count' },
          { key: 'new_members', header: col.new_members(''), format: 'count' },
          { key: 'active_members', header: col.active_members, format: 'count' },
          { key: 'active_rate', header: col.active_rate, format: 'percent' },
          { key: 'churned_members', header: col.churned_members, format: 'count' },
          { key: 'converted_members', header: col.converted_members, format: 'count' },
          { key: 'conversion_rate', header: col.conversion_rate, format: 'percent' },
          { key: 'gmv', header: col.gmv, format: 'money' },
          { key: 'converted_wow', header: col.converted_wow, format: 'percent' },
          { key: 'gmv_wow', header: col.gmv_wow, format: 'percent' },
        ],
        rows: rows.map((r) => ({ ...r })),
      },
    ],
    charts: rows.length === 0 ? [] : [
      {
        title: text.charts.members,
        kind: 'line',
        categories,
        axes: [text.charts.axisPeople, text.charts.axisRate],
        series: [
          { name: col.total_members, values: rows.map((r) => r.total_members) },
          { name: col.new_members(''), values: rows.map((r) => r.new_members), kind: 'bar' },
          { name: col.active_members, values: rows.map((r) => r.active_members) },
          { name: col.churned_members, values: rows.map((r) => r.churned_members), kind: 'bar' },
        ],
      },
      {
        title: text.charts.conversion,
        kind: 'bar',
        categories,
        axes: [text.charts.axisPeople, text.charts.axisYuan],
        series: [
          { name: col.converted_members, values: rows.map((r) => r.converted_members) },
          { name: col.gmv, values: rows.map((r) => r.gmv), kind: 'line', onSecondAxis: true },
        ],
      },
    ],
  };
}
