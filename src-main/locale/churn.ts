// Texts of the churn, retention and survival view (流失与留存) and of its export.
import type { ChurnStage, ChurnWay } from '../contract';
import { localized } from './language';

/** How a person left. */
export const churnWayText = localized({
  'zh-CN': {
    left_group: '主动退群',
    removed: '被移出群',
    customer_deleted_staff: '客户删除员工',
    staff_deleted_customer: '员工删除客户',
  } satisfies Record<ChurnWay, string>,
  en: {
    left_group: 'Left the group',
    removed: 'Removed from the group',
    customer_deleted_staff: 'Customer deleted staff',
    staff_deleted_customer: 'Staff deleted customer',
  },
});

/** Where on the customer path a person was when they left. */
export const churnStageText = localized({
  'zh-CN': {
    added_not_joined: '已添加未入群',
    joined_not_bought: '已入群未购买',
    bought_once: '购买过一次',
    repeat_buyer: '复购客户',
  } satisfies Record<ChurnStage, string>,
  en: {
    added_not_joined: 'Added, not joined',
    joined_not_bought: 'Joined, not bought',
    bought_once: 'Bought once',
    repeat_buyer: 'Repeat buyer',
  },
});

/** Tenure buckets of the breakdown (values from the Node side). */
export const tenureText = localized<Record<string, string>>({
  'zh-CN': {
    '0-7': '0–7 天',
    '8-30': '8–30 天',
    '31-90': '31–90 天',
    '91-180': '91–180 天',
    '180+': '180 天以上',
    '': '未知',
  },
  en: {
    '0-7': '0–7 days',
    '8-30': '8–30 days',
    '31-90': '31–90 days',
    '91-180': '91–180 days',
    '180+': 'over 180 days',
    '': 'Unknown',
  },
});

/** Breakdown dimensions, in the order the view shows them. */
export const breakdownKeys = ['stage', 'how', 'channel', 'tenure', 'group'] as const;
export type BreakdownKey = (typeof breakdownKeys)[number];

