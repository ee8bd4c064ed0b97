// Texts of decision support (决策支持): the A/B comparison and the community effect, in the app, the CLI and the exports.
import type { AbArm, AbMetric, AbtestResult, CommunityEffectResult, EffectRow } from '../contract';
import { localized } from './language';

/** A number as a person reads it: at most two decimals. */
const num = (v: number | null, digits = 2): string => (v === null ? '-' : String(Number(v.toFixed(digits))));
/** A p-value: below 0.001 as “< 0.001”. */
const pValue = (p: number | null): string => (p === null ? '-' : p < 0.001 ? '< 0.001' : num(p, 3));

/** Labels of the A/B metrics. */
export const abMetricLabels = localized({
  'zh-CN': {
    conversion: '转化率',
    active: '活跃率',
    behaviour: '关键行为率',
    retention: '第 N 周留存率',
    gmv: '人均 GMV',
    messages: '人均消息数',
  } satisfies Record<AbMetric, string>,
  en: { conversion: 'conversion rate', active: 'active rate', behaviour: 'key-behaviour rate', retention: 'week-N retention', gmv: 'GMV per person', messages: 'messages per person' },
});

/** Labels of the verdicts. */
export const verdictLabels = localized({
  'zh-CN': { significant: '显著', not_significant: '不显著', insufficient: '样本不足' } satisfies Record<AbtestResult['verdict'], string>,
  en: { significant: 'significant', not_significant: 'not significant', insufficient: 'too few people' },
});

/** Texts of the A/B comparison. */
export const abtestText = localized({
  'zh-CN': {
    armLabel: (arm: AbArm): string => {
      switch (arm.kind) {
        case 'group': return `群“${arm.value}”`;
        case 'staff': return `员工“${arm.value}”`;
        case 'channel': return `渠道“${arm.value}”`;
        case 'tag': return `标签“${arm.value}”`;
        case 'joinWeek': return `${arm.from} 当周入群`;
        case 'period': return `${arm.from} 至 ${arm.to}`;
      }
    },
    noBehaviour: (id: string) => `没有启用的关键行为“${id}”`,
    noRetentionForPeriods: '第 N 周留存按入群批次计算，不能用于两个日期区间；请改用入群周或其他分组',
    /** The plain reading of a result. */
    reading: (r: AbtestResult, metricLabel: string): string => {
      const unit = r.kind === 'rate' ? '%' : '';
      const diffUnit = r.kind === 'rate' ? ' 个百分点' : '';
      const head = `${r.a.label}的${metricLabel}为 ${num(r.a.value)}${unit}（${r.a.n} 人），${r.b.label}为 ${num(r.b.value)}${unit}（${r.b.n} 人）`;
      if (r.difference === null) return `${head}：有一组没有人，无法比较。`;
      const direction = r.difference > 0 ? '高' : r.difference < 0 ? '低' : '相同，差';
      const diff = `，A 比 B ${direction} ${num(Math.abs(r.difference))}${diffUnit}（95% 区间 ${num(r.low)} ~ ${num(r.high)}），p = ${pValue(r.p)}`;
      const smaller = Math.min(r.a.n, r.b.n);
      switch (r.verdict) {
        case 'significant':
          return `${head}${diff}。差异显著：这么大的差距不太可能是偶然，可以据此调整策略，把做得好的一组的做法推广开。`;
        case 'insufficient':
          return `${head}${diff}。样本不足：要以 80% 的把握发现这么大的差异，每组约需 ${r.requiredPerArm ?? '-'} 人，而较小的一组只有 ${smaller} 人；先别下结论，继续积累数据或扩大两组再比。`;
        case 'not_significant':
          return r.requiredPerArm === null
            ? `${head}${diff}。差异不显著：两组的数值相同，看不出差别。`
            : `${head}${diff}。差异不显著：两组人数已足够发现这么大的差异，却看不出真正的差别；两种做法的效果可以视为相当。`;
      }
    },
  },
  en: {
    armLabel: (arm: AbArm): string => {
      switch (arm.kind) {
        case 'group': return `group "${arm.value}"`;
        case 'staff': return `staff "${arm.value}"`;
        case 'channel': return `channel "${arm.value}"`;
        case 'tag': return `tag "${arm.value}"`;
        case 'joinWeek': return `joined in the week of ${arm.from}`;
        case 'period': return `${arm.from} to ${arm.to}`;
      }
    },
    noBehaviour: (id: string) => `No enabled key behaviour "${id}"`,
    noRetentionForPeriods: 'Week-N retention follows join cohorts and cannot compare two date ranges; use join weeks or another split',
    reading: (r: AbtestResult, metricLabel: string): string => {
      const unit = r.kind === 'rate' ? '%' : '';
      const head = `${metricLabel}: ${r.a.label} ${num(r.a.value)}${unit} (${r.a.n} people), ${r.b.label} ${num(r.b.value)}${unit} (${r.b.n} people)`;
      if (r.difference === null) return `${head}: an arm has nobody, nothing to compare.`;
      const diff = `; A − B = ${num(r.difference)}${r.kind === 'rate' ? ' points' : ''} (95% interval ${num(r.low)} to ${num(r.high)}), p = ${pValue(r.p)}`;
      switch (r.verdict) {
        case 'significant':
          return `${head}${diff}. Significant: a gap this large is unlikely to be chance; act on it.`;
        case 'insufficient':
          return `${head}${diff}. Too few people: detecting a difference this size with 80% power needs about ${r.requiredPerArm ?? '-'} per arm, the smaller arm has ${Math.min(r.a.n, r.b.n)}; gather more data before deciding.`;
        case 'not_significant':
          return r.requiredPerArm === null
            ? `${head}${diff}. Not significant: the arms show the same value.`
            : `${head}${diff}. Not significant: the arms are large enough to detect a difference this size and show none; treat them as equal.`;
      }
    },
  },
});

