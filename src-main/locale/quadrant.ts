// Texts of the satisfaction × loyalty quadrant view (四象限), its export and its default types.
import type { AxisTerm, QuadrantAxis, QuadrantType } from '../contract';
import { localized } from './language';

/** Labels of the 标准化 column. */
export const normaliseLabels = localized({
  'zh-CN': { raw: '原值', minmax: '最小-最大', percentile: '百分位' } satisfies Record<AxisTerm['normalise'], string>,
  en: { raw: 'Raw', minmax: 'Min–max', percentile: 'Percentile' },
});

/** Labels of the threshold kinds. */
export const thresholdKindLabels = localized({
  'zh-CN': { fixed: '固定值', percentile: '百分位' } satisfies Record<QuadrantAxis['threshold']['kind'], string>,
  en: { fixed: 'Fixed value', percentile: 'Percentile' },
});

/** The fixed geometric meaning of each type (its label is the user's). */
export const typeMeanings = localized({
  'zh-CN': {
    loyal: '高满意 · 高忠诚',
    needy: '高满意 · 低忠诚',
    bargain: '低满意 · 高忠诚',
    low: '低满意 · 低忠诚',
  } satisfies Record<QuadrantType, string>,
  en: {
    loyal: 'High satisfaction · high loyalty',
    needy: 'High satisfaction · low loyalty',
    bargain: 'Low satisfaction · high loyalty',
    low: 'Low satisfaction · low loyalty',
  },
});

/** Label and strategy of each type in the default definition, until the user saves their own. */
export const defaultQuadrantTypes = localized({
  'zh-CN': {
    loyal: { label: '忠实型', strategy: '重点维护：专属福利、优先体验新品，邀请成为推荐官。' },
    bargain: { label: '羊毛型', strategy: '控制优惠成本：用满减、会员积分引导提高客单价。' },
    low: { label: '低需求', strategy: '低成本维护：群内内容培育，定期唤醒。' },
    needy: { label: '需求型', strategy: '按需触达：在需求出现时推送相关商品与内容，提升复购。' },
  } satisfies Record<QuadrantType, { label: string; strategy: string }>,
  en: {
    loyal: { label: 'Loyal', strategy: 'Look after them: exclusive perks, first try of new products, invite them to refer others.' },
    bargain: { label: 'Bargain hunter', strategy: 'Keep discounts in check: use spend thresholds and loyalty points to raise the order value.' },
    low: { label: 'Low need', strategy: 'Low-cost care: nurture with group content, wake them up now and then.' },
    needy: { label: 'Need-driven', strategy: 'Reach out on need: push matching products and content when a need shows, to drive repurchase.' },
  },
});

/** Messages of the Node side about quadrant definitions. */
export const quadrantMessages = localized({
  'zh-CN': {
    missingTypes: (types: string[]) => `四象限定义缺少类型：${types.join('、')}`,
    percentileRange: (axis: 'x' | 'y', value: number) => `${axis === 'x' ? '满意度' : '忠诚度'}的百分位阈值须在 0 到 100 之间：${value}`,
    noSuchType: (type: string) => `四象限定义中没有类型 ${type}`,
    exportFile: (label: string) => `四象限_${label}.xlsx`,
    typeColumn: '类型',
  },
  en: {
    missingTypes: (types: string[]) => `The quadrant definition lacks the types: ${types.join(', ')}`,
    percentileRange: (axis: 'x' | 'y', value: number) => `The percentile threshold of ${axis === 'x' ? 'satisfaction' : 'loyalty'} must be between 0 and 100: ${value}`,
    noSuchType: (type: string) => `The quadrant definition has no type ${type}`,
    exportFile: (label: string) => `Quadrant_${label}.xlsx`,
    typeColumn: 'Type',
  },
});

