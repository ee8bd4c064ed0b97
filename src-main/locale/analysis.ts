// Messages and labels the analyses write into their answers: scope and grid problems, the channel
// cost grid's problems, regular-expression errors of key behaviours, and why a row matched nobody.
import { localized } from './language';

/** Problems with a request's scope, grid filters and rule criteria. */
export const scopeMessages = localized({
  'zh-CN': {
    notADate: (field: string, value: string) => `${field} 不是有效日期：${value}`,
    fromAfterTo: (from: string, to: string) => `开始日期 ${from} 晚于结束日期 ${to}`,
    unknownColumn: (col: string) => `未知的列：${col}`,
    dateFilterNeedsDate: (col: string) => `列 ${col} 的日期筛选缺少有效日期`,
    notATimeColumn: (col: string) => `列 ${col} 不是时间列，不能按日期筛选`,
    notFinite: (value: number) => `不是有限数值：${value}`,
    unknownFeature: (field: string) => `未知的特征：${field}`,
    unknownOperator: (op: string) => `未知的比较符：${op}`,
  },
  en: {
    notADate: (field: string, value: string) => `${field} is not a valid date: ${value}`,
    fromAfterTo: (from: string, to: string) => `The start date ${from} is after the end date ${to}`,
    unknownColumn: (col: string) => `Unknown column: ${col}`,
    dateFilterNeedsDate: (col: string) => `The date filter of column ${col} has no valid date`,
    notATimeColumn: (col: string) => `Column ${col} is not a time column and cannot be filtered by date`,
    notFinite: (value: number) => `Not a finite number: ${value}`,
    unknownFeature: (field: string) => `Unknown feature: ${field}`,
    unknownOperator: (op: string) => `Unknown comparison: ${op}`,
  },
});

/** Labels and problems of the channel analysis. */
export const channelMessages = localized({
  'zh-CN': {
    unknownChannel: '（未知渠道）',
    blankChannel: (row: number) => `第 ${row} 行：渠道名称为空`,
    badCost: (row: number) => `第 ${row} 行：成本必须是不小于 0 的数字`,
    sameChannel: (row: number, first: number, channel: string) => `第 ${row} 行与第 ${first} 行是同一个渠道“${channel}”`,
  },
  en: {
    unknownChannel: '(unknown channel)',
    blankChannel: (row: number) => `Row ${row}: the channel name is empty`,
    badCost: (row: number) => `Row ${row}: the cost must be a number not below 0`,
    sameChannel: (row: number, first: number, channel: string) => `Row ${row} is the same channel "${channel}" as row ${first}`,
  },
});

/** Problems of key-behaviour definitions; `regex` holds RE2's error texts by the start of the message. */
export const behaviourMessages = localized({
  'zh-CN': {
    invalidRegex: (why: string) => `正则表达式无效：${why}`,
    regex: {
      'invalid perl operator': '不支持的语法（RE2 不支持 (?= (?! (?<= 等前后断言）',
      'invalid escape sequence': '无效的转义（RE2 不支持 \\1 等反向引用）',
      'missing ]': '缺少 ]',
      'missing )': '缺少 )',
      'unexpected )': '多余的 )',
      'missing argument to repetition operator': '重复符号 * + ? 前缺少内容',
      'bad repetition operator': '重复符号用法错误',
      'invalid repetition size': '重复次数 {m,n} 无效',
      'invalid character class range': '字符范围无效',
      'invalid character class': '字符类无效',
      'invalid named capture group': '命名分组无效',
      'trailing \\': '末尾多了一个 \\',
      'invalid UTF-8': '含有无效字符',
    },
  },
  en: {
    invalidRegex: (why: string) => `Invalid regular expression: ${why}`,
    regex: {
      'invalid perl operator': 'unsupported syntax (RE2 has no look-arounds such as (?= (?! (?<=)',
      'invalid escape sequence': 'invalid escape (RE2 has no back-references such as \\1)',
      'missing ]': 'missing ]',
      'missing )': 'missing )',
      'unexpected )': 'unexpected )',
      'missing argument to repetition operator': 'nothing before the repetition * + ?',
      'bad repetition operator': 'bad repetition operator',
      'invalid repetition size': 'invalid repetition count {m,n}',
      'invalid character class range': 'invalid character range',
      'invalid character class': 'invalid character class',
      'invalid named capture group': 'invalid named group',
      'trailing \\': 'a trailing \\',
      'invalid UTF-8': 'invalid characters',
    },
  },
});

/** Why a row matched nobody (the matching view's 原因 column). */
export const unmatchedReasons = localized({
  'zh-CN': {
    masked: '手机号已打码',
    noKey: '没有 external_userid、unionid 或手机号',
    phoneShared: '这个手机号对应多个成员',
    phoneNotInCustomers: '客户列表中没有这个手机号',
    customerWithoutId: '客户列表中这个手机号的客户没有 external_userid 或 unionid',
    phoneMatchesNobody: '这个手机号对不上任何人',
    idNotFound: 'external_userid / unionid 不在群成员或客户列表中',
    inviterAmbiguous: '邀请人昵称在入群时对应该群 {n} 个成员',
  },
  en: {
    masked: 'The phone number is masked',
    noKey: 'No external_userid, unionid or phone number',
    phoneShared: 'This phone number belongs to several members',
    phoneNotInCustomers: 'The customer list does not have this phone number',
    customerWithoutId: 'The customer with this phone number has no external_userid or unionid in the customer list',
    phoneMatchesNobody: 'This phone number matches nobody',
    idNotFound: 'The external_userid / unionid is in neither the group members nor the customer list',
    inviterAmbiguous: 'The inviter\'s nickname matched {n} members of the group at the join',
  },
});