const fmt = (v: number | null, digits = 2): string => (v === null ? '-' : String(Number(v.toFixed(digits))));
const isSignificant = (p: number | null) => p !== null && p < 0.05;

/** Texts of the community effect. */
export const communityText = localized({
  'zh-CN': {
    metrics: { repurchase_rate: '90 天复购率', aov: '客单价', orders_per_buyer: '人均订单数' } satisfies Record<EffectRow['metric'], string>,
    reading: (r: CommunityEffectResult): string => {
      const [rep, aov, orders] = r.rows as [EffectRow, EffectRow, EffectRow];
      if (r.memberBuyers === 0 || r.nonMemberBuyers === 0) {
        return `社群成员买家 ${r.memberBuyers} 人，未入群买家 ${r.nonMemberBuyers} 人：需要两边都有买家才能比较社群的作用。`;
      }
      const parts = [
        `社群成员买家 ${r.memberBuyers} 人、未入群买家 ${r.nonMemberBuyers} 人。`,
        `90 天复购率 ${fmt(rep.members)}% 对 ${fmt(rep.nonMembers)}%（差 ${fmt(rep.difference)} 个百分点，95% 区间 ${fmt(rep.low)} ~ ${fmt(rep.high)}）${isSignificant(rep.p) ? '，差异显著' : '，差异不显著'}；`,
        `客单价 ¥${fmt(aov.members)} 对 ¥${fmt(aov.nonMembers)}${isSignificant(aov.p) ? '（显著）' : '（不显著）'}；人均订单 ${fmt(orders.members)} 对 ${fmt(orders.nonMembers)}${isSignificant(orders.p) ? '（显著）' : '（不显著）'}。`,
      ];
      const ba = r.beforeAfter;
      if (ba.members > 1) {
        parts.push(`入群前后可比的成员 ${ba.members} 人：每 30 天付费订单由 ${fmt(ba.before)} 变为 ${fmt(ba.after)}${isSignificant(ba.p) ? '，变化显著' : '，变化不显著'}。`);
      }
      parts.push(
        isSignificant(rep.p) && (rep.difference ?? 0) > 0
          ? '社群成员复购明显更多：值得把买家引导进群。'
          : '成员与非成员的差别还不明确：这是观察数据，入群的人本来可能就更爱买，结论需谨慎。',
      );
      return parts.join('');
    },
  },
  en: {
    metrics: { repurchase_rate: '90-day repurchase rate', aov: 'average order value', orders_per_buyer: 'orders per buyer' },
    reading: (r: CommunityEffectResult): string => {
      const [rep] = r.rows as [EffectRow];
      if (r.memberBuyers === 0 || r.nonMemberBuyers === 0) return `${r.memberBuyers} member buyers, ${r.nonMemberBuyers} non-member buyers: both are needed to compare.`;
      return `${r.memberBuyers} member buyers, ${r.nonMemberBuyers} who never joined. 90-day repurchase ${fmt(rep.members)}% vs ${fmt(rep.nonMembers)}% (difference ${fmt(rep.difference)} points, 95% interval ${fmt(rep.low)} to ${fmt(rep.high)}), ${isSignificant(rep.p) ? 'significant' : 'not significant'}. Observational data: people who join may buy more anyway.`;
    },
  },
});