/** Texts of the churn view. */
export const churnText = localized({
  'zh-CN': {
    loading: '正在计算…',
    rateNote:
      '流失人数 = 该期内有退群、且到期末已不在所选群中的人（与“社群指标”的流失用户数一致，同日退群又入群不算流失）；流失率 = 流失人数 ÷ 上一期期末社群总人数 × 100%，上一期没有人时为空（-）。同一期内入群又流失的人也计入流失人数，所以流失率可能超过 100%。',
    seriesTitle: '流失趋势',
    churned: '流失人数',
    churnedTotal: (period: string) => `各${period}流失人数之和`,
    churnedTotalHint: (period: string) =>
      `把每${period}的流失人数相加：一个人在几个${period}里各流失一次就算几次；同一${period}内退群后又回来的人不算。与“流失人数（去重）”不同，后者每人只算一次。`,
    churnedPeople: '流失人数（去重）',
    churnedPeopleHint:
      '所选范围内有流失记录的人，每人只算一次（未匹配到成员的删除记录各算一人）。流失名单的记录数 ≥ 它：同一人多次退群或被删除时有多条记录；各期流失人数之和另按每期计算。',
    churnRate: '流失率',
    membersBefore: '上期末总人数',
    axisPeople: '人数',
    axisRate: '流失率',
    emptySeries: '所选范围内没有社群数据',
    breakdownTitle: '流失构成',
    breakdown: {
      stage: '所处阶段',
      how: '流失方式',
      channel: '来源渠道',
      tenure: '在群时长',
      group: '退出的群',
    } satisfies Record<BreakdownKey, string>,
    breakdownCount: '人次',
    breakdownShare: '占比',
    allMembers: '全部成员',
    noGroup: '（删除联系人，无群）',
    emptyBreakdown: '没有流失记录',
    listTitle: '流失名单',
    listCount: (n: number) => `共 ${n.toLocaleString('zh-CN')} 条记录（人次）`,
    listCountFiltered: (shown: number, total: number) => `筛选出 ${shown.toLocaleString('zh-CN')} 条，共 ${total.toLocaleString('zh-CN')} 条记录（人次）`,
    listNote:
      '退群：当天结束时已不在所选群中的那一次退群（同日又回来的不算）；删除联系人：来自“流失客户”导出，每条记录一行。未选群时列出全部删除记录，未能匹配到成员的也列出（成员ID 显示“未匹配”）；选了群时只列出曾在这些群中的人的删除记录。',
    col: {
      left_at: '流失时间',
      name: '昵称',
      how: '流失方式',
      group_name: '群',
      stage: '所处阶段',
      channel: '来源渠道',
      tenure_days: '在群天数',
      pid: '成员ID',
    },
    unmatched: '未匹配',
    /** Sheet and file name of the exported list. */
    exportName: '流失记录',
    emptyList: '所选范围内没有流失记录',
    retentionTitle: '留存（按入群周）',
    retentionNote: '每行是首次入群在同一周的人；第 k 周 = 入群后第 k 个周日结束时仍在所选群中的比例（中途退出又回来的也算留存）。尚未结束的周留空。',
    cohortLabel: (week: string, size: number) => `${week}（${size} 人）`,
    weekOffset: (k: number) => `第 ${k} 周`,
    retained: '留存率',
    retainedCount: '留存人数',
    emptyRetention: '所选范围内没有入群记录',
    survivalTitle: '在群时长生存曲线（Kaplan–Meier）',
    survivalNote: '从首次入群到第一次离开所选群的天数；到数据截止时仍在群的人按删失处理。',
    survivalBy: { none: '全部', channel: '按渠道', group: '按群' },
    survivalAxisDays: '入群天数',
    survivalAxis: '仍在群比例',
    emptySurvival: '所选范围内没有入群记录',
    medians: {
      label: '曲线',
      n: '人数',
      events: '已离开',
      median: '中位在群天数',
      none: '未到一半',
      days: (d: number) => `${d} 天`,
    },
  },
  en: {
    loading: 'Calculating…',
    rateNote:
      'Churned = people who left in the period and are not in a selected group at its end (as "churned users" of Metrics; leaving and rejoining on the same day is not churn); churn rate = churned ÷ total members at the end of the previous period × 100%, empty (-) when that was nobody. People who join and churn within one period count too, so the rate can exceed 100%.',
    seriesTitle: 'Churn trend',
    churned: 'Churned',
    churnedTotal: (period: string) => `Churned, summed over ${period}s`,
    churnedTotalHint: (period: string) =>
      `Each ${period}'s churned people added up: someone who churned in several ${period}s counts once in each; someone who left and came back within a ${period} does not count. Unlike "Churned people (distinct)", which counts each person once.`,
    churnedPeople: 'Churned people (distinct)',
    churnedPeopleHint:
      'People with a churn record in the range, each counted once (each deletion record matched to no member counts as one). The list has at least as many records: a person who left or was deleted several times has several; the per-period sum is counted per period.',
    churnRate: 'Churn rate',
    membersBefore: 'Members at previous end',
    axisPeople: 'People',
    axisRate: 'Churn rate',
    emptySeries: 'No community data in the selected range',
    breakdownTitle: 'Churn breakdown',
    breakdown: {
      stage: 'Stage',
      how: 'How',
      channel: 'Source channel',
      tenure: 'Time in group',
      group: 'Group left',
    },
    breakdownCount: 'Events',
    breakdownShare: 'Share',
    allMembers: 'All members',
    noGroup: '(contact deleted, no group)',
    emptyBreakdown: 'No churn records',
    listTitle: 'Churned people',
    listCount: (n: number) => `${n.toLocaleString('en-US')} records (one per leave or deletion)`,
    listCountFiltered: (shown: number, total: number) => `${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} records match the filters`,
    listNote:
      'Left: the leave after which the person was not in a selected group at the end of the day (returning the same day does not count); contact deleted: from a "churned customers" export, one row per record. Without selected groups every deletion is listed, also those matched to no member (member ID shows "unmatched"); with selected groups only deletions of people who were in them.',
    col: {
      left_at: 'Churned at',
      name: 'Nickname',
      how: 'How',
      group_name: 'Group',
      stage: 'Stage',
      channel: 'Source channel',
      tenure_days: 'Days in group',
      pid: 'Member ID',
    },
    unmatched: 'unmatched',
    exportName: 'Churn records',
    emptyList: 'No churn records in the selected range',
    retentionTitle: 'Retention (by join week)',
    retentionNote:
      'Each row is the people who first joined in the same week; week k = the share still in a selected group at the end of the k-th Sunday after joining (leaving and returning counts as retained). Weeks not yet over are empty.',
    cohortLabel: (week: string, size: number) => `${week} (${size})`,
    weekOffset: (k: number) => `Week ${k}`,
    retained: 'Retention',
    retainedCount: 'Retained',
    emptyRetention: 'No joins in the selected range',
    survivalTitle: 'Survival in the group (Kaplan–Meier)',
    survivalNote: 'Days from the first join to the first time the person left the selected groups; people still in a group when the data ends are censored.',
    survivalBy: { none: 'All', channel: 'By channel', group: 'By group' },
    survivalAxisDays: 'Days since joining',
    survivalAxis: 'Share still in group',
    emptySurvival: 'No joins in the selected range',
    medians: {
      label: 'Curve',
      n: 'People',
      events: 'Left',
      median: 'Median days in group',
      none: 'not reached',
      days: (d: number) => `${d} days`,
    },
  },
});
