// Texts of ROI预测与定价 and LTV / CAC: the readings of their results, the views and the CLI.
import type { LtvChannel, RoiChannel, RoiMode, RoiPlan, RoiRates, RoiResult, RoiScenarioInput } from '../contract';
import { localized } from './language';

/** A number as a person reads it: at most `digits` decimals, '-' when empty. */
const num = (v: number | null, digits = 1): string => (v === null || !Number.isFinite(v) ? '-' : String(Number(v.toFixed(digits))));
/** Money: ¥1,234 (whole yuan; cents below ¥100). */
const yuan = (v: number | null): string => {
  if (v === null || !Number.isFinite(v)) return '-';
  const abs = Math.abs(v);
  const text = abs < 100 ? abs.toFixed(2) : Math.round(abs).toLocaleString('en-US');
  return `${v < 0 ? '−' : ''}¥${text}`;
};
const pct = (v: number | null): string => (v === null ? '-' : `${num(v)}%`);

type PlanFigures = Omit<RoiPlan, 'sensitivity' | 'reading'>;
type ChannelFigures = Omit<RoiChannel, 'reading'>;
type LtvFigures = Omit<LtvChannel, 'reading'>;

const zhRates: Record<keyof RoiRates, string> = { addsPerYuan: '每元添加人数', joinRate: '入群率', conversionRate: '转化率', aov: '客单价', repurchaseRate: '复购率' };
const enRates: Record<keyof RoiRates, string> = { addsPerYuan: 'Adds per ¥', joinRate: 'Join rate', conversionRate: 'Conversion rate', aov: 'AOV', repurchaseRate: 'Repurchase rate' };
const missingOf = (s: RoiScenarioInput): (keyof RoiRates)[] => {
  const needed: (keyof RoiRates)[] = s.mode === 'paid' ? ['addsPerYuan', 'joinRate'] : ['addsPerYuan', 'joinRate', 'conversionRate', 'aov', 'repurchaseRate'];
  return needed.filter((k) => s.rates[k] === null);
};

