/**
 * The report's analysis sheets (pure, from API answers): 漏斗, 流失, 渠道, 四象限, VVIP, 增长点,
 * A/B, 社群价值 and 贡献度, each a table or two with a chart. An analysis that could not be
 * computed (no path saved, no orders …) still gets its sheet, saying why, so the report is whole.
 */
import type {
  AbtestResult,
  ChannelRow,
  ChurnResult,
  CommunityEffectResult,
  ContributionResult,
  FunnelResult,
  GrowthPointsResult,
  QuadrantResult,
  Result,
  SavedAbtest,
  VvipResult,
} from '../contract';
import { t } from '../locale/app';
import { channelsText } from '../locale/channels';
import { breakdownKeys, churnStageText, churnText, churnWayText, tenureText } from '../locale/churn';
import { abMetricLabels, communityText, decisionViewText, verdictLabels } from '../locale/decision';
import { featureLabels, featuresText } from '../locale/features';
import { funnelText } from '../locale/funnel';
import { reportText } from '../locale/report';
import type { ReportChart, ReportColumn, ReportFormat, ReportSheet, ReportTable, ReportValue } from './reportDocument';

/** Most rows a chart shows (the table has them all). */
const CHART_ROWS = 15;
/** VVIPs listed by name in the report (the VVIP view's export has them all). */
export const REPORT_VVIP_ROWS = 100;

/** A sheet whose analysis failed: its name and why. */
function failedSheet(name: string, message: string): ReportSheet {
  return { name, note: reportText.notes.failed(message), tables: [], charts: [] };
}

/** The sheet of an analysis's answer, or the failure's. */
function sheetOf<T>(name: string, answer: Result<T>, build: (value: T) => ReportSheet): ReportSheet {
  return answer.ok ? build(answer.value) : failedSheet(name, answer.error.message);
}

const top = <T>(rows: T[]) => rows.slice(0, CHART_ROWS);

/** The columns of an estimate: the difference with its 95% interval, and the p-value. */
function estimateColumns(h: { difference: string; low: string; high: string; p: string }): ReportColumn[] {
  return [
    { key: 'difference', header: h.difference, format: 'decimal' },
    { key: 'low', header: h.low, format: 'decimal' },
    { key: 'high', header: h.high, format: 'decimal' },
    { key: 'p', header: h.p, format: 'pvalue' },
  ];
}

/** 漏斗 (period counts of the report period). */
export function funnelSheet(answer: Result<FunnelResult>): ReportSheet {
  const name = t.tabs.funnel;
  return sheetOf(name, answer, (f) => {
    const col = funnelText.col;
    const text = reportText.cols;
    return {
      name,
      note: reportText.notes.funnel,
      tables: [
        {
          caption: reportText.captions.funnel,
          columns: [
            { key: 'name', header: col.name, format: 'text' },
            { key: 'count', header: col.count, format: 'count' },
            { key: 'step', header: text.stepRate, format: 'percent' },
            { key: 'overall', header: text.overallRate, format: 'percent' },
            { key: 'dropOff', header: col.dropOff, format: 'count' },
          ],
          rows: f.stages.map((s) => ({ name: s.name, count: s.count, step: s.step.rate, overall: s.overall.rate, dropOff: s.dropOff })),
        },
      ],
      charts: [{ title: reportText.charts.funnel, kind: 'bar', isHorizontal: true, categories: f.stages.map((s) => s.name), series: [{ name: col.count, values: f.stages.map((s) => s.count) }] }],
    };
  });
}

/** The label of a churn breakdown value (ways, stages and tenure buckets are ids). */
function breakdownLabel(key: (typeof breakdownKeys)[number], value: string): string {
  if (key === 'how') return (churnWayText as Record<string, string>)[value] ?? value;
  if (key === 'stage') return (churnStageText as Record<string, string>)[value] ?? value;
  if (key === 'tenure') return tenureText[value] ?? value;
  return value;
}

