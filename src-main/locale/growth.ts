// Texts of the growth points (增长点): the findings' titles, explanations and evidence, the view and the CLI.
import type { ChannelRow, GrowthDimension, GrowthEvidence, GrowthFindingKind, GrowthLinkView, GrowthPointsResult, SegmentShift } from '../contract';
import { localized } from './language';

/** The figures of a channel a finding cites (its active people are not among them). */
type ChannelFigures = Omit<ChannelRow, 'active'>;

/** A number as a person reads it: at most `digits` decimals, '-' when empty. */
const num = (v: number | null, digits = 1): string => (v === null || !Number.isFinite(v) ? '-' : String(Number(v.toFixed(digits))));
/** A signed number: +3.5, −2. */
const signed = (v: number, digits = 1): string => `${v > 0 ? '+' : v < 0 ? '−' : ''}${num(Math.abs(v), digits)}`;
/** Money: ¥1,234 (whole yuan), signed when asked. */
const yuan = (v: number | null, isSigned = false): string => {
  if (v === null || !Number.isFinite(v)) return '-';
  const text = `¥${Math.round(Math.abs(v)).toLocaleString('en-US')}`;
  return isSigned ? `${v > 0 ? '+' : v < 0 ? '−' : ''}${text}` : v < 0 ? `−${text}` : text;
};
const rateOf = (c: number, n: number): number | null => (n > 0 ? (c * 100) / n : null);
const perHead = (g: number, n: number): number | null => (n > 0 ? g / n : null);

/** Evidence of a spike, as the analysis passes it. */
interface SpikeFigures {
  day: string;
  churned: number;
  mean: number;
  sd: number;
  threshold: number;
}

/** Figures of a posting hour, as the analysis passes them. */
interface HourFigures {
  hour: number;
  messages: number;
  people: number;
  posts: number;
}

const zhDimensions = { channel: '渠道', group: '群', staff: '员工', tag: '标签' } satisfies Record<GrowthDimension, string>;