/** Texts of the 决策 views. */
export const decisionViewText = localized({
  'zh-CN': {
    armKinds: { group: '群', staff: '员工', channel: '渠道', tag: '标签', joinWeek: '入群周', period: '日期区间' } satisfies Record<AbArm['kind'], string>,
    armA: 'A 组',
    armB: 'B 组',
    value: '名称',
    from: '开始',
    to: '结束',
    metric: '比较指标',
    behaviour: '关键行为 id',
    weeks: '第 N 周',
    run: '开始比较',
    running: '正在计算…',
    save: '保存对比',
    saveName: '对比名称',
    saved: '已保存的对比',
    noSaved: '还没有保存的对比',
    remove: '删除',
    load: '载入',
    verdict: '结论',
    cols: { label: '组', n: '人数', successes: '达成人数', value: '数值', low: '95% 下限', high: '95% 上限' },
    difference: (d: string, low: string, high: string) => `A − B = ${d}（95% 区间 ${low} ~ ${high}）`,
    pLine: (test: string, p: string, required: string) => `检验：${test}，p = ${p}；80% 把握所需每组人数：${required}`,
    tests: { z: '两比例 z 检验', fisher: 'Fisher 精确检验', welch: 'Welch t 检验' },
    communityTitle: '社群价值',
    communityIntro: '买家中，社群成员与从未入群的买家相比：90 天复购率、客单价、人均订单数；以及成员入群前后 90 天每 30 天的付费订单数。',
    effectCols: { metric: '指标', members: '社群成员', nonMembers: '未入群', difference: '差值', low: '95% 下限', high: '95% 上限', p: 'p 值' },
    beforeAfter: (n: number, before: string, after: string, low: string, high: string) =>
      `入群前后可比的成员 ${n} 人：每 30 天付费订单 入群前 ${before} → 入群后 ${after}（差值 95% 区间 ${low} ~ ${high}）`,
  },
  en: {
    armKinds: { group: 'Group', staff: 'Staff', channel: 'Channel', tag: 'Tag', joinWeek: 'Join week', period: 'Date range' },
    armA: 'Arm A',
    armB: 'Arm B',
    value: 'Name',
    from: 'From',
    to: 'To',
    metric: 'Compare on',
    behaviour: 'Key behaviour id',
    weeks: 'Week N',
    run: 'Compare',
    running: 'Computing…',
    save: 'Save comparison',
    saveName: 'Name',
    saved: 'Saved comparisons',
    noSaved: 'No saved comparisons yet',
    remove: 'Delete',
    load: 'Load',
    verdict: 'Verdict',
    cols: { label: 'Arm', n: 'People', successes: 'With outcome', value: 'Value', low: '95% low', high: '95% high' },
    difference: (d: string, low: string, high: string) => `A − B = ${d} (95% interval ${low} to ${high})`,
    pLine: (test: string, p: string, required: string) => `Test: ${test}, p = ${p}; people per arm for 80% power: ${required}`,
    tests: { z: 'two-proportion z-test', fisher: "Fisher's exact test", welch: "Welch's t-test" },
    communityTitle: 'Community effect',
    communityIntro: 'Among buyers, community members against buyers who never joined: 90-day repurchase, AOV, orders per buyer; and members\' paid orders per 30 days in the 90 days before and after joining.',
    effectCols: { metric: 'Figure', members: 'Members', nonMembers: 'Never joined', difference: 'Difference', low: '95% low', high: '95% high', p: 'p' },
    beforeAfter: (n: number, before: string, after: string, low: string, high: string) =>
      `${n} members comparable before and after joining: paid orders per 30 days ${before} → ${after} (95% interval of the change ${low} to ${high})`,
  },
});
