import { describe, expect, it } from 'vitest';
import type { ImportKind } from '../../../src-main/contract';
import { chooseHeader } from '../../../src-main/import/headers';

/** Header variants of DESIGN §3, one line per export seen. */
const variants: [ImportKind, string[]][] = [
  ['members', ['群名称', '成员昵称', '类型', '入群时间', '入群方式', '邀请人', '退群时间', '退群方式', 'unionid']],
  ['messages', ['名称', '群名称', '发送时间', '消息类型', '消息内容', 'userid']],
  ['customers', ['客户', '备注', '添加人', '添加时间', '来源', '标签', '个人标签', '客户状态', '电话', '性别', '所属企业', '所在省市县']],
  ['customers', ['客户昵称', '所属员工', '添加时间', '渠道', 'userid']],
  ['customer_groups', ['群昵称', '群主', '群成员', '创建时间']],
  ['group_stats', ['日期', '群ID', '客群成员总数', '新增客群成员数', '流失客群成员数', '群聊消息数', '发送消息群成员数']],
  ['contact_stats', ['日期', '客户总数', '新增客户数', '流失客户数', '净增客户数', '发送申请数', '单聊总数', '发送消息数', '已回复聊天占比', '平均首次回复时长']],
  ['churn', ['客户', '所属员工', '流失时间', '流失方式', '添加时间', '标签']],
  ['orders', ['订单号', '订单状态', '订单创建时间', '买家付款时间', '付款金额（元）', '订单已退款金额', '订单退款状态', '买家昵称', '收货人手机号', '全部商品名称', '销售渠道', '分销员', '分销员']],
  ['official_account', ['日期', '新增关注', '取消关注人数', '净增关注人数', '累计关注人数', '搜索公众号名称', '名片分享']],
  ['ad_costs', ['日期', '渠道', '曝光', '点击', '花费']],
  ['survey', ['手机号', '提交时间', '评分', '意见']],
  ['survey', ['unionid', '提交时间', '满意度']],
];

describe('detecting the kind from the headers', () => {
  it.each(variants)('recognises a %s export with headers %j', (kind, headers) => {
    expect(chooseHeader([headers])).toMatchObject({ kind, missing: [] });
  });

  it('maps both of two duplicated 分销员 columns and puts every unknown 公众号 column into sources', () => {
    const orders = chooseHeader([['订单号', '分销员', '买家付款时间', '分销员']]);
    expect(orders?.allColumns.distributor).toEqual([1, 3]);
    const oa = chooseHeader([['时间', '新关注人数', '搜索公众号名称', '其他']]);
    expect(oa?.allColumns.sources).toEqual([2, 3]);
  });

  it('matches a whole-sentence header by the field name inside it', () => {
    const c = chooseHeader([['日期', '客户总数', '删除/拉黑成员的客户数，即将成员删除或加入黑名单的客户数']]);
    expect(c?.columns.deleted_by_customers).toBe(2);
  });

  it('reports a member export without ids as a member export lacking 成员ID, not as a group list', () => {
    expect(chooseHeader([['群名称', '群成员昵称', '入群时间', '入群方式']])).toMatchObject({ kind: 'members', missing: ['成员ID'] });
  });
});
