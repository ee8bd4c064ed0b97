// Texts of the VVIP view.
import type { Criterion } from '../contract';
import { localized } from './language';

/** Labels of the rule grid's 连接 column. */
export const joinLabels = localized({
  'zh-CN': { and: '且', or: '或' } satisfies Record<Criterion['join'], string>,
  en: { and: 'and', or: 'or' },
});

/** Labels of the rule grid's 比较 column (signs, the same in every language). */
export const opLabels = { '>': '>', '>=': '≥', '<': '<', '<=': '≤', '=': '=', '!=': '≠' } satisfies Record<Criterion['op'], string>;

/** Texts of the VVIP view. */
export const vvipText = localized({
  'zh-CN': {
    title: 'VVIP 识别',
    intro: '按购买力、影响力和活跃度圈出高价值成员：不买东西但让群保持活跃的人也可以是 VVIP。',
    rulesTitle: '规则',
    precedence: '“且”优先于“或”：A 且 B 或 C 表示（A 且 B）或 C。首行的连接不起作用；特征为空（如没有购买时的客单价）时该条不成立。',
    columns: { join: '连接', field: '特征', op: '比较', value: '值' },
    sentence: '当前规则：',
    noRules: '没有规则：不会选出任何人',
    save: '保存规则',
    saving: '正在保存…',
    saved: '规则已保存',
    unsaved: '有未保存的修改',
    loading: '正在计算…',
    invalid: '规则有误，结果未更新',
    count: 'VVIP 人数',
    ofPeople: (n: number) => `共 ${n.toLocaleString('zh-CN')} 人`,
    peopleShare: '人数占比',
    gmv: 'VVIP 累计GMV',
    totalGmv: (s: string) => `全部人员累计GMV ${s}`,
    gmvHint: '累计GMV = 每人截至统计日全部已付款订单的实付 − 退款（与“客户360”的累计GMV相同），不论付款时是否在群；“社群指标”的贡献GMV只算付款时是群成员、付款在该期内的订单。',
    gmvShare: 'GMV 占比',
    asOf: (d: string) => `统计日 ${d}`,
    listTitle: 'VVIP 名单',
    listTruncated: (shown: number, all: number) =>
      `按 GMV 显示前 ${shown.toLocaleString('zh-CN')} 人（共 ${all.toLocaleString('zh-CN')} 人），导出 xlsx 可得全部`,
    booleanValue: '“90天内复购”只能是 0（否）或 1（是）',
    monthsValue: '“近3个月有购买的月数”在 0 到 3 之间',
  },
  en: {
    title: 'VVIP',
    intro: 'Pick out high-value members by spending, influence and activity: someone who buys nothing but keeps a group lively can be a VVIP too.',
    rulesTitle: 'Rules',
    precedence:
      '"and" binds before "or": A and B or C means (A and B) or C. The first row\'s join is ignored; a rule on an empty feature (such as the average order value without purchases) does not hold.',
    columns: { join: 'Join', field: 'Feature', op: 'Compare', value: 'Value' },
    sentence: 'Current rule: ',
    noRules: 'No rules: nobody will be selected',
    save: 'Save rules',
    saving: 'Saving…',
    saved: 'Rules saved',
    unsaved: 'Unsaved changes',
    loading: 'Calculating…',
    invalid: 'The rules have errors; results not updated',
    count: 'VVIPs',
    ofPeople: (n: number) => `of ${n.toLocaleString('en-US')} people`,
    peopleShare: 'Share of people',
    gmv: 'VVIP lifetime GMV',
    totalGmv: (s: string) => `Lifetime GMV of everyone ${s}`,
    gmvHint: 'Lifetime GMV = each person\'s paid orders up to the as-of day, minus refunds (as in Customer 360), member or not when paying; the contributed GMV of Metrics counts only orders paid while a member within its period.',
    gmvShare: 'Share of GMV',
    asOf: (d: string) => `As of ${d}`,
    listTitle: 'VVIP list',
    listTruncated: (shown: number, all: number) =>
      `The top ${shown.toLocaleString('en-US')} by GMV (of ${all.toLocaleString('en-US')}); export xlsx for all`,
    booleanValue: '"Repurchase within 90 days" can only be 0 (no) or 1 (yes)',
    monthsValue: '"Months with purchases (last 3)" is between 0 and 3',
  },
});
