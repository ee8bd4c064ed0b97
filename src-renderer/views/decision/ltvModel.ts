// The plain functions the LTV / CAC view draws with.
import type { LtvChannel, LtvCohort } from '../../../src-main/contract';
import { ltvText } from '../../../src-main/locale/roi';
import type { ChartOption } from '../../components/chartTypes';
import type { GridColumn } from '../../components/gridTypes';
import { figureColumn, formatFigure } from './decisionFormat';

const MONTHS = 12;
const months = Array.from({ length: MONTHS }, (_, i) => String(i + 1));

/** A cohort row of the grid: the cohort with its curve spread over month columns. */
export type CohortRow = Omit<LtvCohort, 'curve'> & { key: string } & Record<`m${number}`, number | null>;

/** The columns of the channel grid. */
export function channelColumns(): GridColumn<LtvChannel>[] {
  const c = ltvText.columns;
  const num = figureColumn<LtvChannel>;
  return [
    { field: 'channel', headerName: c.channel, width: 130, isPinned: true },
    num('acquired', c.acquired, 0),
    num('cost', c.cost),
    num('cac', c.cac),
    num('ltv3', c.ltv3),
    num('ltv6', c.ltv6),
    num('ltv12', c.ltv12),
    num('ltvCac3', c.ltvCac3),
    num('ltvCac6', c.ltvCac6),
    num('ltvCac12', c.ltvCac12),
    num('paybackMonth', c.paybackMonth, 0),
  ];
}

/** The cohort rows of one channel. */
export function cohortRows(cohorts: LtvCohort[], channel: string): CohortRow[] {
  return cohorts
    .filter((c) => c.channel === channel)
    .map((c) => {
      const row: Record<string, unknown> = { key: `${c.channel}|${c.month}`, channel: c.channel, month: c.month, acquired: c.acquired };
      for (let m = 1; m <= MONTHS; m++) row[`m${m}`] = c.curve[m - 1] ?? null;
      return row as CohortRow;
    });
}

/** The columns of the cohort grid: the month added, people, then cumulative GMV per person by month. */
export function cohortColumns(): GridColumn<CohortRow>[] {
  const c = ltvText.columns;
  return [
    { field: 'month', headerName: c.month, width: 100, isPinned: true },
    { field: 'acquired', headerName: c.acquired, width: 90, isNumeric: true },
    ...months.map((m): GridColumn<CohortRow> => ({ field: `m${m}` as `m${number}`, headerName: m, width: 80, isNumeric: true, format: (v) => formatFigure(v as number | null) })),
  ];
}

/** Cumulative LTV per person by month, a line per channel, the channel's CAC as a dashed line of the same series. */
export function curvesOption(channels: LtvChannel[]): ChartOption {
  return monthLines(channels.map((ch) => ({ name: ch.channel, data: ch.curve, cac: ch.cac })));
}

/** Lines over months 1…12, each with a dashed CAC line when it has a CAC above 0. */
function monthLines(lines: { name: string; data: (number | null)[]; cac: number | null }[]): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 60, right: 20, top: 36, bottom: 36 },
    xAxis: { type: 'category', name: ltvText.monthAxis, nameLocation: 'middle', nameGap: 24, data: months },
    yAxis: { type: 'value' },
    series: lines.map((l) => ({
      type: 'line',
      name: l.name,
      data: l.data,
      ...(l.cac !== null && l.cac > 0 ? { markLine: { symbol: 'none', lineStyle: { type: 'dashed' }, label: { formatter: `${ltvText.cac} ${formatFigure(l.cac)}` }, data: [{ yAxis: l.cac }] } } : {}),
    })),
  };
}

/** The cohort curves of one channel, a line per month added, the channel's CAC dashed. */
export function cohortOption(rows: LtvCohort[], cac: number | null): ChartOption {
  return monthLines(rows.map((c, i) => ({ name: c.month, data: c.curve, cac: i === 0 ? cac : null })));
}