/** 流失 (the report period): the people and rate, then each breakdown. */
export function churnSheet(answer: Result<ChurnResult>): ReportSheet {
  const name = t.tabs.churn;
  return sheetOf(name, answer, (c) => {
    const text = reportText;
    const breakdowns: ReportTable[] = breakdownKeys.map((key) => ({
      caption: text.captions.churnBreakdown(churnText.breakdown[key]),
      columns: [
        { key: 'value', header: churnText.breakdown[key], format: 'text' },
        { key: 'count', header: churnText.breakdownCount, format: 'count' },
        { key: 'share', header: churnText.breakdownShare, format: 'percent' },
      ],
      rows: c.breakdowns[key].map((b) => ({ value: breakdownLabel(key, b.value), count: b.count, share: b.share })),
    }));
    const chartOf = (key: 'how' | 'stage', title: string): ReportChart => {
      const rows = top(c.breakdowns[key]);
      return { title, kind: 'bar', isHorizontal: true, categories: rows.map((b) => breakdownLabel(key, b.value)), series: [{ name: churnText.breakdownCount, values: rows.map((b) => b.count) }] };
    };
    return {
      name,
      note: text.notes.churn,
      tables: [
        {
          caption: text.captions.churnSummary,
          columns: [
            { key: 'period_start', header: text.cols.periodStart, format: 'date' },
            { key: 'period_end', header: text.cols.periodEnd, format: 'date' },
            { key: 'churned', header: churnText.churned, format: 'count' },
            { key: 'members_before', header: churnText.membersBefore, format: 'count' },
            { key: 'churn_rate', header: churnText.churnRate, format: 'percent' },
          ],
          rows: c.series.map((s) => ({ ...s })),
        },
        ...breakdowns,
      ],
      charts: c.eventCount === 0 ? [] : [chartOf('how', text.charts.churnHow), chartOf('stage', text.charts.churnStage)],
    };
  });
}

/** 渠道 (customers added in the report period). */
export function channelsSheet(answer: Result<ChannelRow[]>): ReportSheet {
  const name = t.tabs.channels;
  return sheetOf(name, answer, (rows) => {
    const col = channelsText.col;
    const shown = top(rows);
    return {
      name,
      note: reportText.notes.channels,
      tables: [
        {
          caption: reportText.captions.channels,
          columns: [
            { key: 'channel', header: col.channel, format: 'text' },
            { key: 'added', header: col.added, format: 'count' },
            { key: 'joined', header: col.joined, format: 'count' },
            { key: 'active', header: col.active, format: 'count' },
            { key: 'converted', header: col.converted, format: 'count' },
            { key: 'gmv', header: col.gmv, format: 'money' },
            { key: 'churned', header: col.churned, format: 'count' },
            { key: 'cost', header: col.cost, format: 'money' },
            { key: 'cost_per_acquisition', header: col.cost_per_acquisition, format: 'money' },
            { key: 'cost_per_conversion', header: col.cost_per_conversion, format: 'money' },
            { key: 'roi', header: col.roi, format: 'percent' },
          ],
          rows: rows.map((r) => ({ ...r })),
        },
      ],
      charts: rows.length === 0 ? [] : [
        {
          title: reportText.charts.channels,
          kind: 'bar',
          isHorizontal: true,
          categories: shown.map((r) => r.channel),
          series: [
            { name: col.added, values: shown.map((r) => r.added) },
            { name: col.converted, values: shown.map((r) => r.converted) },
          ],
        },
      ],
    };
  });
}

/** 四象限: people per type. */
export function quadrantSheet(answer: Result<Pick<QuadrantResult, 'counts'>>): ReportSheet {
  const name = t.tabs.quadrant;
  return sheetOf(name, answer, (q) => ({
    name,
    note: reportText.notes.quadrant,
    tables: [
      {
        caption: reportText.captions.quadrant,
        columns: [
          { key: 'label', header: reportText.cols.type, format: 'text' },
          { key: 'count', header: reportText.cols.value, format: 'count' },
          { key: 'share', header: reportText.cols.share, format: 'percent' },
        ],
        rows: q.counts.map((c) => ({ label: c.label, count: c.count, share: c.share })),
      },
    ],
    charts: [{ title: reportText.charts.quadrant, kind: 'bar', categories: q.counts.map((c) => c.label), series: [{ name: reportText.cols.value, values: q.counts.map((c) => c.count) }] }],
  }));
}

/** VVIP: the summary figures and the top VVIPs by GMV. */
export function vvipSheet(answer: Result<VvipResult>): ReportSheet {
  const name = t.tabs.vvip;
  return sheetOf(name, answer, (v) => {
    const f = reportText.figures;
    const cols = reportText.cols;
    const people = v.people.slice(0, REPORT_VVIP_ROWS);
    return {
      name,
      note: reportText.notes.vvip,
      tables: [
        {
          caption: reportText.captions.vvipSummary,
          columns: [
            { key: 'figure', header: cols.figure, format: 'text' },
            { key: 'value', header: cols.amount, format: 'count' },
          ],
          rows: [
            { figure: f.vvipCount, value: v.count },
            { figure: f.totalPeople, value: v.total_people },
            { figure: f.peopleShare, value: { value: v.total_people === 0 ? null : (v.count * 100) / v.total_people, format: 'percent' } },
            { figure: f.vvipGmv, value: { value: v.gmv, format: 'money' } },
            { figure: f.totalGmv, value: { value: v.total_gmv, format: 'money' } },
            { figure: f.gmvShare, value: { value: v.gmv_share, format: 'percent' } },
          ],
        },
        {
          caption: reportText.captions.vvipList(people.length),
          columns: [
            { key: 'pid', header: featuresText.columns.pid, format: 'text' },
            { key: 'name', header: featuresText.columns.name, format: 'text' },
            { key: 'channel', header: featuresText.columns.channel, format: 'text' },
            { key: 'purchases', header: featureLabels.purchases, format: 'count' },
            { key: 'gmv', header: featureLabels.gmv, format: 'money' },
            { key: 'last_purchase', header: featuresText.columns.last_purchase, format: 'date' },
          ],
          rows: people.map((p) => ({ pid: p.pid, name: p.name, channel: p.channel, purchases: p.purchases, gmv: p.gmv, last_purchase: p.last_purchase })),
        },
      ],
      charts: [{ title: reportText.charts.vvip, kind: 'bar', categories: [f.vvipGmv, f.others], series: [{ name: f.gmv, values: [v.gmv, Math.max(0, v.total_gmv - v.gmv)] }] }],
    };
  });
}

