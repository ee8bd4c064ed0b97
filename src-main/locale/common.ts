// Texts shared by several views and by the Node side: periods, import kinds and states, and the
// grids' own texts (ag-grid's menus, the definitions grid).
import type { ImportJob, ImportKind, Period } from '../contract';
import { localized } from './language';

/** Labels of the periods. */
export const periodText = localized({
  'zh-CN': { day: '日', week: '周', month: '月' } satisfies Record<Period, string>,
  en: { day: 'day', week: 'week', month: 'month' },
});

/** Period word used in metric headers (当日 / 当周 / 当月). */
export const periodPrefix = localized({
  'zh-CN': { day: '当日', week: '当周', month: '当月' } satisfies Record<Period, string>,
  en: { day: 'Daily', week: 'Weekly', month: 'Monthly' },
});

/** Names of the import kinds. */
export const importKindText = localized({
  'zh-CN': {
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
  } satisfies Record<ImportKind, string>,
  en: {
    members: 'Group members',
    messages: 'Chat records',
    customers: 'Customer list',
    customer_groups: 'Customer group list',
    group_stats: 'Group statistics',
    contact_stats: 'Contact statistics',
    churn: 'Churned customers',
    orders: 'Orders',
    official_account: 'Official account analysis',
    ad_costs: 'Ad costs',
    survey: 'Satisfaction survey',
  },
});

/** Import job states. */
export const importStateText = localized({
  'zh-CN': { running: '导入中', done: '已完成', failed: '失败', cancelled: '已取消' } satisfies Record<ImportJob['state'], string>,
  en: { running: 'Importing', done: 'Done', failed: 'Failed', cancelled: 'Cancelled' },
});

/** Import job phases. */
export const importPhaseText = localized({
  'zh-CN': { reading: '读取中', writing: '写入中', preparing: '准备分析数据', finished: '完成' } satisfies Record<ImportJob['phase'], string>,
  en: { reading: 'Reading', writing: 'Writing', preparing: 'Preparing the data for analysis', finished: 'Finished' },
});

/** Punctuation between texts: full-width in Chinese, ASCII with spaces in English. */
export const punctuation = localized({
  'zh-CN': { colon: '：', open: '（', close: '）', list: '、', clauses: '；' },
  en: { colon: ': ', open: ' (', close: ')', list: ', ', clauses: '; ' },
});

/** A text in brackets of the current language: （x） or (x). */
export const bracketed = (text: string): string => `${punctuation.open}${text}${punctuation.close}`;

/** Texts of the editable definitions grid (components/DefinitionGrid.tsx and its model). */
export const definitionGridText = localized({
  'zh-CN': {
    add: '添加行',
    remove: '删除行',
    up: '上移',
    down: '下移',
    undo: '撤销',
    redo: '重做',
    index: '#',
    ok: '确定',
    pasteHint: '可从 Excel 复制一块单元格，选中起始格后按 Ctrl+V 粘贴',
    pasted: (n: number) => `已粘贴 ${n} 个单元格`,
    needsNumber: '需要一个数字',
    columnNeedsNumber: (header: string) => `“${header}”需要一个数字`,
    notNumber: (raw: string) => `“${raw}”不是数字`,
    notBoolean: (raw: string) => `“${raw}”不是 是/否`,
    notOption: (raw: string, header: string) => `“${raw}”不是“${header}”的可选项`,
    tooManyRows: (max: number) => `最多 ${max} 行，多余的行没有粘贴`,
    cellProblem: (row: number, header: string, problem: string) => `第 ${row} 行「${header}」：${problem}`,
  },
  en: {
    add: 'Add row',
    remove: 'Delete row',
    up: 'Up',
    down: 'Down',
    undo: 'Undo',
    redo: 'Redo',
    index: '#',
    ok: 'OK',
    pasteHint: 'You can copy a block of cells from Excel, select the first cell here and press Ctrl+V',
    pasted: (n: number) => `Pasted ${n} ${n === 1 ? 'cell' : 'cells'}`,
    needsNumber: 'Needs a number',
    columnNeedsNumber: (header: string) => `"${header}" needs a number`,
    notNumber: (raw: string) => `"${raw}" is not a number`,
    notBoolean: (raw: string) => `"${raw}" is not yes/no`,
    notOption: (raw: string, header: string) => `"${raw}" is not a choice of "${header}"`,
    tooManyRows: (max: number) => `At most ${max} rows; the extra rows were not pasted`,
    cellProblem: (row: number, header: string, problem: string) => `Row ${row} "${header}": ${problem}`,
  },
});

