// Texts of the channel analysis view (渠道).
import type { ChannelRow } from '../contract';
import { localized } from './language';

type Dimension = ChannelRow['dimension'];

/**
 * The three acquisition dimensions, as the toggle and the cost grid name them, in the toggle's
 * order: a person's channel (DESIGN §4, the default), then the two columns as imported.
 */
export const dimensionText = localized({
  'zh-CN': { source: '渠道', channel_code: '渠道活码', add_way: '添加方式' } satisfies Record<Dimension, string>,
  en: { source: 'Channel', channel_code: 'Channel QR code', add_way: 'Way added' },
});

/** Texts of the channel view. */
export const channelsText = localized({
  'zh-CN': {
    loading: '正在计算…',
    note:
      '按所选日期内“添加为客户”的人归因（客户列表的添加时间；同一人被多位员工添加时取最早的一次），并跟踪到数据末尾：' +
      '入群 = 添加后在所选群中待过；活跃 = 添加后在群内发过言（在群期间）；转化 = 添加后有已付款且未全额退款的订单；' +
      '流失 = 添加后退群且现在已不在所选群中，或被删除 / 删除了员工。没有值的客户归入“（未知渠道）”。',
    costNote:
      '录入的成本视为所选时段内该渠道的总成本，优先于导入的“渠道投放”花费；没有录入时使用导入花费在所选日期内的合计，两者都没有时成本为空（-）。',
    totals: (added: string, converted: string, gmv: string, cost: string) => `新增客户 ${added} 人 · 转化 ${converted} 人 · 渠道带来的GMV ${gmv} · 成本 ${cost}`,
    gmvHint:
      '渠道带来的GMV（全部订单）= 所选日期内添加的人，添加之后全部已付款订单的实付 − 退款，不论付款时是否在群、付款在哪一天。' +
      '“社群指标”的贡献GMV只算付款时是群成员、付款在该期内的订单，所以两者通常不同；各渠道之和等于本页合计。',
    empty: '所选日期内没有新增客户（请导入客户列表，或调整日期）',
    chartPeople: '各渠道新增与转化',
    chartRoi: '各渠道 ROI',
    roiEmpty: '没有可计算 ROI 的渠道（需要大于 0 的成本）',
    gridTitle: '渠道明细',
    costsTitle: '渠道成本',
    save: '保存成本',
    saving: '正在保存…',
    saved: '已保存',
    unsaved: '有未保存的修改',
    revert: '放弃修改',
    adCostsTitle: '导入的渠道投放花费（所选日期内）',
    adCostsEmpty: '所选日期内没有导入的渠道投放数据',
    col: {
      channel: '渠道',
      added: '新增客户',
      joined: '入群人数',
      join_rate: '入群率',
      active: '活跃人数',
      converted: '转化人数',
      conversion_rate: '转化率',
      gmv: '渠道带来的GMV（全部订单）',
      churned: '流失人数',
      cost: '成本',
      cost_per_acquisition: '获客成本',
      cost_per_conversion: '转化成本',
      roi: 'ROI',
    },
    costCol: { dimension: '维度', channel: '渠道名称', cost: '成本（元）' },
    adCol: { channel: '渠道', days: '天数', impressions: '曝光', clicks: '点击', cost: '花费' },
    problems: {
      blank: '渠道名称不能为空',
      duplicate: (channel: string) => `“${channel}”重复：同一维度的渠道只能录入一次`,
      negative: '成本不能小于 0',
    },
    series: { added: '新增客户', converted: '转化人数', roi: 'ROI' },
    axisPeople: '人数',
  },
  en: {
    loading: 'Calculating…',
    note:
      'People "added as customers" in the selected dates are attributed (added time of the customer list; the earliest when several staff added the same person) and followed to the end of the data: ' +
      'joined = was in a selected group after being added; active = posted in a group after being added (while a member); converted = has a paid, not fully refunded order after being added; ' +
      'churned = left after being added and is no longer in a selected group, or was deleted / deleted the staff member. Customers without a value go to "(unknown channel)".',
    costNote:
      'A cost typed in is the channel\'s total cost for the selected period and wins over imported "ad costs" spend; without one, the imported spend in the selected dates is summed; with neither the cost is empty (-).',
    totals: (added: string, converted: string, gmv: string, cost: string) => `New customers ${added} · converted ${converted} · GMV brought ${gmv} · cost ${cost}`,
    gmvHint:
      'GMV brought by the channel (all orders) = every paid order, minus refunds, of the people added in the range, paid after being added, member or not, on any day. ' +
      'The contributed GMV of Metrics counts only orders paid while a member within its period, so the two usually differ; the channels add up to this page\'s total.',
    empty: 'No new customers in the selected dates (import a customer list, or change the dates)',
    chartPeople: 'New and converted by channel',
    chartRoi: 'ROI by channel',
    roiEmpty: 'No channel has an ROI (it needs a cost above 0)',
    gridTitle: 'Channel details',
    costsTitle: 'Channel costs',
    save: 'Save costs',
    saving: 'Saving…',
    saved: 'Saved',
    unsaved: 'Unsaved changes',
    revert: 'Discard changes',
    adCostsTitle: 'Imported ad spend (in the selected dates)',
    adCostsEmpty: 'No imported ad costs in the selected dates',
    col: {
      channel: 'Channel',
      added: 'New customers',
      joined: 'Joined',
      join_rate: 'Join rate',
      active: 'Active',
      converted: 'Converted',
      conversion_rate: 'Conversion rate',
      gmv: 'GMV brought (all orders)',
      churned: 'Churned',
      cost: 'Cost',
      cost_per_acquisition: 'Cost per customer',
      cost_per_conversion: 'Cost per conversion',
      roi: 'ROI',
    },
    costCol: { dimension: 'Dimension', channel: 'Channel name', cost: 'Cost (CNY)' },
    adCol: { channel: 'Channel', days: 'Days', impressions: 'Impressions', clicks: 'Clicks', cost: 'Spend' },
    problems: {
      blank: 'The channel name must not be empty',
      duplicate: (channel: string) => `"${channel}" appears twice: a channel can be entered once per dimension`,
      negative: 'The cost cannot be below 0',
    },
    series: { added: 'New customers', converted: 'Converted', roi: 'ROI' },
    axisPeople: 'People',
  },
});