/** Texts of the quadrant view. */
export const quadrantText = localized({
  'zh-CN': {
    title: '四象限',
    intro: '按满意度（横轴）和忠诚度（纵轴）把成员分成四类，每类配一条运营策略。',
    modes: { score: '评分模式', rule: '规则模式' },
    modeHints: {
      score: '每条轴 = Σ 权重 × 标准化后的特征；不低于阈值为“高”，恰好等于阈值也算高。特征为空（如没有问卷）按 0 计。',
      rule: '按优先级从上到下检查各类型的条件，第一个满足的类型生效；都不满足的成员为“未分类”。散点图的坐标仍按评分模式的两条轴计算。',
    },
    axes: { x: '满意度（横轴）', y: '忠诚度（纵轴）' },
    axisShort: { x: '满意度', y: '忠诚度' },
    termColumns: { feature: '特征', weight: '权重', normalise: '标准化' },
    threshold: '阈值',
    percentileValue: '百分位 p',
    fixedValue: '数值',
    resolvedThreshold: (v: string) => `当前阈值 ${v}`,
    noThreshold: '当前阈值：无（所有人取值相同，没有人为“高”）',
    /** What became of the threshold when its kind was switched. */
    thresholdConverted: {
      toPercentile: (fixed: string, p: string) => `固定值 ${fixed} 已换算为第 ${p} 百分位（${p}% 的人低于 ${fixed}），分类不变`,
      toFixed: (p: string, fixed: string) => `第 ${p} 百分位已换算为固定值 ${fixed}，分类不变`,
      clearedToPercentile: '暂无得分，无法把固定值换算为百分位：已改为第 50 百分位，请确认',
      clearedToFixed: '当前百分位没有对应的数值（没有人为“高”或结果尚未算出）：阈值已清为 0，请输入固定值',
    },
    thresholdProblems: {
      notNumber: '阈值需要一个数字',
      percentileRange: '百分位须在 0 到 100 之间',
    },
    noTerms: '没有特征：这条轴上所有人都是 0',
    typesTitle: '类型与策略',
    typesHint: '类型的位置固定（如“高满意 · 高忠诚”），名称和策略可以改。',
    label: '名称',
    strategy: '运营策略',
    labelEmpty: '名称不能为空',
    priorityTitle: '类型与条件（按优先级）',
    priorityHint: '用“上移”“下移”调整优先级；同一类型内“且”优先于“或”，特征为空时该条不成立。',
    priority: (n: number) => `优先级 ${n}`,
    moveUp: '上移',
    moveDown: '下移',
    ruleSentence: '条件：',
    noRules: '没有条件：不会选出任何人',
    scatterAxesTitle: '散点图坐标轴',
    undo: '撤销',
    redo: '重做',
    save: '保存',
    saving: '正在保存…',
    unsaved: '有未保存的修改',
    loading: '正在计算…',
    invalid: '定义有误，结果未更新',
    unclassified: '未分类',
    people: (n: number) => `${n.toLocaleString('zh-CN')} 人`,
    ofPeople: (n: number) => `共 ${n.toLocaleString('zh-CN')} 人`,
    chartTitle: '满意度 × 忠诚度',
    tooltip: (name: string, x: string, y: string) => `${name}<br/>满意度 ${x}<br/>忠诚度 ${y}`,
    noName: '（无昵称）',
    pointCount: (n: number) => `此处 ${n.toLocaleString('zh-CN')} 人，其中之一：`,
    binTooltip: (n: number, x: readonly [string, string], y: readonly [string, string]) => `${n.toLocaleString('zh-CN')} 人<br/>满意度 ${x[0]} – ${x[1]}<br/>忠诚度 ${y[0]} – ${y[1]}`,
    densityNote: (n: number) => `共 ${n.toLocaleString('zh-CN')} 人，按密度显示：每个点是一小块区域内的同类成员，点越大人越多。点击点或类型卡片查看名单。`,
    emptyFeatures: (names: string) => `这些特征在本项目（所选群）中没有数据，对每个人都为空或 0：${names}。默认定义不使用没有数据的特征；导入相应的数据（如满意度问卷）后即可使用。`,
    listTitle: (label: string) => `${label} 名单`,
    listHint: '点击上方的类型卡片或散点，查看该类成员',
    listColumns: { pid: '成员ID', name: '昵称', x: '满意度', y: '忠诚度' },
    empty: '项目中还没有成员数据，请先导入群成员或聊天记录。',
  },
  en: {
    title: 'Quadrant',
    intro: 'Splits members into four types by satisfaction (x axis) and loyalty (y axis), each with an operating strategy.',
    modes: { score: 'Score mode', rule: 'Rule mode' },
    modeHints: {
      score: 'Each axis = Σ weight × normalised feature; at or above the threshold is "high". An empty feature (such as no survey) counts as 0.',
      rule: 'The types\' conditions are checked by priority from the top; the first that holds wins; members matching none are "unclassified". The scatter still uses the two axes of the score mode.',
    },
    axes: { x: 'Satisfaction (x axis)', y: 'Loyalty (y axis)' },
    axisShort: { x: 'Satisfaction', y: 'Loyalty' },
    termColumns: { feature: 'Feature', weight: 'Weight', normalise: 'Normalise' },
    threshold: 'Threshold',
    percentileValue: 'Percentile p',
    fixedValue: 'Value',
    resolvedThreshold: (v: string) => `Threshold now ${v}`,
    noThreshold: 'Threshold now: none (everyone has the same value, nobody is "high")',
    thresholdConverted: {
      toPercentile: (fixed: string, p: string) => `The value ${fixed} became the ${p}th percentile (${p}% of people are below ${fixed}); nobody changes type`,
      toFixed: (p: string, fixed: string) => `The ${p}th percentile became the value ${fixed}; nobody changes type`,
      clearedToPercentile: 'No scores yet, so the value cannot become a percentile: set to the 50th percentile, please check',
      clearedToFixed: 'The percentile has no value (nobody is "high", or the result is not in yet): the threshold was cleared to 0, please type a value',
    },
    thresholdProblems: {
      notNumber: 'The threshold needs a number',
      percentileRange: 'The percentile must be between 0 and 100',
    },
    noTerms: 'No features: everyone is 0 on this axis',
    typesTitle: 'Types and strategies',
    typesHint: 'A type\'s position is fixed (such as "high satisfaction · high loyalty"); its name and strategy can be changed.',
    label: 'Name',
    strategy: 'Strategy',
    labelEmpty: 'The name must not be empty',
    priorityTitle: 'Types and conditions (by priority)',
    priorityHint: 'Use "Up" and "Down" to change the priority; within a type "and" binds before "or"; a condition on an empty feature does not hold.',
    priority: (n: number) => `Priority ${n}`,
    moveUp: 'Up',
    moveDown: 'Down',
    ruleSentence: 'Condition: ',
    noRules: 'No conditions: nobody will be selected',
    scatterAxesTitle: 'Scatter axes',
    undo: 'Undo',
    redo: 'Redo',
    save: 'Save',
    saving: 'Saving…',
    unsaved: 'Unsaved changes',
    loading: 'Calculating…',
    invalid: 'The definition has errors; results not updated',
    unclassified: 'Unclassified',
    people: (n: number) => `${n.toLocaleString('en-US')} people`,
    ofPeople: (n: number) => `of ${n.toLocaleString('en-US')} people`,
    chartTitle: 'Satisfaction × loyalty',
    tooltip: (name: string, x: string, y: string) => `${name}<br/>Satisfaction ${x}<br/>Loyalty ${y}`,
    noName: '(no nickname)',
    pointCount: (n: number) => `${n.toLocaleString('en-US')} people here, one of them:`,
    binTooltip: (n: number, x: readonly [string, string], y: readonly [string, string]) => `${n.toLocaleString('en-US')} people<br/>Satisfaction ${x[0]} – ${x[1]}<br/>Loyalty ${y[0]} – ${y[1]}`,
    densityNote: (n: number) => `${n.toLocaleString('en-US')} people, drawn as a density: each dot is the people of one type in a small area, the larger the more. Click a dot or a type card to list them.`,
    emptyFeatures: (names: string) => `These features have no data in this project (the chosen groups), empty or 0 for everyone: ${names}. The default definition leaves out features without data; import the data (such as a satisfaction survey) to use them.`,
    listTitle: (label: string) => `${label}: people`,
    listHint: 'Click a type card above or a point to list its members',
    listColumns: { pid: 'Member ID', name: 'Nickname', x: 'Satisfaction', y: 'Loyalty' },
    empty: 'The project has no member data yet: import group members or chat records first.',
  },
});