/** ag-grid's built-in texts (filter menus, overlays); the English ones are ag-grid's own defaults. */
export const gridLocaleText = localized<Record<string, string>>({
  'zh-CN': {
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
  },
  en: {
    filterOoo: 'Filter...',
    contains: 'Contains',
    notContains: 'Does not contain',
    equals: 'Equals',
    notEqual: 'Does not equal',
    startsWith: 'Begins with',
    endsWith: 'Ends with',
    blank: 'Blank',
    notBlank: 'Not blank',
    lessThan: 'Less than',
    greaterThan: 'Greater than',
    lessThanOrEqual: 'Less than or equal to',
    greaterThanOrEqual: 'Greater than or equal to',
    inRange: 'Between',
    inRangeStart: 'From',
    inRangeEnd: 'To',
    before: 'Before',
    after: 'After',
    andCondition: 'AND',
    orCondition: 'OR',
    applyFilter: 'Apply',
    resetFilter: 'Reset',
    clearFilter: 'Clear',
    cancelFilter: 'Cancel',
    dateFormatOoo: 'yyyy-mm-dd',
    loadingOoo: 'Loading...',
    loadingError: 'ERR',
    noRowsToShow: 'No Rows To Show',
    ariaFilterInput: 'Filter Input',
    sortAscending: 'Sort Ascending',
    sortDescending: 'Sort Descending',
  },
});

/**
 * Names of the message-type codes exports write (企业微信会话存档 and the chat-log tools, DESIGN §3),
 * by code in lower case. The codes stay the values that rules match; only these names are shown.
 */
export const msgTypeNames = localized<Record<string, string>>({
  'zh-CN': {
    text: '文本',
    image: '图片',
    redpacket: '红包',
    external_redpacket: '互通红包',
    vote: '投票',
    voice: '语音',
    video: '视频',
    file: '文件',
    link: '链接',
    emotion: '表情',
    location: '位置',
    card: '名片',
    weapp: '小程序',
    chatrecord: '聊天记录',
    mixed: '图文混合',
    revoke: '撤回',
    collect: '填表',
    todo: '待办',
    calendar: '日程',
    meeting_voice_call: '语音通话',
    voip_doc_share: '音视频通话共享文档',
    sphfeed: '视频号',
  },
  en: {
    text: 'Text',
    image: 'Image',
    redpacket: 'Red packet',
    external_redpacket: 'Interconnected red packet',
    vote: 'Vote',
    voice: 'Voice',
    video: 'Video',
    file: 'File',
    link: 'Link',
    emotion: 'Sticker',
    location: 'Location',
    card: 'Contact card',
    weapp: 'Mini program',
    chatrecord: 'Chat history',
    mixed: 'Mixed',
    revoke: 'Recalled',
    collect: 'Form',
    todo: 'To-do',
    calendar: 'Calendar event',
    meeting_voice_call: 'Voice call',
    voip_doc_share: 'Shared document in a call',
    sphfeed: 'Channels post',
  },
});

/** Chinese message-type values some tools write instead of the codes: the code each stands for (data vocabulary, not UI text). */
const msgTypeCodeOf: Record<string, string> = {
  文本: 'text', 图片: 'image', 红包: 'redpacket', 投票: 'vote', 语音: 'voice', 视频: 'video', 文件: 'file', 链接: 'link', 表情: 'emotion', 位置: 'location', 名片: 'card', 小程序: 'weapp',
};

/** The name to show for a message type as the data writes it (a code or a Chinese value); an unknown type as it is. */
export function msgTypeLabel(value: string): string {
  const code = msgTypeCodeOf[value] ?? value.toLowerCase();
  return Object.hasOwn(msgTypeNames, code) ? msgTypeNames[code]! : value;
}

/** Texts of the date field (components/DateField.tsx): yyyy-MM-dd, weeks Monday first in both languages. */
export const dateFieldText = localized({
  'zh-CN': {
    placeholder: 'yyyy-MM-dd',
    /** Weekday names, Monday first. */
    weekdays: ['一', '二', '三', '四', '五', '六', '日'],
    month: (year: number, month: number) => `${year}年${month}月`,
    open: '打开日历',
    calendar: '选择日期',
    prev: '上个月',
    next: '下个月',
    today: '今天',
    clear: '清除',
    problems: {
      format: '请按 yyyy-MM-dd 输入日期，如 2026-09-01',
      beforeMin: (min: string) => `不能早于 ${min}`,
      afterMax: (max: string) => `不能晚于 ${max}`,
    },
  },
  en: {
    placeholder: 'yyyy-MM-dd',
    weekdays: ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'],
    month: (year: number, month: number) => `${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][month - 1]} ${year}`,
    open: 'Open the calendar',
    calendar: 'Choose a date',
    prev: 'Previous month',
    next: 'Next month',
    today: 'Today',
    clear: 'Clear',
    problems: {
      format: 'Type the date as yyyy-MM-dd, e.g. 2026-09-01',
      beforeMin: (min: string) => `Not before ${min}`,
      afterMax: (max: string) => `Not after ${max}`,
    },
  },
});
