// Texts of the key-behaviours view (关键行为).
import { localized } from './language';

/** Texts of the key-behaviours view. */
export const behavioursText = localized({
  'zh-CN': {
    title: '关键行为',
    intro: '用消息类型和内容定义关键行为（如打卡、接龙、红包），看每周做过的人数，以及做过的人是否更容易转化。',
    definitionsTitle: '行为定义',
    columns: {
      name: '名称',
      msgTypes: '消息类型',
      pattern: '关键字 / 正则',
      isRegex: '正则',
      minCount: '最少次数',
      window: '时间窗(天)',
      weight: '权重',
      enabled: '启用',
    },
    live: { people: '人数', occurrences: '次数' },
    liveNote: '人数、次数随编辑实时计算（当前范围内的群与日期，停用的行也计算）；下方分析按已保存的定义计算。',
    help:
      '消息类型留空 = 任意类型；关键字不区分大小写，留空 = 任意内容；勾选“正则”时按 RE2 语法匹配（不支持 (?= 等前后断言，可用 (?i) 忽略大小写）。' +
      '“最少次数 N、时间窗 D 天”：连续 D 天内至少 N 次才算做过；时间窗留空 = 不限。',
    anyType: '任意类型',
    anyContent: '任意内容',
    noWindow: '不限',
    save: '保存',
    saving: '正在保存…',
    unsaved: '有未保存的修改',
    restoreDefaults: '恢复默认',
    counting: '…',
    invalid: '定义有误，修正后才能保存',
    problems: {
      nameEmpty: '名称不能为空',
      nameTaken: '名称与其他行重复',
      minCount: '最少次数需为 1 到 100000 的整数',
      window: '时间窗需为 1 到 3660 的整数天，或留空表示不限',
      weight: '权重需为数字',
    },
    activeBy: {
      label: '活跃口径',
      message: '发言',
      behaviour: '任一关键行为',
      note: '影响「指标」中的活跃用户数和活跃占比',
      detail: '选“发言”时，当天在群里发过言的成员算活跃；选“任一关键行为”时，只有当天做了任一已启用的关键行为（不计最少次数和时间窗）才算活跃。',
    },
    analysisTitle: '行为趋势',
    measure: { people: '人数', occurrences: '次数' },
    chartEmpty: '范围内没有数据',
    noBehaviours: '没有启用的关键行为',
    liftTitle: '行为与转化',
    liftNote:
      '范围内曾是成员的人分为“做过”（范围内达到最少次数）和“未做过”；转化 = 范围内作为成员付款且未全额退款。提升倍数 = 做过转化率 ÷ 未做过转化率，区间为 95% 置信区间。',
    liftCol: {
      name: '行为',
      doers: '做过人数',
      doers_converted: '做过·转化',
      doers_rate: '做过转化率',
      others: '未做过人数',
      others_converted: '未做过·转化',
      others_rate: '未做过转化率',
      lift: '提升倍数',
      interval: '95% 区间',
    },
    loading: '正在计算…',
  },
  en: {
    title: 'Key behaviours',
    intro:
      'Define key behaviours by message type and content (check-ins, sign-up chains, red packets …), see how many people do them each week, and whether those who do convert more often.',
    definitionsTitle: 'Behaviour definitions',
    columns: {
      name: 'Name',
      msgTypes: 'Message types',
      pattern: 'Keyword / regex',
      isRegex: 'Regex',
      minCount: 'Min. count',
      window: 'Window (days)',
      weight: 'Weight',
      enabled: 'On',
    },
    live: { people: 'People', occurrences: 'Times' },
    liveNote:
      'People and times are counted live as you edit (groups and dates of the current scope, switched-off rows too); the analysis below uses the saved definitions.',
    help:
      'Empty message types = any type; keywords ignore case, empty = any content; with "Regex" ticked the pattern is RE2 syntax (no look-arounds such as (?=; use (?i) to ignore case). ' +
      '"Min. count N, window D days": done means at least N times within D consecutive days; an empty window = no limit.',
    anyType: 'Any type',
    anyContent: 'Any content',
    noWindow: 'No limit',
    save: 'Save',
    saving: 'Saving…',
    unsaved: 'Unsaved changes',
    restoreDefaults: 'Restore defaults',
    counting: '…',
    invalid: 'The definitions have errors; fix them to save',
    problems: {
      nameEmpty: 'The name must not be empty',
      nameTaken: 'Another row has the same name',
      minCount: 'Min. count must be a whole number from 1 to 100000',
      window: 'The window must be 1 to 3660 whole days, or empty for no limit',
      weight: 'The weight must be a number',
    },
    activeBy: {
      label: 'Active means',
      message: 'Posted',
      behaviour: 'Any key behaviour',
      note: 'Sets the active users and active rate of Metrics',
      detail:
        'With "Posted", a member who posted in a group that day is active; with "Any key behaviour", only a member who did any enabled key behaviour that day (ignoring min. count and window) is.',
    },
    analysisTitle: 'Behaviour trend',
    measure: { people: 'People', occurrences: 'Times' },
    chartEmpty: 'No data in the range',
    noBehaviours: 'No key behaviour is enabled',
    liftTitle: 'Behaviours and conversion',
    liftNote:
      'People who were members in the range are split into "did" (reached the min. count in the range) and "did not"; converted = paid as a member in the range and not fully refunded. Lift = conversion rate of doers ÷ that of the others, with a 95% confidence interval.',
    liftCol: {
      name: 'Behaviour',
      doers: 'Doers',
      doers_converted: 'Doers · converted',
      doers_rate: 'Doers\' conversion',
      others: 'Others',
      others_converted: 'Others · converted',
      others_rate: 'Others\' conversion',
      lift: 'Lift',
      interval: '95% interval',
    },
    loading: 'Calculating…',
  },
});

/** Names of the default key behaviours, by id (their patterns match Chinese chat content and stay as they are). */
export const defaultBehaviourNames = localized({
  'zh-CN': { checkin: '打卡', topic: '话题参与', keyword: '关键字回复', solitaire: '接龙', redpacket: '红包' },
  en: { checkin: 'Check-in', topic: 'Topic post', keyword: 'Keyword reply', solitaire: 'Sign-up chain', redpacket: 'Red packet' },
});