/** Texts of ROI预测与定价. */
export const roiText = localized({
  'zh-CN': {
    title: 'ROI预测与定价',
    intro: '按渠道做投放计划：填计划花费和每一步的预期比率（默认取最近 N 个已满观察期的周的实测值），得出预计入群、购买人数、GMV、ROI 和保本点；热力图看转化率和客单价变动时 ROI 怎么变；回测用过去每一周检验这种预测准不准。',
    rateLabels: zhRates,
    modeLabels: { sales: '卖货', paid: '付费社群' } satisfies Record<RoiMode, string>,
    dimension: '渠道来自',
    dimensionLabels: { source: '渠道（来源）', channel_code: '渠道码', add_way: '添加方式' },
    weeks: '取最近几周',
    windowDays: '观察天数',
    measuredTitle: '各渠道实测（最近 N 周）',
    scenariosTitle: '投放方案',
    fillFromMeasured: '按实测新增方案',
    compareTitle: '方案对比',
    heatmapTitle: (name: string) => `敏感度：${name}`,
    heatmapRows: (mode: RoiMode) => (mode === 'paid' ? '入群率 %' : '转化率 %'),
    heatmapColumns: (mode: RoiMode) => (mode === 'paid' ? '价格 ¥' : '客单价 ¥'),
    backtestTitle: (channel: string) => `回测：${channel}`,
    columns: {
      name: '方案', channel: '渠道', mode: '模式', cost: '计划花费', price: '入群价格',
      adds: '预计添加', members: '预计入群', buyers: '预计购买', orders: '预计订单', gmv: '预计GMV', profit: '利润', roi: 'ROI %',
      breakEvenRate: '保本转化率 %', breakEvenPrice: '保本客单价',
      weeklyCost: '周均花费', added: '添加', joined: '入群', measuredBuyers: '购买', measuredGmv: 'GMV', mape: '回测误差 MAPE %',
      week: '周', actualBuyers: '实际购买', predictedBuyers: '预测购买', actualGmv: '实际GMV', predictedGmv: '预测GMV', error: '误差 %',
    },
    scenarioName: (channel: string) => `${channel} 方案`,
    save: '保存方案',
    saving: '正在保存…',
    unsaved: '有未保存的修改',
    revert: '放弃修改',
    chooseScenario: '看哪个方案',
    chooseChannel: '看哪个渠道',
    mape: (mape: string, zero: number) => `MAPE ${mape}%${zero ? `（${zero} 周实际 GMV 为 0，不计入）` : ''}`,
    noBacktest: '周数不够，还不能回测。',
    running: '计算中…',
    asOf: (day: string) => `数据截至 ${day}`,
    invalid: '方案表里有空名称或重复名称，修好后才能保存。',
    planReading: (s: RoiScenarioInput, f: PlanFigures): string => {
      const missing = missingOf(s);
      if (s.mode === 'paid' && s.price === null) missing.push('aov');
      if (missing.length) {
        const names = missing.map((k) => (s.mode === 'paid' && k === 'aov' ? '入群价格' : zhRates[k]));
        return `还缺${names.join('、')}，填上后才能算出 GMV 和 ROI。没有实测值的渠道（例如没导入渠道投放花费），可以按经验先填一个估计值。`;
      }
      const head =
        s.mode === 'paid'
          ? `花 ${yuan(s.cost)}，预计 ${num(f.adds, 0)} 人添加、${num(f.members, 0)} 人付费入群，收入 ${yuan(f.gmv)}`
          : `花 ${yuan(s.cost)}，预计 ${num(f.adds, 0)} 人添加、${num(f.members, 0)} 人入群、${num(f.buyers, 0)} 人购买，GMV ${yuan(f.gmv)}`;
      if (f.roi === null) return `${head}；花费为 0，ROI 没有意义。`;
      const rateName = s.mode === 'paid' ? '入群率' : '转化率';
      const priceName = s.mode === 'paid' ? '价格' : '客单价';
      const current = s.mode === 'paid' ? s.rates.joinRate : s.rates.conversionRate;
      const be = `保本需要${rateName}至少 ${pct(f.breakEvenRate)}（现在 ${pct(current)}），或${priceName}至少 ${yuan(f.breakEvenPrice)}`;
      if (f.roi >= 0) return `${head}，ROI ${pct(f.roi)}，能回本。${be}。可以按这个方案投放；看热力图，${rateName}或${priceName}掉到哪一格会转为亏损。`;
      const unreachable = f.breakEvenRate !== null && f.breakEvenRate > 100 ? `（超过 100%，光靠提高${rateName}回不了本）` : '';
      return `${head}，ROI ${pct(f.roi)}，会亏本。${be}${unreachable}。先想办法提高${rateName}或${priceName}，或者减少花费、把预算挪到 ROI 更高的渠道。`;
    },
    channelReading: (c: ChannelFigures, n: number): string => {
      const r = c.rates;
      const parts = `最近 ${n} 周添加 ${c.added} 人，入群率 ${pct(r.joinRate)}，入群后转化率 ${pct(r.conversionRate)}，客单价 ${yuan(r.aov)}，复购率 ${pct(r.repurchaseRate)}`;
      const cost = c.cost === null ? '；没有导入这个渠道的投放花费，每元添加人数需要在方案里自己填' : `；花费 ${yuan(c.cost)}，每元添加 ${num(r.addsPerYuan, 3)} 人`;
      let bt: string;
      if (c.backtest.length === 0) bt = '。周数还不够回测（需要比 N 多至少一周）。';
      else if (c.mape === null) bt = `。回测 ${c.backtest.length} 周，但没有一周既有花费又有实际 GMV，算不出误差${c.zeroWeeks ? `（${c.zeroWeeks} 周实际 GMV 为 0，不计入）` : ''}。`;
      else {
        const zero = c.zeroWeeks ? `；${c.zeroWeeks} 周实际 GMV 为 0，不计入误差` : '';
        const advice = c.mape <= 20 ? '预测比较可靠，可以用来定预算' : c.mape <= 50 ? '预测有一定偏差，预算留出余量' : '预测偏差很大，这个渠道每周波动大，别只按平均值做计划';
        bt = `。回测 ${c.backtest.length} 周，GMV 平均误差（MAPE）${pct(c.mape)}${zero}：${advice}。`;
      }
      return `${c.channel}：${parts}${cost}${bt}`;
    },
    reading: (r: Omit<RoiResult, 'reading'>): string => {
      if (!r.from) return '还没有满观察期的周：导入客户列表（含添加时间和渠道）和订单后再看。';
      const withCost = r.channels.filter((c) => c.cost !== null).length;
      return `比率取 ${r.from} 至 ${r.to} 这 ${r.weeks} 周添加的人，每人看添加后 ${r.windowDays} 天内的入群和购买（更近的周还没看满 ${r.windowDays} 天，不算）。${r.channels.length} 个渠道中 ${withCost} 个有导入的投放花费。把这些比率当起点，按你的计划改方案表，看 ROI 和保本点。`;
    },
    cliNoArgs: (arg: string) => `roi 不接受位置参数：${arg}`,
    cliBadNumber: (name: string, range: string, value: string) => `--${name} 应是 ${range} 的数，收到“${value}”`,
  },
  en: {
    title: 'ROI planner',
    intro: 'Plan spending per channel: enter a planned cost and the expected rate of each step (prefilled from the last N weeks whose observation window has ended) to get the expected members, buyers, GMV, ROI and break-even points; the heatmap shows how ROI moves with conversion and AOV; the back-test checks the forecast against each past week.',
    rateLabels: enRates,
    modeLabels: { sales: 'Sales', paid: 'Paid community' } satisfies Record<RoiMode, string>,
    dimension: 'Channel from',
    dimensionLabels: { source: 'Channel (source)', channel_code: 'Channel code', add_way: 'Add way' },
    weeks: 'Last weeks',
    windowDays: 'Window (days)',
    measuredTitle: 'Measured per channel (last N weeks)',
    scenariosTitle: 'Scenarios',
    fillFromMeasured: 'Add scenario from measured',
    compareTitle: 'Scenarios side by side',
    heatmapTitle: (name: string) => `Sensitivity: ${name}`,
    heatmapRows: (mode: RoiMode) => (mode === 'paid' ? 'Join rate %' : 'Conversion %'),
    heatmapColumns: (mode: RoiMode) => (mode === 'paid' ? 'Price ¥' : 'AOV ¥'),
    backtestTitle: (channel: string) => `Back-test: ${channel}`,
    columns: {
      name: 'Scenario', channel: 'Channel', mode: 'Mode', cost: 'Planned cost', price: 'Join price',
      adds: 'Expected adds', members: 'Expected members', buyers: 'Expected buyers', orders: 'Expected orders', gmv: 'Expected GMV', profit: 'Profit', roi: 'ROI %',
      breakEvenRate: 'Break-even conversion %', breakEvenPrice: 'Break-even AOV',
      weeklyCost: 'Weekly cost', added: 'Added', joined: 'Joined', measuredBuyers: 'Buyers', measuredGmv: 'GMV', mape: 'Back-test MAPE %',
      week: 'Week', actualBuyers: 'Actual buyers', predictedBuyers: 'Predicted buyers', actualGmv: 'Actual GMV', predictedGmv: 'Predicted GMV', error: 'Error %',
    },
    scenarioName: (channel: string) => `${channel} plan`,
    save: 'Save scenarios',
    saving: 'Saving…',
    unsaved: 'Unsaved changes',
    revert: 'Discard changes',
    chooseScenario: 'Scenario',
    chooseChannel: 'Channel',
    mape: (mape: string, zero: number) => `MAPE ${mape}%${zero ? ` (${zero} weeks with actual GMV 0 left out)` : ''}`,
    noBacktest: 'Too few weeks for a back-test yet.',
    running: 'Computing…',
    asOf: (day: string) => `Data up to ${day}`,
    invalid: 'A scenario has no name or a repeated name: fix it to save.',
    planReading: (s: RoiScenarioInput, f: PlanFigures): string => {
      const missing = missingOf(s);
      if (s.mode === 'paid' && s.price === null) missing.push('aov');
      if (missing.length) {
        const names = missing.map((k) => (s.mode === 'paid' && k === 'aov' ? 'join price' : enRates[k]));
        return `Missing ${names.join(', ')}: fill them in to get GMV and ROI. A channel without measured values (no imported ad costs, say) can start from an estimate.`;
      }
      const head =
        s.mode === 'paid'
          ? `Spending ${yuan(s.cost)} should bring ${num(f.adds, 0)} adds and ${num(f.members, 0)} paying members, revenue ${yuan(f.gmv)}`
          : `Spending ${yuan(s.cost)} should bring ${num(f.adds, 0)} adds, ${num(f.members, 0)} members, ${num(f.buyers, 0)} buyers, GMV ${yuan(f.gmv)}`;
      if (f.roi === null) return `${head}; with no cost, ROI means nothing.`;
      const rateName = s.mode === 'paid' ? 'join rate' : 'conversion rate';
      const priceName = s.mode === 'paid' ? 'price' : 'AOV';
      const current = s.mode === 'paid' ? s.rates.joinRate : s.rates.conversionRate;
      const be = `Break-even needs a ${rateName} of at least ${pct(f.breakEvenRate)} (now ${pct(current)}) or a ${priceName} of at least ${yuan(f.breakEvenPrice)}`;
      if (f.roi >= 0) return `${head}, ROI ${pct(f.roi)}: it pays back. ${be}. Go ahead; the heatmap shows how far the ${rateName} or ${priceName} may fall before it loses money.`;
      const unreachable = f.breakEvenRate !== null && f.breakEvenRate > 100 ? ` (above 100%: the ${rateName} alone cannot pay it back)` : '';
      return `${head}, ROI ${pct(f.roi)}: it loses money. ${be}${unreachable}. Raise the ${rateName} or ${priceName} first, or spend less, or move the budget to a channel with a better ROI.`;
    },
    channelReading: (c: ChannelFigures, n: number): string => {
      const r = c.rates;
      const parts = `last ${n} weeks ${c.added} added, join rate ${pct(r.joinRate)}, conversion after joining ${pct(r.conversionRate)}, AOV ${yuan(r.aov)}, repurchase ${pct(r.repurchaseRate)}`;
      const cost = c.cost === null ? '; no imported ad cost for this channel, so type adds per ¥ in the scenario' : `; cost ${yuan(c.cost)}, ${num(r.addsPerYuan, 3)} adds per ¥`;
      let bt: string;
      if (c.backtest.length === 0) bt = '. Too few weeks for a back-test (it needs at least one more than N).';
      else if (c.mape === null) bt = `. Back-tested ${c.backtest.length} weeks, but none had both a cost and an actual GMV, so no error${c.zeroWeeks ? ` (${c.zeroWeeks} weeks with actual GMV 0 left out)` : ''}.`;
      else {
        const zero = c.zeroWeeks ? `; ${c.zeroWeeks} weeks with actual GMV 0 left out of the error` : '';
        const advice = c.mape <= 20 ? 'the forecast is fairly reliable for budgeting' : c.mape <= 50 ? 'the forecast is off at times: leave a margin' : 'the forecast is far off: this channel swings week to week, do not plan on the average alone';
        bt = `. Back-tested ${c.backtest.length} weeks, GMV mean absolute error (MAPE) ${pct(c.mape)}${zero}: ${advice}.`;
      }
      return `${c.channel}: ${parts}${cost}${bt}`;
    },
    reading: (r: Omit<RoiResult, 'reading'>): string => {
      if (!r.from) return 'No week has completed its window yet: import a customer list (with add times and channels) and orders.';
      const withCost = r.channels.filter((c) => c.cost !== null).length;
      return `Rates from the people added ${r.from} to ${r.to} (${r.weeks} weeks), each followed ${r.windowDays} days for joins and purchases (later weeks are not complete yet). ${withCost} of ${r.channels.length} channels have imported ad costs. Start from these rates, edit the scenarios to your plan and read ROI and break-even.`;
    },
    cliNoArgs: (arg: string) => `roi takes no positional argument: ${arg}`,
    cliBadNumber: (name: string, range: string, value: string) => `--${name} must be a number ${range}, got "${value}"`,
  },
});

