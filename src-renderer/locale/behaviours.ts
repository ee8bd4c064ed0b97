// Chinese texts of the key-behaviours view (关键行为).

/** Texts of the key-behaviours view. */
export const behavioursText = {
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
    note: '会改变「指标」中的活跃用户数和活跃占比：选“任一关键行为”时，只有当天做了任一已启用的关键行为（不计最少次数和时间窗）才算活跃。',
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
} as const;