/** 增长点: the buyers and GMV of both periods, then the findings, largest first. */
export function growthSheet(answer: Result<GrowthPointsResult>): ReportSheet {
  const name = t.tabs.growth;
  return sheetOf(name, answer, (g) => {
    const cols = reportText.cols;
    const f = reportText.figures;
    const shown = top(g.findings.filter((x) => x.yuan !== null));
    return {
      name,
      note: `${reportText.notes.growth} ${g.reading}`,
      tables: [
        {
          caption: reportText.captions.growthTotals,
          columns: [
            { key: 'figure', header: cols.figure, format: 'text' },
            { key: 'previous', header: cols.previous, format: 'count' },
            { key: 'current', header: cols.current, format: 'count' },
          ],
          rows: [
            { figure: f.converted, previous: g.totals.converted0, current: g.totals.converted1 },
            { figure: f.gmv, previous: { value: g.totals.gmv0, format: 'money' }, current: { value: g.totals.gmv1, format: 'money' } },
          ],
        },
        {
          caption: reportText.captions.growthFindings,
          columns: [
            { key: 'title', header: cols.title, format: 'text' },
            { key: 'people', header: cols.people, format: 'count' },
            { key: 'yuan', header: cols.yuan, format: 'money' },
            { key: 'explanation', header: cols.explanation, format: 'text' },
          ],
          rows: g.findings.map((x) => ({ title: x.title, people: x.people, yuan: x.yuan, explanation: x.explanation })),
        },
      ],
      charts: shown.length === 0 ? [] : [{ title: reportText.charts.growth, kind: 'bar', isHorizontal: true, categories: shown.map((x) => x.title), series: [{ name: cols.yuan, values: shown.map((x) => x.yuan) }] }],
    };
  });
}

/** A saved A/B comparison and its answer on the current data. */
export interface SavedAbtestAnswer {
  saved: SavedAbtest;
  answer: Result<AbtestResult>;
}

/** A/B 对比: one row per saved comparison (a failed one says why in its reading). */
export function abtestSheet(answer: Result<SavedAbtestAnswer[]>): ReportSheet {
  const name = reportText.sheets.abtest;
  return sheetOf(name, answer, (tests) => {
    const cols = reportText.cols;
    const ok = tests.flatMap((x) => (x.answer.ok ? [{ name: x.saved.name, r: x.answer.value }] : []));
    // Rates and means per person do not share an axis: the chart shows the rates when there are any.
    const charted = top(ok.some((x) => x.r.kind === 'rate') ? ok.filter((x) => x.r.kind === 'rate') : ok);
    return {
      name,
      note: tests.length === 0 ? `${reportText.notes.abtest} ${decisionViewText.noSaved}` : reportText.notes.abtest,
      tables: [
        {
          caption: reportText.captions.abtests,
          columns: [
            { key: 'name', header: cols.name, format: 'text' },
            { key: 'metric', header: cols.metric, format: 'text' },
            { key: 'armA', header: cols.armA, format: 'text' },
            { key: 'nA', header: cols.nA, format: 'count' },
            { key: 'valueA', header: cols.valueA, format: 'decimal' },
            { key: 'armB', header: cols.armB, format: 'text' },
            { key: 'nB', header: cols.nB, format: 'count' },
            { key: 'valueB', header: cols.valueB, format: 'decimal' },
            ...estimateColumns(cols),
            { key: 'verdict', header: cols.verdict, format: 'text' },
            { key: 'reading', header: cols.reading, format: 'text' },
          ],
          rows: tests.map(({ saved, answer: a }): Record<string, ReportValue> => {
            if (!a.ok) return { name: saved.name, metric: abMetricLabels[saved.request.metric], reading: reportText.notes.failed(a.error.message) };
            const r = a.value;
            // Rates in percent (their difference in points), means per person as they are.
            const fmt: ReportFormat = r.kind === 'rate' ? 'percent' : 'decimal';
            const diffFmt: ReportFormat = r.kind === 'rate' ? 'points' : 'decimal';
            return {
              name: saved.name,
              metric: abMetricLabels[r.metric],
              armA: r.a.label,
              nA: r.a.n,
              valueA: { value: r.a.value, format: fmt },
              armB: r.b.label,
              nB: r.b.n,
              valueB: { value: r.b.value, format: fmt },
              difference: { value: r.difference, format: diffFmt },
              low: { value: r.low, format: diffFmt },
              high: { value: r.high, format: diffFmt },
              p: r.p,
              verdict: verdictLabels[r.verdict],
              reading: r.reading,
            };
          }),
        },
      ],
      charts: charted.length === 0 ? [] : [
        {
          title: reportText.charts.abtest,
          kind: 'bar',
          categories: charted.map((x) => x.name),
          series: [
            { name: cols.valueA, values: charted.map((x) => x.r.a.value) },
            { name: cols.valueB, values: charted.map((x) => x.r.b.value) },
          ],
        },
      ],
    };
  });
}

