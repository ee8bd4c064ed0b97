import type { ApiError, ErrorCode, ImportJob, ImportKind, Period } from '../../src-main/api/contract';

/** Chinese texts of every error code of the API contract. */
export const errorText = {
  INVALID_REQUEST: '请求无效',
  UNKNOWN_METHOD: '未知的操作',
  UNAUTHORIZED: '未授权：请使用启动时打印的带令牌地址打开',
  INTERNAL: '内部错误',
  PROJECT_NOT_OPEN: '尚未打开项目',
  PROJECT_NOT_FOUND: '找不到项目文件',
  PROJECT_EXISTS: '同名项目已存在',
  PROJECT_LOCKED: '项目正被其他窗口或程序使用',
  PROJECT_NEWER_VERSION: '项目文件来自更新版本的群析，请升级后再打开',
  PROJECT_NOT_QUNXI: '这不是群析项目文件',
  PROJECT_SAVE_FAILED: '项目保存失败',
  IMPORT_FILE_NOT_FOUND: '找不到要导入的文件',
  IMPORT_FILE_UNREADABLE: '文件无法读取',
  IMPORT_UNRECOGNISED: '无法识别的导出文件类型',
  IMPORT_NO_ROWS: '文件中没有数据行',
  IMPORT_BAD_VALUE: '文件中有无法解析的值',
  IMPORT_CANCELLED: '导入已取消',
  IMPORT_JOB_NOT_FOUND: '找不到导入任务',
  IMPORT_BUSY: '已有导入正在进行，请稍候',
  IMPORT_EMPTY_FILE: '文件是空的',
  IMPORT_TRUNCATED: '文件不完整（可能下载中断）',
  IMPORT_PASSWORD_PROTECTED: '文件有密码保护，请先在 Excel 中取消密码再导入',
  IMPORT_NOT_SPREADSHEET: '这不是表格文件',
  IMPORT_LEGACY_XLS: '旧版 .xls 文件无法读取，请另存为 .xlsx',
  IMPORT_TOO_LARGE: '文件过大',
  IMPORT_NOT_FOUND: '找不到这次导入',
  TEMPLATE_INVALID: '模板文件无效',
  TEMPLATE_NOT_FOUND: '找不到模板',
} satisfies Record<ErrorCode, string>;

/** One line for a person: the translated code, then the server's message when it adds something. */
export function describeError(error: Pick<ApiError, 'code' | 'message'>): string {
  const title = (errorText as Record<string, string>)[error.code] ?? error.code;
  const message = error.message?.trim();
  if (!message || message === title) return title;
  return `${title}：${message}`;
}

/** Labels of the periods. */
export const periodText = { day: '日', week: '周', month: '月' } satisfies Record<Period, string>;

/** Period word used in metric headers (当日 / 当周 / 当月). */
export const periodPrefix = { day: '当日', week: '当周', month: '当月' } satisfies Record<Period, string>;

/** Chinese names of the import kinds. */
export const importKindText = {
  members: '群成员',
  messages: '聊天记录',
  customers: '客户列表',
  customer_groups: '客户群列表',
  group_stats: '群统计',
  contact_stats: '联系客户统计',
  churn: '流失客户',
  orders: '订单',
  official_account: '公众号用户分析',
  ad_costs: '渠道投放',
  survey: '满意度问卷',
} satisfies Record<ImportKind, string>;

/** Import job states and phases. */
export const importStateText = {
  running: '导入中',
  done: '已完成',
  failed: '失败',
  cancelled: '已取消',
} satisfies Record<ImportJob['state'], string>;
export const importPhaseText = {
  reading: '读取中',
  writing: '写入中',
  finished: '完成',
} satisfies Record<ImportJob['phase'], string>;