/** Texts of the growth points. */
export const growthText = localized({
  'zh-CN': {
    unknownSegment: '（未知）',
    step: (from: string, to: string): string => `${from}→${to}`,
    noTag: '（无标签）',
    dimensions: zhDimensions,
    kinds: {
      mix: '人数变化',
      rate: '转化率变化',
      funnel_gap: '漏斗差距',
      churn_spike: '流失异常',
      channel_roi: '渠道 ROI',
      channel_retention: '渠道留存',
      posting_hour: '发帖时段',
    } satisfies Record<GrowthFindingKind, string>,
    shiftTitle: (kind: 'mix' | 'rate', d: GrowthDimension, s: SegmentShift, people: number, money: number): string =>
      `${zhDimensions[d]}“${s.segment}”${
        kind === 'mix'
          ? `在群人数 ${s.people0} → ${s.people1}`
          : `转化率 ${num(rateOf(s.converted0, s.people0))}% → ${num(rateOf(s.converted1, s.people1))}%，人均 GMV ${yuan(perHead(s.gmv0, s.people0))} → ${yuan(perHead(s.gmv1, s.people1))}`
      }：转化 ${signed(people)} 人，GMV ${yuan(money, true)}`,
    shiftExplanation: (kind: 'mix' | 'rate', d: GrowthDimension, s: SegmentShift): string => {
      const who = `${zhDimensions[d]}“${s.segment}”`;
      if (kind === 'mix') {
        return s.people1 >= s.people0
          ? `${who}的在群人数从上期 ${s.people0} 人增加到本期 ${s.people1} 人（人数部分）。按这部分人的转化水平，人数变化带来转化 ${signed(s.convertedMix)} 人、GMV ${yuan(s.gmvMix, true)}。要做的：这个来源在起作用，继续加大引流，并确认承接（欢迎语、首单引导）跟得上。`
          : `${who}的在群人数从上期 ${s.people0} 人减少到本期 ${s.people1} 人（人数部分）。按这部分人的转化水平，人数变化带来转化 ${signed(s.convertedMix)} 人、GMV ${yuan(s.gmvMix, true)}。要做的：查这个来源为什么人少了（投放、活码、员工添加、退群），把引流恢复起来。`;
      }
      const head = `${who}的转化率（转化人数 ÷ 在群人数）从 ${num(rateOf(s.converted0, s.people0))}% 变为 ${num(rateOf(s.converted1, s.people1))}%，人均 GMV 从 ${yuan(perHead(s.gmv0, s.people0))} 变为 ${yuan(perHead(s.gmv1, s.people1))}（转化率部分：人数不变时的变化）：转化 ${signed(s.convertedRate)} 人、GMV ${yuan(s.gmvRate, true)}。`;
      return s.gmvRate >= 0
        ? `${head}要做的：弄清这期做对了什么（内容、活动、跟进、客单价），推广到其他分群，可用 A/B 对比验证。`
        : `${head}要做的：看这部分人本期收到的内容和跟进是否变少或变差、是否少了高客单的购买，和表现好的分群比一比，补上触达。`;
    },
    shiftEvidence: (s: SegmentShift): GrowthEvidence[] => [
      { label: '上期在群人数', value: s.people0 },
      { label: '本期在群人数', value: s.people1 },
      { label: '上期转化人数', value: s.converted0 },
      { label: '本期转化人数', value: s.converted1 },
      { label: '上期转化率 %', value: rateOf(s.converted0, s.people0) },
      { label: '本期转化率 %', value: rateOf(s.converted1, s.people1) },
      { label: '上期 GMV', value: s.gmv0 },
      { label: '本期 GMV', value: s.gmv1 },
      { label: '人数部分（转化人数）', value: s.convertedMix },
      { label: '转化率部分（转化人数）', value: s.convertedRate },
    ],
    funnelTitle: (step: string, d: GrowthDimension, segment: string, best: string, rate: number, bestRate: number): string =>
      `“${step}”：${zhDimensions[d]}“${segment}”只有 ${num(rate)}%，${zhDimensions[d]}“${best}”达到 ${num(bestRate)}%`,
    funnelExplanation: (step: string, d: GrowthDimension, segment: string, best: string, buyers: number, money: number | null, aov: number | null): string =>
      `如果${zhDimensions[d]}“${segment}”的“${step}”达到${zhDimensions[d]}“${best}”的水平：约 +${num(buyers)} 个买家，按本期客单价 ${yuan(aov)} 约 ${yuan(money, true)}。要做的：看“${best}”在这一步是怎么做的（话术、时机、福利），复制到“${segment}”；在漏斗里打开这一步的流失名单逐个跟进。`,
    funnelEvidence: (entered: number, rate: number, bestRate: number, buyers: number, aov: number | null, min: number): GrowthEvidence[] => [
      { label: '这一步开始时的人数', value: entered },
      { label: '这一步转化率 %', value: rate },
      { label: '最好分群的转化率 %', value: bestRate },
      { label: '可多得的买家', value: buyers },
      { label: '本期客单价', value: aov },
      { label: '参与比较的最少人数', value: min },
    ],
    spikeTitle: (day: string, churned: number, mean: number): string => `${day} 流失 ${churned} 人，远高于前 28 天平均 ${num(mean)} 人`,
    spikeExplanation: (day: string, posts: number, samples: string[]): string =>
      `${day} 的流失超过了前 28 天平均值加 3 倍标准差，不像是日常波动。当天员工（非成员）在群里发了 ${posts} 条消息${samples.length ? `，例如：${samples.join('；')}` : ''}。要做的：检查当天发的内容（广告是否太多、活动是否结束、是否有争议），在流失分析里看是谁、从哪个阶段走的，并回访挽留。`,
    spikeEvidence: (s: SpikeFigures, memberMessages: number, posts: number, samples: string[]): GrowthEvidence[] => [
      { label: '当天流失人数', value: s.churned },
      { label: '前 28 天日均流失', value: s.mean },
      { label: '前 28 天标准差', value: s.sd },
      { label: '判定线（平均 + 3 倍标准差）', value: s.threshold },
      { label: '当天成员发言', value: memberMessages },
      { label: '当天员工（非成员）发言', value: posts },
      ...samples.map((text, i) => ({ label: `员工发言 ${i + 1}`, value: text })),
    ],
    roiTitle: (channel: string, roi: number): string => `渠道“${channel}”的 ROI 为 ${num(roi)}%，是所有渠道中最低的`,
    roiExplanation: (worst: ChannelFigures, best: ChannelFigures | null): string =>
      `渠道“${worst.channel}”花费 ${yuan(worst.cost)}，带来 ${worst.added} 人、GMV ${yuan(worst.gmv)}${worst.roi !== null && worst.roi < 0 ? `，亏损 ${yuan(worst.cost! - worst.gmv)}` : ''}。要做的：${best ? `把预算向 ROI 更高的渠道“${best.channel}”（${num(best.roi)}%）倾斜，` : ''}减少这个渠道的投入，或改进它来的人的承接与转化。`,
    roiEvidence: (r: ChannelFigures): GrowthEvidence[] => [
      { label: '花费', value: r.cost },
      { label: '添加人数', value: r.added },
      { label: '转化人数', value: r.converted },
      { label: 'GMV', value: r.gmv },
      { label: 'ROI %', value: r.roi },
    ],
    retentionTitle: (channel: string, share: number, overall: number): string => `渠道“${channel}”来的人流失 ${num(share)}%，高于各渠道合计的 ${num(overall)}%`,
    retentionExplanation: (channel: string, excess: number): string =>
      `如果渠道“${channel}”的流失比例和各渠道合计持平，可少流失约 ${num(excess)} 人。要做的：看这个渠道来的人期待什么（引流福利是否与群内容不符），调整入群欢迎和前几天的内容，或换更精准的引流方式。`,
    retentionEvidence: (r: ChannelFigures, overall: number): GrowthEvidence[] => [
      { label: '添加人数', value: r.added },
      { label: '流失人数', value: r.churned },
      { label: '流失比例 %', value: rateOf(r.churned, r.added) },
      { label: '各渠道合计流失比例 %', value: overall },
      { label: 'GMV', value: r.gmv },
    ],
    hourTitle: (hour: number, messages: number, posts: number): string => `${hour}:00–${hour + 1}:00 成员发言多（${messages} 条），员工发帖少（${posts} 条）`,
    hourExplanation: (hour: number): string =>
      `${hour} 点这一小时成员在线、愿意说话，但很少有人发内容。要做的：把话题、活动或优惠安排到这个时段试试，再用 A/B 对比看效果。这一条没有金额估计。`,
    hourEvidence: (h: HourFigures): GrowthEvidence[] => [
      { label: '成员发言', value: h.messages },
      { label: '发言成员', value: h.people },
      { label: '员工（非成员）发言', value: h.posts },
    ],
    reading: (r: Omit<GrowthPointsResult, 'reading'>): string =>
      `本期 ${r.current.from} 至 ${r.current.to}：转化 ${r.totals.converted1} 人、GMV ${yuan(r.totals.gmv1)}；上期 ${r.previous.from} 至 ${r.previous.to}：转化 ${r.totals.converted0} 人、GMV ${yuan(r.totals.gmv0)}；变化 ${signed(r.totals.converted1 - r.totals.converted0, 0)} 人、${yuan(r.totals.gmv1 - r.totals.gmv0, true)}。找到 ${r.findings.length} 个增长点，按金额大小排列。`,
  },
  en: {
    unknownSegment: '(unknown)',
    step: (from: string, to: string): string => `${from} → ${to}`,
    noTag: '(no tag)',
    dimensions: { channel: 'channel', group: 'group', staff: 'staff', tag: 'tag' },
    kinds: {
      mix: 'Head count',
      rate: 'Conversion rate',
      funnel_gap: 'Funnel gap',
      churn_spike: 'Churn spike',
      channel_roi: 'Channel ROI',
      channel_retention: 'Channel retention',
      posting_hour: 'Posting hour',
    },
    shiftTitle: (kind: 'mix' | 'rate', d: GrowthDimension, s: SegmentShift, people: number, money: number): string =>
      `${d} "${s.segment}" ${
        kind === 'mix'
          ? `people ${s.people0} → ${s.people1}`
          : `conversion ${num(rateOf(s.converted0, s.people0))}% → ${num(rateOf(s.converted1, s.people1))}%, GMV per person ${yuan(perHead(s.gmv0, s.people0))} → ${yuan(perHead(s.gmv1, s.people1))}`
      }: ${signed(people)} buyers, GMV ${yuan(money, true)}`,
    shiftExplanation: (kind: 'mix' | 'rate', d: GrowthDimension, s: SegmentShift): string =>
      kind === 'mix'
        ? `People of ${d} "${s.segment}" in the community went from ${s.people0} to ${s.people1}; at their conversion that is ${signed(s.convertedMix)} buyers, ${yuan(s.gmvMix, true)}. ${s.people1 >= s.people0 ? 'Keep this source growing.' : 'Find out why fewer came and restore the inflow.'}`
        : `Conversion (buyers ÷ people present) of ${d} "${s.segment}" went from ${num(rateOf(s.converted0, s.people0))}% to ${num(rateOf(s.converted1, s.people1))}% and GMV per person from ${yuan(perHead(s.gmv0, s.people0))} to ${yuan(perHead(s.gmv1, s.people1))}: ${signed(s.convertedRate)} buyers, ${yuan(s.gmvRate, true)} at unchanged head count. ${s.gmvRate >= 0 ? 'Find what worked and spread it.' : 'Check what these people were sent and compare with a better segment.'}`,
    shiftEvidence: (s: SegmentShift): GrowthEvidence[] => [
      { label: 'People, previous', value: s.people0 },
      { label: 'People, current', value: s.people1 },
      { label: 'Converted, previous', value: s.converted0 },
      { label: 'Converted, current', value: s.converted1 },
      { label: 'Conversion % previous', value: rateOf(s.converted0, s.people0) },
      { label: 'Conversion % current', value: rateOf(s.converted1, s.people1) },
      { label: 'GMV, previous', value: s.gmv0 },
      { label: 'GMV, current', value: s.gmv1 },
      { label: 'Head-count part (buyers)', value: s.convertedMix },
      { label: 'Rate part (buyers)', value: s.convertedRate },
    ],
    funnelTitle: (step: string, d: GrowthDimension, segment: string, best: string, rate: number, bestRate: number): string =>
      `"${step}": ${d} "${segment}" ${num(rate)}%, ${d} "${best}" ${num(bestRate)}%`,
    funnelExplanation: (step: string, d: GrowthDimension, segment: string, best: string, buyers: number, money: number | null, aov: number | null): string =>
      `If "${step}" in ${d} "${segment}" reached the rate of "${best}": about +${num(buyers)} buyers, ${yuan(money, true)} at the current AOV ${yuan(aov)}. Copy what "${best}" does at this step and follow up the people lost there.`,
    funnelEvidence: (entered: number, rate: number, bestRate: number, buyers: number, aov: number | null, min: number): GrowthEvidence[] => [
      { label: 'People at the step', value: entered },
      { label: 'Step rate %', value: rate },
      { label: 'Best segment rate %', value: bestRate },
      { label: 'Buyers to gain', value: buyers },
      { label: 'Current AOV', value: aov },
      { label: 'Fewest people compared', value: min },
    ],
    spikeTitle: (day: string, churned: number, mean: number): string => `${day}: ${churned} left, against ${num(mean)} a day in the 28 days before`,
    spikeExplanation: (day: string, posts: number, samples: string[]): string =>
      `Churn on ${day} was above the 28-day mean + 3 standard deviations. Staff (non-members) posted ${posts} messages that day${samples.length ? `, e.g. ${samples.join('; ')}` : ''}. Check what was posted, see who left in the churn view, and reach out.`,
    spikeEvidence: (s: SpikeFigures, memberMessages: number, posts: number, samples: string[]): GrowthEvidence[] => [
      { label: 'Churned that day', value: s.churned },
      { label: '28-day mean', value: s.mean },
      { label: '28-day sd', value: s.sd },
      { label: 'Threshold (mean + 3 sd)', value: s.threshold },
      { label: 'Member messages that day', value: memberMessages },
      { label: 'Staff posts that day', value: posts },
      ...samples.map((text, i) => ({ label: `Staff post ${i + 1}`, value: text })),
    ],
    roiTitle: (channel: string, roi: number): string => `Channel "${channel}" has the lowest ROI: ${num(roi)}%`,
    roiExplanation: (worst: ChannelFigures, best: ChannelFigures | null): string =>
      `Channel "${worst.channel}" cost ${yuan(worst.cost)} for ${worst.added} people and GMV ${yuan(worst.gmv)}. ${best ? `Shift budget towards "${best.channel}" (${num(best.roi)}%) or ` : ''}improve how its people are converted.`,
    roiEvidence: (r: ChannelFigures): GrowthEvidence[] => [
      { label: 'Cost', value: r.cost },
      { label: 'Added', value: r.added },
      { label: 'Converted', value: r.converted },
      { label: 'GMV', value: r.gmv },
      { label: 'ROI %', value: r.roi },
    ],
    retentionTitle: (channel: string, share: number, overall: number): string => `Channel "${channel}": ${num(share)}% churned, against ${num(overall)}% overall`,
    retentionExplanation: (channel: string, excess: number): string =>
      `At the overall churn share, channel "${channel}" would keep about ${num(excess)} more people. Check whether its offer matches the community and adjust the first days' content.`,
    retentionEvidence: (r: ChannelFigures, overall: number): GrowthEvidence[] => [
      { label: 'Added', value: r.added },
      { label: 'Churned', value: r.churned },
      { label: 'Churn share %', value: rateOf(r.churned, r.added) },
      { label: 'All channels churn share %', value: overall },
      { label: 'GMV', value: r.gmv },
    ],
    hourTitle: (hour: number, messages: number, posts: number): string => `${hour}:00–${hour + 1}:00: members talk (${messages} messages), staff post little (${posts})`,
    hourExplanation: (hour: number): string => `Members are online and answer at ${hour}:00 but little is posted then. Try topics or offers in this hour and compare with an A/B test. No money estimate.`,
    hourEvidence: (h: HourFigures): GrowthEvidence[] => [
      { label: 'Member messages', value: h.messages },
      { label: 'Members writing', value: h.people },
      { label: 'Staff posts', value: h.posts },
    ],
    reading: (r: Omit<GrowthPointsResult, 'reading'>): string =>
      `Current ${r.current.from} to ${r.current.to}: ${r.totals.converted1} converted, GMV ${yuan(r.totals.gmv1)}; previous ${r.previous.from} to ${r.previous.to}: ${r.totals.converted0}, ${yuan(r.totals.gmv0)}; change ${signed(r.totals.converted1 - r.totals.converted0, 0)}, ${yuan(r.totals.gmv1 - r.totals.gmv0, true)}. ${r.findings.length} growth points, largest first.`,
  },
});

