// Texts of the customer path editor, the funnel view, its export and the path's default stages.
import type { StageSource, StageSourceInfo } from '../contract';
import { localized } from './language';

/** Labels of the data a stage can be bound to (the editor's select, the path answers). */
export const stageSourceText = localized({
  'zh-CN': {
    ad_impressions: '广告曝光（渠道投放·曝光）',
    ad_clicks: '广告点击（渠道投放·点击）',
    oa_new_follows: '公众号新关注（公众号用户分析）',
    contact_new: '新增客户（联系客户统计）',
    person_added: '添加为客户（客户列表·添加时间）',
    person_joined: '入群（群成员·入群时间）',
    person_active: '在群内发言（聊天记录）',
    person_first_paid: '首次付费下单（订单）',
    person_repurchase: '复购（第二笔付费订单）',
    person_referral: '推荐好友入群（群成员·邀请人）',
  } satisfies Record<StageSource, string>,
  en: {
    ad_impressions: 'Ad impressions (ad costs · impressions)',
    ad_clicks: 'Ad clicks (ad costs · clicks)',
    oa_new_follows: 'New official-account follows (official account analysis)',
    contact_new: 'New customers (contact statistics)',
    person_added: 'Added as customer (customer list · added time)',
    person_joined: 'Joined a group (group members · join time)',
    person_active: 'Posted in a group (chat records)',
    person_first_paid: 'First paid order (orders)',
    person_repurchase: 'Repurchase (second paid order)',
    person_referral: 'Referred a friend who joined (group members · inviter)',
  },
});

/** Names of the default path's stages, by stage id (DESIGN §2). */
export const defaultStageNames = localized({
  'zh-CN': { ad: '广告曝光', follow: '公众号关注', add: '添加客服微信', join: '入群', pay: '付费下单' },
  en: { ad: 'Ad impression', follow: 'Official account follow', add: 'Added service WeChat', join: 'Joined group', pay: 'Paid order' },
});

/** Messages of the Node side about paths and funnels. */
export const funnelMessages = localized({
  'zh-CN': {
    noValue: '（无）',
    skipAggregate: '按天汇总的数据无法按人跟踪，同期群只跟踪按人统计的阶段',
    tooFewStages: '路径至少需要 2 个阶段',
    stageUnnamed: (n: number) => `第 ${n} 个阶段没有名称`,
    stageNameTwice: (name: string) => `阶段名称“${name}”重复`,
    stageIdTwice: (id: string) => `阶段编号“${id}”重复`,
    breakdownNeedsCohort: '按渠道、员工或标签拆分只适用于同期群模式',
    noSuchCohortStage: (count: number, n: number) => `同期群只有 ${count} 个按人统计的阶段，没有第 ${n} 个`,
    rangeJoin: '至',
  },
  en: {
    noValue: '(none)',
    skipAggregate: 'Daily totals cannot be followed per person; a cohort follows only the stages counted per person',
    tooFewStages: 'A path needs at least 2 stages',
    stageUnnamed: (n: number) => `Stage ${n} has no name`,
    stageNameTwice: (name: string) => `The stage name "${name}" appears twice`,
    stageIdTwice: (id: string) => `The stage id "${id}" appears twice`,
    breakdownNeedsCohort: 'A breakdown by channel, staff or tag needs the cohort mode',
    noSuchCohortStage: (count: number, n: number) => `The cohort has ${count} stages counted per person, not a stage ${n}`,
    rangeJoin: '–',
  },
});