/** All other user-facing text. */
export const t = {
  appName: '群析',
  start: {
    title: '群析 · 社群数据分析',
    subtitle: '导入企业微信与 SCRM 导出的表格，离线计算社群指标。',
    newProject: '新建项目',
    newName: '项目名称',
    newNamePlaceholder: '例如：2024 秋季训练营',
    create: '创建',
    creating: '正在创建…',
    openProject: '打开项目',
    recent: '最近打开',
    inFolder: '项目文件夹',
    noProjects: '还没有项目',
    missing: '（文件不存在）',
    openOther: '打开其他文件…',
    openPath: '项目文件路径',
    openPathPlaceholder: '/path/to/项目.qunxi',
    open: '打开',
    demo: '打开示例项目',
    demoHint: '用内置的示例导出体验全部功能',
    demoBusy: '正在生成示例项目，请稍候…',
    loading: '加载中…',
  },
  top: {
    timeZone: '时区',
    saveAs: '另存为…',
    close: '关闭项目',
    saveAsTitle: '另存为',
    saveAsPath: '新的项目文件路径',
    save: '保存',
    cancel: '取消',
  },
  tabs: { metrics: '指标', data: '数据', import: '导入' },
  import: {
    dropHint: '将 .xlsx / .csv 导出文件拖到窗口任意位置，或',
    choose: '选择文件',
    dropOverlay: '松开鼠标即可导入',
    jobs: '本次导入',
    cancel: '取消',
    rowsRead: (n: number) => `已读取 ${n.toLocaleString('zh-CN')} 行`,
    result: (added: number, skipped: number) =>
      `新增 ${added.toLocaleString('zh-CN')} 行，跳过 ${skipped.toLocaleString('zh-CN')} 行（重复或无主键）`,
    uploading: '上传中',
    history: '导入历史',
    historyEmpty: '还没有导入记录',
    col: {
      importId: '序号',
      fileName: '文件名',
      kind: '类型',
      importedAt: '导入时间',
      rowsRead: '读取行数',
      rowsAdded: '新增行数',
      rowsSkipped: '跳过行数',
    },
  },
  data: {
    members: '群成员',
    messages: '聊天记录',
    total: (n: number) => `共 ${n.toLocaleString('zh-CN')} 行`,
    memberCol: {
      group_name: '群名称',
      member_id: '成员ID',
      member_name: '成员昵称',
      member_type: '类型',
      join_time: '入群时间',
      join_way: '入群方式',
      inviter: '邀请人',
      leave_time: '退群时间',
      leave_way: '退群方式',
    },
    messageCol: {
      sender_id: '发送人ID',
      sender_name: '发送人',
      group_name: '群名称',
      sent_at: '发送时间',
      msg_type: '消息类型',
      content: '消息内容',
    },
  },
  metrics: {
    period: '周期',
    groups: '群',
    allGroups: '全部群',
    selectedGroups: (n: number) => `已选 ${n} 个群`,
    clearGroups: '清空（全部群）',
    from: '开始日期',
    to: '结束日期',
    refresh: '刷新',
    loading: '计算中…',
    empty: '所选范围内没有数据',
    chartTitle: '社群趋势',
    col: {
      period: '周期',
      total_members: '社群总人数',
      new_members: (prefix: string) => `${prefix}新增入群`,
      active_members: '活跃用户数',
      active_rate: '活跃用户占比',
      churned_members: '流失用户数',
    },
    axisMembers: '人数',
    axisRate: '占比 (%)',
  },
  toast: { dismiss: '关闭' },
} as const;

/** ag-grid's built-in texts (filter menus, overlays) in Chinese. */
export const gridLocaleText: Record<string, string> = {
  filterOoo: '筛选…',
  contains: '包含',
  notContains: '不包含',
  equals: '等于',
  notEqual: '不等于',
  startsWith: '开头是',
  endsWith: '结尾是',
  blank: '为空',
  notBlank: '不为空',
  lessThan: '小于',
  greaterThan: '大于',
  lessThanOrEqual: '小于等于',
  greaterThanOrEqual: '大于等于',
  inRange: '介于',
  inRangeStart: '从',
  inRangeEnd: '到',
  before: '早于',
  after: '晚于',
  andCondition: '且',
  orCondition: '或',
  applyFilter: '应用',
  resetFilter: '重置',
  clearFilter: '清除',
  cancelFilter: '取消',
  dateFormatOoo: 'yyyy-mm-dd',
  loadingOoo: '加载中…',
  loadingError: '加载失败',
  noRowsToShow: '没有数据',
  ariaFilterInput: '筛选输入',
  sortAscending: '升序',
  sortDescending: '降序',
};
