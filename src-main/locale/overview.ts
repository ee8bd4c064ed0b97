// Texts of the overview page (概览).
import { localized } from './language';

/** Labels of the key-figure cards, by DESIGN §4 metric id. */
export const overviewCardLabels = localized({
  'zh-CN': {
    total_members: '社群总人数',
    new_members: '本周新增',
    active_rate: '活跃率',
    churned_members: '本周流失',
    converted_members: '转化人数',
    conversion_rate: '转化率',
    gmv: '贡献GMV',
  } as const,
  en: {
    total_members: 'Total members',
    new_members: 'New this week',
    active_rate: 'Active rate',
    churned_members: 'Churned this week',
    converted_members: 'Converted',
    conversion_rate: 'Conversion rate',
    gmv: 'GMV',
  },
});

/** Texts of the overview page. */
export const overviewText = localized({
  'zh-CN': {
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
    trendTitle: '近 12 周趋势',
    trendMembers: '社群总人数',
    trendActiveRate: '活跃率',
    axisMembers: '人数',
    axisRate: '活跃率',
    funnelTitle: '客户路径转化（按人群）',
    funnelRange: (from: string, to: string) => `${from} ~ ${to} 进入路径的人`,
    funnelHint:
      '近 4 周（含本周）首次进入客户路径第一步的人，按顺序跟踪到后面各步（转化窗口 14 天），与“路径与漏斗”的按人群模式相同；' +
      '每一步都是上一步的人中的一部分，所以人数逐步减少、上一步转化不超过 100%。最近进入的人还没走完窗口，后面的步骤会继续增加。',
    funnelEmpty: '近 4 周没有人进入客户路径',
    funnelStepRate: '上一步转化',
    funnelBarLabel: (count: string, stepRate: string | null) => (stepRate === null ? count : `${count}（${stepRate}）`),
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
    /** What the overview cannot show without a kind of export, by kind. */
    missingData: {
      orders: '未导入订单：转化与GMV无法计算',
      messages: '未导入聊天记录：活跃率无法计算',
      customers: '未导入客户列表：无法按渠道区分，订单也无法经手机号匹配到群成员',
    },
    missingAction: '导入',
  } as const,
  en: {
    title: 'This week',
    week: (start: string, end: string) => `${start} ~ ${end}`,
    weekHint: 'The latest week in the data (Monday to Sunday)',
    loading: 'Calculating…',
    lastWeek: 'Last week',
    vsLastWeek: 'vs last week',
    noChange: '-',
    flat: 'flat',
    changeTitle: 'Change on last week: (this week − last week) ÷ last week; not computed when last week is 0',
    trendTitle: 'Last 12 weeks',
    trendMembers: 'Total members',
    trendActiveRate: 'Active rate',
    axisMembers: 'People',
    axisRate: 'Active rate',
    funnelTitle: 'Customer path (cohort)',
    funnelRange: (from: string, to: string) => `People who entered the path ${from} ~ ${to}`,
    funnelHint:
      'People whose first step on the customer path fell in the last 4 weeks (this week included), followed through the later steps in order ' +
      '(14-day conversion window), as in the cohort mode of Path & funnel; each step is part of the one before, so counts only fall and no step ' +
      'rate exceeds 100%. The latest entrants are still inside their window: later steps may still grow.',
    funnelEmpty: 'Nobody entered the customer path in the last 4 weeks',
    funnelStepRate: 'From previous step',
    funnelBarLabel: (count: string, stepRate: string | null) => (stepRate === null ? count : `${count} (${stepRate})`),
    churnTitle: 'Churn this week',
    churnCount: 'Churned',
    churnRate: 'Churn rate',
    churnRateHint: 'Churned this week ÷ total members at the end of last week',
    openMetrics: 'Open metrics',
    openFunnel: 'Open funnel analysis',
    openChurn: 'Open churn analysis',
    linksTitle: 'More analyses',
    emptyTitle: 'Nothing to analyse yet',
    emptyBody: 'Import group members, chat records, orders and other exports first; the overview then shows the key figures of the latest week.',
    emptyAction: 'Import data',
    missingData: {
      orders: 'No orders imported: conversion and GMV cannot be computed',
      messages: 'No chat records imported: the active rate cannot be computed',
      customers: 'No customer list imported: no channels, and orders cannot be matched to members by phone',
    },
    missingAction: 'Import',
  },
});