/** Texts of LTV / CAC. */
export const ltvText = localized({
  'zh-CN': {
    title: 'LTV / CAC',
    intro: '每个渠道拉来的人，按添加月份分群，看每人累计贡献的 GMV（实付减退款）随月份怎么涨；CAC = 渠道花费 ÷ 获客人数；LTV/CAC 大于 1 说明这个渠道拉来的人赚回了获客成本。第 1 个月 = 添加当月，只算已经过完的月份。',
    columns: {
      channel: '渠道', acquired: '获客人数', cost: '花费', cac: 'CAC', ltv3: '3个月LTV', ltv6: '6个月LTV', ltv12: '12个月LTV',
      ltvCac3: '3个月LTV/CAC', ltvCac6: '6个月LTV/CAC', ltvCac12: '12个月LTV/CAC', paybackMonth: '回本月', month: '添加月份',
    },
    curveTitle: '各渠道累计 LTV（每人）',
    cohortTitle: '按添加月份的曲线',
    monthAxis: '第几个月',
    cac: 'CAC',
    running: '计算中…',
    asOf: (day: string) => `数据截至 ${day}`,
    channelReading: (c: LtvFigures): string => {
      if (c.acquired === 0) return `${c.channel}：${c.cost !== null ? `花了 ${yuan(c.cost)} ` : ''}但这段时间没有获客，算不出 CAC 和 LTV。检查渠道名是否和客户列表里的一致，或这笔钱是否白花了。`;
      const last = c.curve.filter((v) => v !== null).at(-1) ?? null;
      const ltvPart = c.ltv3 !== null ? `前 3 个月每人贡献 ${yuan(c.ltv3)}` : last !== null ? `目前每人累计贡献 ${yuan(last)}` : '还没有过完的月份';
      if (c.cac === null) return `${c.channel}：获客 ${c.acquired} 人，${ltvPart}；没有花费记录，算不出 CAC。在渠道成本表填上花费或导入渠道投放后再看回本。`;
      if (c.cac === 0) return `${c.channel}：获客 ${c.acquired} 人，花费为 0（自然流量），${ltvPart}；没有获客成本，谈不上回本，值得多投入精力做。`;
      const pay = c.paybackMonth !== null ? `第 ${c.paybackMonth} 个月回本` : '12 个月内（或到目前为止）还没回本';
      const ratio = c.ltvCac3 !== null ? `，3 个月 LTV/CAC ${num(c.ltvCac3, 2)}` : '';
      const advice =
        c.paybackMonth !== null && c.paybackMonth <= 3
          ? '回本快，可以加预算'
          : c.paybackMonth !== null
            ? '能回本但要等，留意现金流'
            : '还没赚回获客成本，先压低获客成本或提升转化和复购，再决定是否继续投';
      return `${c.channel}：获客 ${c.acquired} 人，CAC ${yuan(c.cac)}，${ltvPart}${ratio}，${pay}：${advice}。`;
    },
    reading: (channels: LtvFigures[]): string => {
      const paying = channels.filter((c) => c.paybackMonth !== null).sort((a, b) => a.paybackMonth! - b.paybackMonth!);
      const costed = channels.filter((c) => c.cac !== null && c.cac > 0);
      if (channels.length === 0) return '还没有带添加时间的客户：导入客户列表后再看。';
      if (costed.length === 0) return `${channels.length} 个渠道都没有花费记录，只能看 LTV 曲线；在渠道分析的成本表里填上花费或导入渠道投放，就能算 CAC 和回本月。`;
      const best = paying[0];
      return best
        ? `${costed.length} 个有花费的渠道中 ${paying.length} 个已回本，最快的是 ${best.channel}（第 ${best.paybackMonth} 个月）。预算优先给回本快、LTV/CAC 高的渠道。`
        : `${costed.length} 个有花费的渠道都还没回本：先看哪个渠道的 LTV 曲线涨得最快，把预算往那边挪。`;
    },
    cliNoArgs: (arg: string) => `ltv 不接受位置参数：${arg}`,
  },
  en: {
    title: 'LTV / CAC',
    intro: 'The people each channel brought, in cohorts by the month they were added: cumulative GMV (paid minus refunded) per person month by month; CAC = channel cost ÷ people acquired; LTV/CAC above 1 means the channel\u2019s people have earned back what acquiring them cost. Month 1 is the month of the add; only months that have ended count.',
    columns: {
      channel: 'Channel', acquired: 'Acquired', cost: 'Cost', cac: 'CAC', ltv3: 'LTV 3 months', ltv6: 'LTV 6 months', ltv12: 'LTV 12 months',
      ltvCac3: 'LTV/CAC 3 months', ltvCac6: 'LTV/CAC 6 months', ltvCac12: 'LTV/CAC 12 months', paybackMonth: 'Payback month', month: 'Month added',
    },
    curveTitle: 'Cumulative LTV per person by channel',
    cohortTitle: 'Curves by month added',
    monthAxis: 'Month',
    cac: 'CAC',
    running: 'Computing…',
    asOf: (day: string) => `Data up to ${day}`,
    channelReading: (c: LtvFigures): string => {
      if (c.acquired === 0) return `${c.channel}: ${c.cost !== null ? `${yuan(c.cost)} spent but ` : ''}nobody acquired in the period, so no CAC nor LTV. Check the channel name matches the customer list, or whether the money was wasted.`;
      const last = c.curve.filter((v) => v !== null).at(-1) ?? null;
      const ltvPart = c.ltv3 !== null ? `${yuan(c.ltv3)} per person in the first 3 months` : last !== null ? `${yuan(last)} per person so far` : 'no month has ended yet';
      if (c.cac === null) return `${c.channel}: ${c.acquired} acquired, ${ltvPart}; no cost recorded, so no CAC. Enter it in the channel cost grid or import ad costs to see payback.`;
      if (c.cac === 0) return `${c.channel}: ${c.acquired} acquired at no cost (organic), ${ltvPart}; nothing to pay back, worth more effort.`;
      const pay = c.paybackMonth !== null ? `pays back in month ${c.paybackMonth}` : 'not paid back within 12 months (or so far)';
      const ratio = c.ltvCac3 !== null ? `, 3-month LTV/CAC ${num(c.ltvCac3, 2)}` : '';
      const advice =
        c.paybackMonth !== null && c.paybackMonth <= 3
          ? 'quick payback, room for more budget'
          : c.paybackMonth !== null
            ? 'pays back but slowly, mind the cash flow'
            : 'has not earned back its cost: lower the acquisition cost or raise conversion and repeat buying before spending more';
      return `${c.channel}: ${c.acquired} acquired, CAC ${yuan(c.cac)}, ${ltvPart}${ratio}, ${pay}: ${advice}.`;
    },
    reading: (channels: LtvFigures[]): string => {
      const paying = channels.filter((c) => c.paybackMonth !== null).sort((a, b) => a.paybackMonth! - b.paybackMonth!);
      const costed = channels.filter((c) => c.cac !== null && c.cac > 0);
      if (channels.length === 0) return 'No customers with an add time yet: import a customer list.';
      if (costed.length === 0) return `None of the ${channels.length} channels has a cost, so only the LTV curves show; enter costs in the channel cost grid or import ad costs for CAC and payback.`;
      const best = paying[0];
      return best
        ? `${paying.length} of ${costed.length} channels with a cost have paid back, fastest ${best.channel} (month ${best.paybackMonth}). Give budget first to quick payback and high LTV/CAC.`
        : `None of the ${costed.length} channels with a cost has paid back yet: move budget towards the channel whose LTV curve climbs fastest.`;
    },
    cliNoArgs: (arg: string) => `ltv takes no positional argument: ${arg}`,
  },
});
