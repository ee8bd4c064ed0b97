// Texts of 贡献度 (contribution score) in the app, the CLI and the readings of its results.
import type { ContributionBand, ContributionMetricId, ContributionNormalisation, ContributionRow, ContributionUnit } from '../contract';
import { localized } from './language';

/** At most one decimal. */
const one = (v: number): string => String(Number(v.toFixed(1)));

/** Labels of the metrics of the grid. */
export const contributionMetricLabels = localized({
  'zh-CN': {
    new_members: '入群人数',
    active_rate: '活跃率',
    churn_rate: '流失率（越低越好）',
    key_behaviour_rate: '关键行为率',
    conversion_rate: '转化率',
    gmv: 'GMV',
  } satisfies Record<ContributionMetricId, string>,
  en: {
    new_members: 'Members joined',
    active_rate: 'Active rate',
    churn_rate: 'Churn rate (lower is better)',
    key_behaviour_rate: 'Key-behaviour rate',
    conversion_rate: 'Conversion rate',
    gmv: 'GMV',
  },
});

/** Labels of who is scored. */
export const contributionUnitLabels = localized({
  'zh-CN': { staff: '员工', owner: '群主' } satisfies Record<ContributionUnit, string>,
  en: { staff: 'Staff', owner: 'Group owner' },
});

/** Labels of the normalisations. */
export const contributionNormaliseLabels = localized({
  'zh-CN': { minmax: '最小–最大', percentile: '百分位' } satisfies Record<ContributionNormalisation, string>,
  en: { minmax: 'Min–max', percentile: 'Percentile' },
});

/** The best and worst parts of a score, as [metric, points, maxPoints]. */
function extremes(row: Omit<ContributionRow, 'reading'>) {
  const parts = row.parts.filter((p) => p.maxPoints > 0);
  if (parts.length === 0) return null;
  const share = (p: (typeof parts)[number]) => p.points / p.maxPoints;
  const best = parts.reduce((a, b) => (share(b) > share(a) ? b : a));
  const worst = parts.reduce((a, b) => (share(b) < share(a) ? b : a));
  return { best, worst };
}