/** 社群价值: members against non-members, and members before and after joining. */
export function communitySheet(answer: Result<CommunityEffectResult>): ReportSheet {
  const name = t.tabs.community;
  return sheetOf(name, answer, (c) => {
    const cols = decisionViewText.effectCols;
    const ba = c.beforeAfter;
    const formatOf = (metric: CommunityEffectResult['rows'][number]['metric']): ReportFormat => (metric === 'repurchase_rate' ? 'percent' : metric === 'aov' ? 'money' : 'decimal');
    const diffFormatOf = (metric: CommunityEffectResult['rows'][number]['metric']): ReportFormat => (metric === 'repurchase_rate' ? 'points' : metric === 'aov' ? 'money' : 'decimal');
    return {
      name,
      note: `${reportText.notes.community} ${c.reading}`,
      tables: [
        {
          caption: reportText.captions.communityRows,
          columns: [
            { key: 'metric', header: cols.metric, format: 'text' },
            { key: 'members', header: cols.members, format: 'decimal' },
            { key: 'nonMembers', header: cols.nonMembers, format: 'decimal' },
            ...estimateColumns(cols),
          ],
          rows: c.rows.map((r) => ({
            metric: communityText.metrics[r.metric],
            members: { value: r.members, format: formatOf(r.metric) },
            nonMembers: { value: r.nonMembers, format: formatOf(r.metric) },
            difference: { value: r.difference, format: diffFormatOf(r.metric) },
            low: { value: r.low, format: diffFormatOf(r.metric) },
            high: { value: r.high, format: diffFormatOf(r.metric) },
            p: r.p,
          })),
        },
        {
          caption: reportText.captions.communityBeforeAfter,
          columns: [
            { key: 'members', header: reportText.cols.members, format: 'count' },
            { key: 'before', header: reportText.cols.before, format: 'decimal' },
            { key: 'after', header: reportText.cols.after, format: 'decimal' },
            ...estimateColumns(cols),
          ],
          rows: [{ ...ba }],
        },
      ],
      charts: ba.members === 0 ? [] : [
        { title: reportText.charts.community, kind: 'bar', categories: [reportText.cols.before, reportText.cols.after], series: [{ name: reportText.cols.members, values: [ba.before, ba.after] }] },
      ],
    };
  });
}

/** 贡献度: the ranking with each score's reading. */
export function contributionSheet(answer: Result<ContributionResult>): ReportSheet {
  const name = t.tabs.contribution;
  return sheetOf(name, answer, (c) => {
    const cols = reportText.cols;
    const shown = top(c.rows);
    return {
      name,
      note: `${reportText.notes.contribution} ${c.reading}`,
      tables: [
        {
          caption: reportText.captions.contribution,
          columns: [
            { key: 'rank', header: cols.rank, format: 'count' },
            { key: 'unit', header: cols.unit, format: 'text' },
            { key: 'people', header: cols.people, format: 'count' },
            { key: 'score', header: cols.score, format: 'decimal' },
            { key: 'band', header: cols.band, format: 'text' },
            { key: 'reading', header: cols.reading, format: 'text' },
          ],
          rows: c.rows.map((r) => ({ rank: r.rank, unit: r.unit, people: r.people, score: r.score, band: r.band, reading: r.reading })),
        },
      ],
      charts: shown.length === 0 ? [] : [{ title: reportText.charts.contribution, kind: 'bar', isHorizontal: true, categories: shown.map((r) => r.unit), series: [{ name: cols.score, values: shown.map((r) => r.score) }] }],
    };
  });
}
