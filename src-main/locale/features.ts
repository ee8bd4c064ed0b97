// Texts of the customer-360 (per-person features) view and its exports. The feature labels are
// shared: the quadrant and VVIP grids and the exported sheets name features with them.
import type { FeatureId } from '../contract';
import { localized } from './language';

/**
 * Feature ids in the order the grids, selects and exports list them (the contract's order; the
 * renderer may import only its types, so the list is repeated and checked complete below).
 */
export const featureIds = [
  'purchases',
  'gmv',
  'aov',
  'purchase_months_3m',
  'days_since_last_purchase',
  'repurchase_90d',
  'referrals',
  'referrals_bought',
  'messages',
  'key_behaviours',
  'tenure_days',
  'survey_score',
] as const satisfies readonly FeatureId[];

// Fails to compile when the contract gains a feature this list lacks.
const _isComplete: Exclude<FeatureId, (typeof featureIds)[number]> extends never ? true : false = true;

/** Label of each per-person feature (DESIGN §4, issue 5): grids, selects and exported headers. */
export const featureLabels = localized({
  'zh-CN': {
    purchases: '购买次数',
    gmv: '累计GMV',
    aov: '客单价',
    purchase_months_3m: '近3个月有购买的月数',
    days_since_last_purchase: '距上次购买天数',
    repurchase_90d: '90天内复购',
    referrals: '推荐入群人数',
    referrals_bought: '推荐且购买人数',
    messages: '发言数',
    key_behaviours: '关键行为得分',
    tenure_days: '入群天数',
    survey_score: '满意度评分',
  } satisfies Record<FeatureId, string>,
  en: {
    purchases: 'Purchases',
    gmv: 'Lifetime GMV',
    aov: 'Avg. order value',
    purchase_months_3m: 'Months with purchases (last 3)',
    days_since_last_purchase: 'Days since last purchase',
    repurchase_90d: 'Repurchase within 90 days',
    referrals: 'Referrals joined',
    referrals_bought: 'Referrals who bought',
    messages: 'Messages',
    key_behaviours: 'Key behaviour score',
    tenure_days: 'Days in group',
    survey_score: 'Satisfaction score',
  },
});

/** One-line explanations of the features (header tooltips). */
export const featureHints = localized({
  'zh-CN': {
    purchases: '截至统计日已付款且未全额退款的订单数',
    gmv: '这些订单的实付金额减去退款金额之和，不论付款时是否在群（“社群指标”的贡献GMV只算付款时是群成员的订单，所以各人累计GMV之和通常更大）',
    aov: 'GMV ÷ 购买次数；没有购买时为空',
    purchase_months_3m: '统计日所在月及之前两个自然月中，有购买的月数（0–3）',
    days_since_last_purchase: '统计日与最近一次购买当天相差的天数；没有购买时为空',
    repurchase_90d: '是否有一笔购买发生在更早一笔购买之后 90 天以内',
    referrals: '以此人为邀请人入群的人数（按昵称对应，昵称重复的邀请人不计）',
    referrals_bought: '其中截至统计日有购买的人数',
    messages: '截至统计日在范围内各群的发言条数',
    key_behaviours: '各项启用的关键行为：权重 × 次数之和',
    tenure_days: '首次入群到统计日（仍在群）或最后一次退群的天数',
    survey_score: '最近一次满意度问卷的评分',
  } satisfies Record<FeatureId, string>,
  en: {
    purchases: 'Orders paid and not fully refunded up to the reference day',
    gmv: 'Amount paid minus refunds of those orders, member or not when paying (the contributed GMV of Metrics counts only orders paid while a member, so the sum of lifetime GMV is usually larger)',
    aov: 'GMV ÷ purchases; empty without purchases',
    purchase_months_3m: 'Months with a purchase among the reference day\'s month and the two before (0–3)',
    days_since_last_purchase: 'Days from the latest purchase to the reference day; empty without purchases',
    repurchase_90d: 'Whether a purchase came within 90 days after an earlier one',
    referrals: 'People who joined with this person as inviter (matched by nickname; inviters with a shared nickname are not counted)',
    referrals_bought: 'Of those, the people with a purchase up to the reference day',
    messages: 'Messages posted in the groups of the scope up to the reference day',
    key_behaviours: 'Over the enabled key behaviours: sum of weight × times',
    tenure_days: 'Days from the first join to the reference day (still a member) or to the last leave',
    survey_score: 'Score of the latest satisfaction survey',
  },
});

/** Texts of the customer-360 view and of its export. */
export const featuresText = localized({
  'zh-CN': {
    title: '客户360',
    columns: {
      pid: '成员ID',
      name: '昵称',
      channel: '渠道',
      staff: '所属员工',
      tags: '标签',
      groups: '加入过的群',
      is_member: '当前在群',
      first_purchase: '首次购买',
      last_purchase: '最近购买',
    },
    yes: '是',
    no: '否',
    rowCount: (n: number) => `共 ${n.toLocaleString('zh-CN')} 人`,
    asOf: (d: string) => `统计日 ${d}`,
    asOfHint: '各项特征按这一天结束时计算：数据中最后有入群、退群、发言或付款的一天',
    hint: '每人一行，范围内各群合并计算；点列头排序，文字列可筛选。GMV、客单价为实付减退款。',
    empty: '项目中还没有成员数据，请先导入群成员或聊天记录。',
    keyBehaviour: (name: string) => `关键行为：${name}`,
  },
  en: {
    title: 'Customer 360',
    columns: {
      pid: 'Member ID',
      name: 'Nickname',
      channel: 'Channel',
      staff: 'Staff',
      tags: 'Tags',
      groups: 'Groups joined',
      is_member: 'In a group now',
      first_purchase: 'First purchase',
      last_purchase: 'Last purchase',
    },
    yes: 'Yes',
    no: 'No',
    rowCount: (n: number) => `${n.toLocaleString('en-US')} people`,
    asOf: (d: string) => `As of ${d}`,
    asOfHint: 'Every feature is computed as of the end of this day: the last day with a join, leave, message or payment in the data',
    hint: 'One row per person, the groups of the scope combined; click a header to sort, text columns can be filtered. GMV and average order value are paid minus refunded.',
    empty: 'The project has no member data yet: import group members or chat records first.',
    keyBehaviour: (name: string) => `Key behaviour: ${name}`,
  },
});