/** Texts of the path editor and the funnel view. */
export const funnelText = localized({
  'zh-CN': {
    path: {
      title: '客户路径',
      hint: '按顺序列出客户经过的阶段，每个阶段绑定一种数据；漏斗按这条路径计算。',
      colName: '阶段名称',
      colSource: '绑定数据',
      save: '保存路径',
      saving: '正在保存…',
      saved: '已保存',
      unsaved: '有未保存的修改',
      resetDefault: '恢复默认路径',
      collapse: '收起',
      expand: '展开编辑',
      defaultNote: '尚未保存：这是按项目数据生成的默认路径',
      newStage: (n: number) => `新阶段${n}`,
      nameRequired: '阶段名称不能为空',
      nameDuplicate: (name: string) => `阶段名称“${name}”重复`,
      tooFew: '路径至少需要 2 个阶段',
      sourceRequired: '请为每个阶段选择绑定数据',
      sourceChoose: '请选择…',
      sourceTwice: (label: string, names: string[]) => `“${label}”绑定了 ${names.length} 次（${names.join('、')}）：这些阶段的人数会相同`,
      noData: '（暂无数据）',
      unnamed: '？',
      summary: (names: string[]) => names.join(' → '),
    },
    /** A source as the select shows it: label and how much data the project holds. */
    sourceOption: (s: Pick<StageSourceInfo, 'label' | 'kind' | 'available'>) =>
      `${s.label} · ${s.available.toLocaleString('zh-CN')} ${s.kind === 'aggregate' ? '天' : '人'}`,
    mode: { period: '时段计数', cohort: '同期群' },
    modeHint: {
      period: '每个阶段在所选日期内的人数或次数（聚合数据按天求和）',
      cohort: '所选日期内首次进入第一阶段的人，在转化窗口内按顺序走完后续阶段',
    },
    windowDays: '转化窗口（天）',
    breakdown: '拆分',
    breakdownOptions: { none: '不拆分', channel: '按渠道', staff: '按员工', tag: '按标签' },
    chartTitle: '转化漏斗',
    tableTitle: '各阶段转化',
    range: (from: string | null, to: string | null) => (from && to ? `${from} 至 ${to}` : '无数据'),
    col: {
      name: '阶段',
      count: '人数 / 次数',
      cohortCount: '人数',
      step: '环节转化率（95% 区间）',
      overall: '整体转化率（95% 区间）',
      dropOff: '流失',
      ttc: '转化天数 中位 [P25, P75]',
      ttcTooltip: '从进入第一阶段到到达本阶段的天数：中位数 [第 25 百分位, 第 75 百分位]，只计到达的人',
    },
    biggestDrop: '最大流失',
    skipped: (names: string[]) => `同期群只跟踪按人统计的阶段，已跳过：${names.join('、')}`,
    empty: {
      noStages: '路径至少需要 2 个阶段才能画出漏斗。请在上方“客户路径”中添加阶段并保存。',
      noData: '所选范围内没有数据。试试调整群或日期范围，或先导入数据。',
      noPersonStages: '同期群需要至少一个按人统计的阶段（如 入群、付费下单）。',
    },
    breakdownTitle: (shown: number, total: number) =>
      shown < total ? `拆分对比（图中显示人数最多的 ${shown} 个，共 ${total} 个，表格含全部）` : '拆分对比',
    breakdownValue: '分组',
    panelSize: (n: string) => `${n} 人`,
    lost: {
      title: '流失名单',
      step: '流失环节',
      stepOption: (from: string, to: string, n: number | null) => `${from} → ${to}${n === null ? '' : `（${n.toLocaleString('zh-CN')} 人）`}`,
      count: (n: number) => `共 ${n.toLocaleString('zh-CN')} 人`,
      empty: '这一步没有流失的人',
      col: { pid: '成员ID', name: '昵称', channel: '渠道', staff: '员工', entered_at: '进入时间', last_stage: '最后到达阶段' },
    },
    loading: '正在计算…',
    unsavedNote: '漏斗按已保存的路径计算；保存后更新。',
  },
  en: {
    path: {
      title: 'Customer path',
      hint: 'List the stages customers go through, in order, each bound to one kind of data; the funnel follows this path.',
      colName: 'Stage name',
      colSource: 'Bound data',
      save: 'Save path',
      saving: 'Saving…',
      saved: 'Saved',
      unsaved: 'Unsaved changes',
      resetDefault: 'Restore default path',
      collapse: 'Collapse',
      expand: 'Edit',
      defaultNote: 'Not saved yet: this is the default path made from the project\'s data',
      newStage: (n: number) => `New stage ${n}`,
      nameRequired: 'The stage name must not be empty',
      nameDuplicate: (name: string) => `The stage name "${name}" appears twice`,
      tooFew: 'A path needs at least 2 stages',
      sourceRequired: 'Choose the bound data of every stage',
      sourceChoose: 'Choose…',
      sourceTwice: (label: string, names: string[]) =>
        `"${label}" is bound ${names.length} times (${names.join(', ')}): these stages will have the same count`,
      noData: '(no data yet)',
      unnamed: '?',
      summary: (names: string[]) => names.join(' → '),
    },
    sourceOption: (s: Pick<StageSourceInfo, 'label' | 'kind' | 'available'>) =>
      `${s.label} · ${s.available.toLocaleString('en-US')} ${s.kind === 'aggregate' ? 'days' : 'people'}`,
    mode: { period: 'Period counts', cohort: 'Cohort' },
    modeHint: {
      period: 'People or events of each stage within the selected dates (daily totals are summed)',
      cohort: 'People who first reached the first stage in the selected dates, following the later stages in order within the conversion window',
    },
    windowDays: 'Conversion window (days)',
    breakdown: 'Break down',
    breakdownOptions: { none: 'No breakdown', channel: 'By channel', staff: 'By staff', tag: 'By tag' },
    chartTitle: 'Conversion funnel',
    tableTitle: 'Conversion by stage',
    range: (from: string | null, to: string | null) => (from && to ? `${from} to ${to}` : 'no data'),
    col: {
      name: 'Stage',
      count: 'People / events',
      cohortCount: 'People',
      step: 'Step conversion (95% interval)',
      overall: 'Overall conversion (95% interval)',
      dropOff: 'Drop-off',
      ttc: 'Days to convert, median [P25, P75]',
      ttcTooltip: 'Days from the first stage to this one: median [25th percentile, 75th percentile], of those who got there',
    },
    biggestDrop: 'Biggest drop-off',
    skipped: (names: string[]) => `A cohort follows only stages counted per person; skipped: ${names.join(', ')}`,
    empty: {
      noStages: 'A funnel needs a path of at least 2 stages. Add stages in "Customer path" above and save.',
      noData: 'No data in the selected range. Try other groups or dates, or import data first.',
      noPersonStages: 'A cohort needs at least one stage counted per person (such as joined group, paid order).',
    },
    breakdownTitle: (shown: number, total: number) =>
      shown < total ? `Breakdown (the chart shows the ${shown} largest of ${total}; the table has all)` : 'Breakdown',
    breakdownValue: 'Group',
    panelSize: (n: string) => `${n} people`,
    lost: {
      title: 'People lost',
      step: 'Lost at step',
      stepOption: (from: string, to: string, n: number | null) => `${from} → ${to}${n === null ? '' : ` (${n.toLocaleString('en-US')} people)`}`,
      count: (n: number) => `${n.toLocaleString('en-US')} people`,
      empty: 'Nobody was lost at this step',
      col: { pid: 'Member ID', name: 'Nickname', channel: 'Channel', staff: 'Staff', entered_at: 'Entered at', last_stage: 'Last stage reached' },
    },
    loading: 'Calculating…',
    unsavedNote: 'The funnel follows the saved path; it updates once you save.',
  },
});
