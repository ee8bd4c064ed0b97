// Texts of 相似人群 (the lookalike, issue 14): the view, the CLI's messages, the export and the errors.
import type { LookalikeCoefficient, LookalikeResult } from '../contract';
import { localized } from './language';

/** A number as a person reads it: at most `digits` decimals. */
const num = (v: number | null, digits = 2): string => (v === null ? '-' : String(Number(v.toFixed(digits))));

/** The features that move the odds most, strongest first, that are significant (interval not across 1). */
function strongest(r: LookalikeResult): LookalikeCoefficient[] {
  return r.coefficients
    .filter((c) => c.low > 1 || c.high < 1)
    .sort((a, b) => Math.abs(Math.log(b.oddsRatio)) - Math.abs(Math.log(a.oddsRatio)))
    .slice(0, 3);
}

/** How well an AUC tells buyers from the others, by the usual rule of thumb. */
const aucBand = (auc: number | null): 'none' | 'weak' | 'fair' | 'good' => (auc === null ? 'none' : auc < 0.6 ? 'weak' : auc < 0.75 ? 'fair' : 'good');

/** Texts of the lookalike. */
export const lookalikeText = localized({
  'zh-CN': {
    title: '相似人群',
    intro: '用已转化成员（有未全额退款的付费订单）的特征，找出还没下单、但最像他们的成员。随机 70% 的成员用来拟合逻辑回归，另外 30% 用来检验预测准不准。',
    featuresLegend: '用哪些特征（客户360）',
    purchaseFeaturesLeftOut: '购买次数、GMV、客单价等购买特征由“是否转化”本身算出，不能用来预测它，已排除。',
    seed: '随机种子',
    seedHint: '同一种子、同一份数据，分组结果相同；换一个种子可以检验结论是否稳定',
    top: '名单人数',
    run: '开始拟合',
    fitting: '正在拟合模型…',
    auc: 'AUC（检验集）',
    aucMethod: '95% 区间按 Hanley–McNeil 方法',
    coefficients: '各特征的作用（每增加 1 个标准差，转化几率乘以）',
    calibration: '校准：按预测概率分十组，预测转化率与实际转化率',
    list: '最可能转化的未转化成员',
    tagName: '标签名称',
    saveTag: '保存为标签',
    tagSaved: (name: string, n: number) => `已保存标签“${name}”（${n} 人），可在漏斗的标签拆分、A/B 对比的标签分组中使用`,
    savedTags: '已保存的标签',
    noSavedTags: '还没有保存的标签',
    remove: '删除',
    noFeature: '请至少选择一个特征',
    cols: {
      feature: '特征',
      mean: '平均值',
      sd: '标准差',
      coefficient: '系数（每 1 标准差）',
      se: '标准误',
      oddsRatio: '几率比',
      low: '95% 下限',
      high: '95% 上限',
      p: 'p 值',
      decile: '分组',
      n: '人数',
      predicted: '预测转化率 %',
      observed: '实际转化率 %',
      rank: '排名',
      pid: '成员 ID',
      name: '昵称',
      channel: '渠道',
      staff: '所属员工',
      groups: '所在群',
      probability: '转化概率 %',
      percentile: '百分位',
    },
    chart: { predicted: '预测', observed: '实际', oddsRatio: '几率比（对数刻度）' },
    sheetName: '相似人群',
    split: (r: LookalikeResult) =>
      `成员 ${r.members} 人，已转化 ${r.converted} 人；拟合用 ${r.train.n} 人（转化 ${r.train.converted}），检验用 ${r.test.n} 人（转化 ${r.test.converted}），种子 ${r.seed}`,
    droppedNote: (labels: string[]) => `${labels.join('、')}：所有拟合成员取值相同，无从学习，已去掉。`,
    imputedNote: (items: { label: string; count: number }[]) => `${items.map((i) => `${i.label} 有 ${i.count} 人缺失`).join('，')}：按拟合成员的平均值填补。`,
    tagNote: (seed: number, labels: string[], top: number) => `相似人群前 ${top} 名（种子 ${seed}；特征：${labels.join('、')}）`,
    /** The plain reading: how good the model is, what drives conversion, what to do. */
    reading: (r: LookalikeResult): string => {
      const band = aucBand(r.auc.value);
      const quality = {
        none: '检验集里没有同时包含转化和未转化的成员，无法评估模型。',
        weak: `AUC ${num(r.auc.value)}（95% 区间 ${num(r.auc.low)} ~ ${num(r.auc.high)}）：这些特征几乎分不出谁会买，名单只比随机好一点，先别据此投入。`,
        fair: `AUC ${num(r.auc.value)}（95% 区间 ${num(r.auc.low)} ~ ${num(r.auc.high)}）：有一定区分力，随机挑一个转化者和一个未转化者，模型约有 ${Math.round((r.auc.value ?? 0) * 100)}% 的把握给前者打更高分。`,
        good: `AUC ${num(r.auc.value)}（95% 区间 ${num(r.auc.low)} ~ ${num(r.auc.high)}）：区分力较好，随机挑一个转化者和一个未转化者，模型约有 ${Math.round((r.auc.value ?? 0) * 100)}% 的把握给前者打更高分。`,
      }[band];
      const drivers = strongest(r);
      const driverText = drivers.length
        ? `影响最大的是${drivers.map((c) => `${c.label}（每多 1 个标准差，转化几率×${num(c.oddsRatio)}）`).join('、')}。`
        : '没有哪个特征的作用在统计上明确（各几率比的区间都跨过 1）。';
      const action =
        band === 'good' || band === 'fair'
          ? `建议：把名单前列的 ${r.top.length} 人保存为标签，优先安排一对一跟进或专属优惠，再用 A/B 对比检验跟进后的转化率是否真的更高。`
          : '建议：换一组特征或积累更多数据后再试。';
      return `${quality}${driverText}这是相关而非因果：特征高的人更可能买，不代表提高这个特征就能让人买。${action}`;
    },
    errors: {
      separation: (labels: string[]) =>
        `所选特征（${labels.join('、')}）能把转化和未转化的成员完全分开，模型系数趋于无穷，无法给出可信的几率比。请去掉取值只出现在转化者（或只出现在未转化者）身上的特征后重试。`,
      collinear: (labels: string[]) => `所选特征（${labels.join('、')}）之间存在完全共线（某个特征可由其他特征算出），请去掉其中一个后重试。`,
      not_converged: () => '模型迭代 50 次仍未收敛，请减少特征或换一个随机种子后重试。',
      tooFew: (converted: number, others: number) =>
        `拟合组里需要同时有已转化和未转化的成员（各至少 5 人）：现在转化 ${converted} 人、未转化 ${others} 人。`,
      noMembers: '当前范围内没有成员。',
      allConstant: '所选特征在拟合成员中都是同一个值，无从学习：请换别的特征。',
      unknownFeature: (feature: string) => `没有特征“${feature}”（关键行为须已启用）`,
      tagInUse: (name: string) => `标签“${name}”已存在于客户列表中，请换一个名称`,
    },
  },
  en: {
    title: 'Lookalike',
    intro: 'Finds the members who have not bought yet but look most like those who have (a paid order not fully refunded). A random 70% of the members fit a logistic regression; the other 30% check how well it predicts.',
    featuresLegend: 'Features to use (customer 360)',
    purchaseFeaturesLeftOut: 'Purchases, GMV, AOV and the other purchase features are computed from the outcome itself and cannot predict it: they are left out.',
    seed: 'Random seed',
    seedHint: 'The same seed and data give the same split; another seed checks whether the findings hold',
    top: 'People listed',
    run: 'Fit',
    fitting: 'Fitting the model…',
    auc: 'AUC (held-out 30%)',
    aucMethod: '95% interval by Hanley–McNeil',
    coefficients: 'What each feature does (odds of converting multiply by, per 1 standard deviation more)',
    calibration: 'Calibration: predicted against observed conversion in ten groups by predicted probability',
    list: 'Members most likely to convert who have not yet',
    tagName: 'Tag name',
    saveTag: 'Save as tag',
    tagSaved: (name: string, n: number) => `Saved tag "${name}" (${n} people): usable in the funnel's tag breakdown and the A/B tag arms`,
    savedTags: 'Saved tags',
    noSavedTags: 'No saved tags yet',
    remove: 'Delete',
    noFeature: 'Choose at least one feature',
    cols: {
      feature: 'Feature',
      mean: 'Mean',
      sd: 'SD',
      coefficient: 'Coefficient (per 1 SD)',
      se: 'SE',
      oddsRatio: 'Odds ratio',
      low: '95% low',
      high: '95% high',
      p: 'p',
      decile: 'Decile',
      n: 'People',
      predicted: 'Predicted conversion %',
      observed: 'Observed conversion %',
      rank: 'Rank',
      pid: 'Member ID',
      name: 'Nickname',
      channel: 'Channel',
      staff: 'Staff',
      groups: 'Groups',
      probability: 'Probability %',
      percentile: 'Percentile',
    },
    chart: { predicted: 'Predicted', observed: 'Observed', oddsRatio: 'Odds ratio (log scale)' },
    sheetName: 'Lookalike',
    split: (r: LookalikeResult) =>
      `${r.members} members, ${r.converted} converted; fitted on ${r.train.n} (${r.train.converted} converted), checked on ${r.test.n} (${r.test.converted} converted), seed ${r.seed}`,
    droppedNote: (labels: string[]) => `${labels.join(', ')}: the same value for every member fitted on, nothing to learn from; left out.`,
    imputedNote: (items: { label: string; count: number }[]) => `${items.map((i) => `${i.label} missing for ${i.count}`).join(', ')}: filled with the mean of the members fitted on.`,
    tagNote: (seed: number, labels: string[], top: number) => `Lookalike top ${top} (seed ${seed}; features: ${labels.join(', ')})`,
    reading: (r: LookalikeResult): string => {
      const band = aucBand(r.auc.value);
      const quality = {
        none: 'The held-out members do not include both converted and non-converted people: the model cannot be judged.',
        weak: `AUC ${num(r.auc.value)} (95% interval ${num(r.auc.low)} to ${num(r.auc.high)}): these features barely tell buyers apart; the list is little better than chance.`,
        fair: `AUC ${num(r.auc.value)} (95% interval ${num(r.auc.low)} to ${num(r.auc.high)}): some discrimination; given a random buyer and non-buyer, the model ranks the buyer higher about ${Math.round((r.auc.value ?? 0) * 100)}% of the time.`,
        good: `AUC ${num(r.auc.value)} (95% interval ${num(r.auc.low)} to ${num(r.auc.high)}): good discrimination; given a random buyer and non-buyer, the model ranks the buyer higher about ${Math.round((r.auc.value ?? 0) * 100)}% of the time.`,
      }[band];
      const drivers = strongest(r);
      const driverText = drivers.length
        ? ` Strongest: ${drivers.map((c) => `${c.label} (odds ×${num(c.oddsRatio)} per SD)`).join(', ')}.`
        : ' No feature has a clear effect (every odds ratio interval spans 1).';
      const action =
        band === 'good' || band === 'fair'
          ? ` Save the top ${r.top.length} as a tag, follow them up first, and check with an A/B comparison that it lifts conversion.`
          : ' Try other features or more data.';
      return `${quality}${driverText} This is association, not cause.${action}`;
    },
    errors: {
      separation: (labels: string[]) =>
        `The chosen features (${labels.join(', ')}) separate converted from non-converted members completely: the coefficients run off to infinity and no odds ratio can be trusted. Leave out a feature whose values occur only among buyers (or only among the others).`,
      collinear: (labels: string[]) => `The chosen features (${labels.join(', ')}) are collinear (one is computed from the others): leave one out.`,
      not_converged: () => 'The fit did not converge in 50 iterations: use fewer features or another seed.',
      tooFew: (converted: number, others: number) => `The fitting part needs converted and non-converted members (at least 5 each): ${converted} converted, ${others} not.`,
      noMembers: 'No members in the scope.',
      allConstant: 'Every chosen feature has one value for all members fitted on: choose others.',
      unknownFeature: (feature: string) => `No feature "${feature}" (a key behaviour must be enabled)`,
      tagInUse: (name: string) => `The customer list already has a tag "${name}": choose another name`,
    },
  },
});

