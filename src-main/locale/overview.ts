// Chinese texts of the overview page (概览).

/** Labels of the key-figure cards, by DESIGN §4 metric id. */
export const overviewCardLabels = {
  total_members: '社群总人数',
  new_members: '本周新增',
  active_rate: '活跃率',
  churned_members: '本周流失',
  converted_members: '转化人数',
  conversion_rate: '转化率',
  gmv: 'GMV',
} as const;

/** Texts of the overview page. */
export const overviewText = {
  title: '本周概览',
  week: (start: string, end: string) => `${start} ~ ${end}`,
  weekHint: '数据中最近的一周（周一至周日）',
  loading: '正在计算…',
  lastWeek: '上周',
  vsLastWeek: '较上周',
  /** Shown when a change has no base (last week 0 or unknown). */
  noChange: '-',
  flat: '持平',
  changeTitle: '较上周变化（本周 − 上周）÷ 上周；上周为 0 时不计算',
  activeMembers: (n: string) => `活跃 ${n} 人`,
  trendTitle: '近 12 周趋势',
  trendMembers: '社群总人数',
  trendActiveRate: '活跃率',
  axisMembers: '人数',
  axisRate: '活跃率',
  funnelTitle: '本周漏斗（按期间计数）',
  funnelEmpty: '本周没有漏斗数据',
  funnelStepRate: '上一步转化',
  churnTitle: '本周流失',
  churnCount: '流失人数',
  churnRate: '流失率',
  churnRateHint: '本周流失人数 ÷ 上周末社群总人数',
  openMetrics: '查看指标明细',
  openFunnel: '打开漏斗分析',
  openChurn: '打开流失分析',
  linksTitle: '更多分析',
  emptyTitle: '还没有可分析的数据',
  emptyBody: '先导入群成员、聊天记录、订单等导出文件，概览会显示最近一周的关键数据。',
  emptyAction: '去导入',
} as const;