/** Texts of the contribution score. */
export const contributionText = localized({
  'zh-CN': {
    rowReading: (row: Omit<ContributionRow, 'reading'>, units: number): string => {
      const head = `${row.unit} 得 ${one(row.score)} 分${row.band ? `（${row.band} 档）` : ''}，${units} 人中排第 ${row.rank}`;
      if (row.people === 0) return `${head}：名下还没有人，各项指标无从计算，得分只是占位，不代表表现差。`;
      const e = extremes(row);
      if (!e) return `${head}。`;
      const label = (m: ContributionMetricId) => contributionMetricLabels[m];
      const missing = row.parts.filter((p) => p.normalised === null).map((p) => label(p.metric));
      const best = `最强的是${label(e.best.metric)}（满分 ${one(e.best.maxPoints)} 分得 ${one(e.best.points)} 分）`;
      const worst =
        e.worst.metric === e.best.metric || e.worst.points >= e.worst.maxPoints
          ? '各项都在最前'
          : `最该补的是${label(e.worst.metric)}（满分 ${one(e.worst.maxPoints)} 分只得 ${one(e.worst.points)} 分）`;
      return `${head}：${best}，${worst}${missing.length ? `；${missing.join('、')}没有数据，按 0 分计` : ''}。`;
    },
    reading: (by: ContributionUnit, rows: ContributionRow[], bands: ContributionBand[]): string => {
      const who = contributionUnitLabels[by];
      if (rows.length === 0) {
        return by === 'owner' ? '没有可评分的群主：请先导入客户群列表（含群主），或检查所选的群。' : '没有可评分的员工：客户列表里没有“员工/跟进人”一栏，或所选的群里没有这些客户。';
      }
      if (rows.length === 1) return `只有 1 位${who}：每项指标都没有可比的人，归一化后都按满分计，得分没有比较意义。`;
      const counts = [...bands]
        .sort((a, b) => b.min - a.min)
        .map((b) => `${b.label} 档 ${rows.filter((r) => r.band === b.label).length} 人`)
        .join('、');
      const top = rows[0]!;
      const bottom = rows[rows.length - 1]!;
      return `共 ${rows.length} 位${who}，${counts}。最高 ${top.unit} ${one(top.score)} 分，最低 ${bottom.unit} ${one(bottom.score)} 分。得分是${who}之间的相对比较（各项指标在${who}之间归一化），表示谁做得更好、差在哪一项，不是绝对水平；先看低分者最弱的一项，向同一项得分最高的人取经。`;
    },
    /** The view. */
    title: '贡献度',
    intro: '按员工（客户列表的员工/跟进人）或群主（客户群列表），把各项指标在他们之间归一化到 0–1，按权重加权平均后乘 100 得到 0–100 分，再按评级档位给出等级。指标与客户360、A/B 对比同一口径。',
    by: '评分对象',
    metricsTitle: '指标与权重',
    bandsTitle: '评级档位',
    rankingTitle: '排名',
    partsTitle: '得分构成',
    save: '保存',
    saving: '正在保存…',
    saved: '已保存',
    unsaved: '有未保存的修改',
    revert: '放弃修改',
    running: '正在计算…',
    asOf: (d: string) => `统计截至 ${d}`,
    metricCols: { metric: '指标', enabled: '启用', normalise: '归一化', weight: '权重', share: '满分占比' },
    bandCols: { label: '等级', min: '最低分' },
    rankCols: { rank: '排名', unit: '名称', people: '人数', score: '得分', band: '等级' },
    weightProblem: '权重需为 0–1000 的数字',
    zeroWeights: '启用指标的权重合计为 0：至少给一项启用的指标一个大于 0 的权重',
    duplicateMetric: '这个指标已列出',
    bandMinProblem: '最低分需为 0–100 的数字',
    bandLabelProblem: '等级名称需为 1–20 个字',
    duplicateBand: '等级名称重复',
    noBands: '至少需要一个评级档位',
    invalid: '定义有误，结果暂停更新',
    points: (metric: string, points: string, max: string) => `${metric}：${points} / ${max} 分`,
    cliNoArgs: (v: string) => `contribution 命令不接受参数“${v}”`,
  },
  en: {
    rowReading: (row: Omit<ContributionRow, 'reading'>, units: number): string => {
      const head = `${row.unit} scores ${one(row.score)}${row.band ? ` (band ${row.band})` : ''}, rank ${row.rank} of ${units}`;
      if (row.people === 0) return `${head}: nobody is counted for them yet, so the score is a placeholder, not poor work.`;
      const e = extremes(row);
      if (!e) return `${head}.`;
      const label = (m: ContributionMetricId) => contributionMetricLabels[m];
      const worst = e.worst.points >= e.worst.maxPoints ? 'first on every metric' : `weakest: ${label(e.worst.metric)} (${one(e.worst.points)} of ${one(e.worst.maxPoints)} points)`;
      return `${head}: strongest ${label(e.best.metric)} (${one(e.best.points)} of ${one(e.best.maxPoints)} points), ${worst}.`;
    },
    reading: (by: ContributionUnit, rows: ContributionRow[], bands: ContributionBand[]): string => {
      const who = by === 'owner' ? 'group owners' : 'staff members';
      if (rows.length === 0) return by === 'owner' ? 'No group owners to score: import the customer group list (with owners).' : 'No staff to score: the customer list has no staff column, or none of its customers is in the chosen groups.';
      if (rows.length === 1) return 'Only one to score: with nobody to compare against, every metric normalises to full marks.';
      const counts = [...bands].sort((a, b) => b.min - a.min).map((b) => `${b.label}: ${rows.filter((r) => r.band === b.label).length}`).join(', ');
      return `${rows.length} ${who}; ${counts}. Scores compare them with each other (each metric is normalised across them); they show who does better and on what, not an absolute level.`;
    },
    title: 'Contribution',
    intro: 'Per staff member (the customer list\'s staff) or group owner (the customer group list): each metric normalised to 0–1 across them, the weighted mean × 100 gives a score of 0–100, and the bands give a rating. Figures as in Customer 360 and the A/B test.',
    by: 'Score',
    metricsTitle: 'Metrics and weights',
    bandsTitle: 'Rating bands',
    rankingTitle: 'Ranking',
    partsTitle: 'What each score is made of',
    save: 'Save',
    saving: 'Saving…',
    saved: 'Saved',
    unsaved: 'Unsaved changes',
    revert: 'Discard changes',
    running: 'Computing…',
    asOf: (d: string) => `As of ${d}`,
    metricCols: { metric: 'Metric', enabled: 'On', normalise: 'Normalisation', weight: 'Weight', share: 'Share of 100' },
    bandCols: { label: 'Band', min: 'Lowest score' },
    rankCols: { rank: 'Rank', unit: 'Name', people: 'People', score: 'Score', band: 'Band' },
    weightProblem: 'A weight is a number from 0 to 1000',
    zeroWeights: 'The enabled metrics\' weights sum to 0: give at least one enabled metric a weight above 0',
    duplicateMetric: 'This metric is already listed',
    bandMinProblem: 'The lowest score is a number from 0 to 100',
    bandLabelProblem: 'A band name has 1–20 characters',
    duplicateBand: 'Band name listed twice',
    noBands: 'At least one band is needed',
    invalid: 'The definition has problems; the result waits',
    points: (metric: string, points: string, max: string) => `${metric}: ${points} of ${max} points`,
    cliNoArgs: (v: string) => `contribution takes no argument "${v}"`,
  },
});