/** Messages of the `lookalike` command line. */
export const lookalikeCliText = localized({
  'zh-CN': {
    noArgument: (arg: string) => `lookalike 命令不接受参数“${arg}”`,
    badTable: (value: string) => `--table 只能是 list | coefficients | calibration，收到“${value}”`,
    badSeed: (value: string) => `--seed 须为 0 到 2147483647 的整数，收到“${value}”`,
    badTop: (value: string) => `--top 须为 1 到 100000 的整数，收到“${value}”`,
    summary: (r: LookalikeResult) => `${lookalikeText.split(r)}；AUC ${num(r.auc.value, 3)}（95% 区间 ${num(r.auc.low, 3)} ~ ${num(r.auc.high, 3)}，Hanley–McNeil）`,
    tagSaved: (name: string, n: number) => `已保存标签“${name}”（${n} 人）`,
  },
  en: {
    noArgument: (arg: string) => `lookalike takes no argument: "${arg}"`,
    badTable: (value: string) => `--table must be list | coefficients | calibration, got "${value}"`,
    badSeed: (value: string) => `--seed must be a whole number from 0 to 2147483647, got "${value}"`,
    badTop: (value: string) => `--top must be a whole number from 1 to 100000, got "${value}"`,
    summary: (r: LookalikeResult) => `${lookalikeText.split(r)}; AUC ${num(r.auc.value, 3)} (95% interval ${num(r.auc.low, 3)} to ${num(r.auc.high, 3)}, Hanley–McNeil)`,
    tagSaved: (name: string, n: number) => `Saved tag "${name}" (${n} people)`,
  },
});
