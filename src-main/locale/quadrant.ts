// Chinese texts of the satisfaction × loyalty quadrant view (四象限).
import type { AxisTerm, QuadrantAxis, QuadrantType } from '../contract';

/** Labels of the 标准化 column. */
export const normaliseLabels = { raw: '原值', minmax: '最小-最大', percentile: '百分位' } satisfies Record<AxisTerm['normalise'], string>;

/** Labels of the threshold kinds. */
export const thresholdKindLabels = { fixed: '固定值', percentile: '百分位' } satisfies Record<QuadrantAxis['threshold']['kind'], string>;

/** The fixed geometric meaning of each type (its label is the user's). */
export const typeMeanings = {
  loyal: '高满意 · 高忠诚',
  needy: '高满意 · 低忠诚',
  bargain: '低满意 · 高忠诚',
  low: '低满意 · 低忠诚',
} satisfies Record<QuadrantType, string>;

/** Texts of the quadrant view. */
export const quadrantText = {
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
  percentileHint: '百分位 p：至少 p% 的人低于某人时，此人为“高”；并列的人不会被拆开。',
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
  listTitle: (label: string) => `${label} 名单`,
  listHint: '点击上方的类型卡片或散点，查看该类成员',
  listColumns: { pid: '成员ID', name: '昵称', x: '满意度', y: '忠诚度' },
  exportXlsx: '导出 xlsx',
  exporting: '正在导出…',
  empty: '项目中还没有成员数据，请先导入群成员或聊天记录。',
};