/** Texts of the 增长点 view and the CLI command. */
export const growthViewText = localized({
  'zh-CN': {
    title: '增长点',
    intro: '比较本期与上期（默认：最近一个完整自然周与前一周），找出转化人数与 GMV 变化的来源、漏斗差距、流失异常、渠道与发帖时段，按金额大小排列。',
    from: '本期开始',
    to: '本期结束',
    running: '正在计算…',
    none: '这两期之间没有找到增长点',
    people: (v: string) => `${v} 人`,
    open: (view: string) => `查看${view}`,
    evidence: '依据',
    decomposition: '转化变化分解（人数部分 + 转化率部分 = 总变化）',
    views: { metrics: '指标', funnel: '漏斗', churn: '流失', channels: '渠道', activity: '活跃时段', features: '客户360' } satisfies Record<GrowthLinkView, string>,
    cols: {
      dimension: '维度',
      segment: '分群',
      people0: '上期在群人数',
      people1: '本期在群人数',
      converted0: '上期转化',
      converted1: '本期转化',
      convertedMix: '人数部分',
      convertedRate: '转化率部分',
      gmvMix: 'GMV 人数部分',
      gmvRate: 'GMV 转化率部分',
    },
    noArgs: (arg: string) => `growth 命令不接受参数“${arg}”`,
    badTable: (v: string) => `--table 只能是 findings | shifts，收到“${v}”`,
  },
  en: {
    title: 'Growth points',
    intro: 'The current period against the one before (default: the latest full week and the week before): where the change in buyers and GMV came from, funnel gaps, churn spikes, channels and posting hours, largest in ¥ first.',
    from: 'Current from',
    to: 'Current to',
    running: 'Computing…',
    none: 'No growth points between these periods',
    people: (v: string) => `${v} people`,
    open: (view: string) => `Open ${view}`,
    evidence: 'Evidence',
    decomposition: 'Change in buyers split (head-count part + rate part = total change)',
    views: { metrics: 'Metrics', funnel: 'Funnel', churn: 'Churn', channels: 'Channels', activity: 'Activity', features: 'Customer 360' },
    cols: {
      dimension: 'Dimension',
      segment: 'Segment',
      people0: 'People, previous',
      people1: 'People, current',
      converted0: 'Converted, previous',
      converted1: 'Converted, current',
      convertedMix: 'Head-count part',
      convertedRate: 'Rate part',
      gmvMix: 'GMV head-count part',
      gmvRate: 'GMV rate part',
    },
    noArgs: (arg: string) => `growth takes no argument "${arg}"`,
    badTable: (v: string) => `--table must be findings | shifts, got "${v}"`,
  },
});
