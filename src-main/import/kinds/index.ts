/**
 * The registry of export kinds (DESIGN §3): for each kind its Chinese name, its fields with
 * header aliases and value types, what it needs to be importable, which fields tell it apart
 * from other kinds, the table it lands in and its natural key. Header recognition, parsing,
 * staging and merging are all driven from here; the mapping grid reads it through
 * {@link kindInfo}.
 */
// Types only: the contract's values would load zod into the parsing worker, whose start-up it slowed.
import type { ImportKind, KindField, KindInfo } from '../../contract';
import { importKindText } from '../../locale/common';
import { importFieldText } from '../../locale/import';

/** Value type of a field (the contract's). */
export type FieldType = KindField['type'];

/** A field of a kind, with the header aliases it is recognised by; its label is the locale's ({@link fieldLabel}). */
export interface FieldSpec extends Omit<KindField, 'label'> {
  /**
   * Header texts, most specific first. A header matches an alias exactly (ignoring case, white
   * space and full-width parentheses) or, failing that, contains it; aliases of two characters
   * or fewer match only exactly, so 客户 does not claim 客户总数.
   */
  aliases: string[];
}

/** The key a message record adds beside its content: the content in NFKC where it differs (db/messageText.ts). */
export const CONTENT_NFKC = 'content_nfkc';

/** The field of {@link KindSpec.restField} that collects every unmapped numeric column by header. */
export const SOURCES_FIELD = 'sources';

/** One kind of export. */
export interface KindSpec {
  kind: ImportKind;
  fields: FieldSpec[];
  /** Groups of alternatives: at least one field of each group must be mapped (e.g. member_id | unionid). */
  requiredOneOf: string[][];
  /** Fields typical of this kind only; they weigh double when ranking kinds that share headers. */
  distinctive: string[];
  /** Table the records land in. */
  table: string;
  /**
   * Natural key, as alternatives tried in order: the first whose first field is present on a
   * row keys it (other fields of the alternative may be empty). Masked phones never key a row.
   */
  naturalKey: string[][];
  /** Fields a later export may change on an existing row (the update is recorded so removal can undo it). */
  updatable?: string[];
  /** Field (a JSON object column) that collects every column the header does not map, by header text. */
  restField?: string;
}

/* eslint-disable no-restricted-syntax -- the header words of the Chinese exports, matched to recognise columns (data vocabulary, not UI text) */
const UNIONID = ['unionid', 'union_id', 'UnionID'];
const EXTERNAL_USERID = ['external_userid', '外部联系人ID', '外部联系人userid', '客户ID', 'userid'];
const PHONE = ['手机号', '手机号码', '电话', '联系电话', '手机'];

/** Shorthand for a field; `isRequired` is derived from the kind's required groups. */
function f(id: string, type: FieldType, aliases: string[]): FieldSpec {
  return { id, type, aliases, isRequired: false };
}

/** Completes a spec: a field is required when it belongs to a required group. */
function spec(s: KindSpec): KindSpec {
  const required = new Set(s.requiredOneOf.flat());
  return { ...s, fields: s.fields.map((x) => ({ ...x, isRequired: required.has(x.id) })) };
}

const members = spec({
  kind: 'members',
  fields: [
    f('group_name', 'text', ['群名称', '群昵称', '群名', '客户群名称', '客户群']),
    f('member_name', 'text', ['群成员昵称', '成员昵称', '群成员名称', '成员名称', '昵称']),
    f('member_id', 'text', ['成员ID', 'external_userid', 'userid', '群成员ID', '用户ID']),
    f('member_type', 'text', ['类型', '成员类型']),
    f('join_time', 'time', ['入群时间', '加入时间']),
    f('join_way', 'text', ['入群方式', '加入方式']),
    // 邀请人 (who invited: staff or a member) is the inviter; an export with only 邀请员工 names the
    // inviting staff member there. With both, 邀请员工 is the staff member responsible (DESIGN §3):
    // the field order makes 邀请人 claim its column before 邀请员工 is offered to the inviter.
    f('inviter', 'text', ['邀请人', '邀请员工']),
    f('staff', 'text', ['邀请员工']),
    f('leave_time', 'time', ['退群时间', '离开时间']),
    f('leave_way', 'text', ['退群方式', '离开方式']),
    f('unionid', 'text', UNIONID),
  ],
  requiredOneOf: [['group_name'], ['member_id', 'unionid']],
  distinctive: ['join_time', 'leave_time', 'join_way', 'member_name', 'inviter', 'leave_way'],
  table: 'memberships',
  naturalKey: [['group_name', 'member_id', 'join_time']],
});

const messages = spec({
  kind: 'messages',
  fields: [
    f('sender_name', 'text', ['发送人', '名称', '发送者', '发送人昵称', '发送者昵称']),
    f('sender_id', 'text', ['发送人ID', '发送者ID', 'userid', 'external_userid', 'sender']),
    f('group_name', 'text', ['群名称', '群聊名称', '会话名称']),
    f('sent_at', 'time', ['发送时间', '消息时间', '时间']),
    f('msg_type', 'text', ['消息类型', '类型']),
    f('content', 'text', ['消息内容', '内容']),
    f('unionid', 'text', UNIONID),
  ],
  requiredOneOf: [['sent_at'], ['sender_id', 'unionid']],
  distinctive: ['sent_at', 'content', 'msg_type', 'sender_name'],
  table: 'messages',
  naturalKey: [['sender_id', 'group_name', 'sent_at', 'msg_type', 'content']],
});

const customers = spec({
  kind: 'customers',
  fields: [
    f('customer_name', 'text', ['客户', '客户名称', '客户姓名', '客户昵称', '昵称']),
    f('remark', 'text', ['备注', '备注名', '客户备注']),
    f('staff', 'text', ['所属员工', '跟进员工', '添加人', '添加员工', '所属成员', '跟进人']),
    f('added_at', 'time', ['添加时间', '添加好友时间']),
    f('add_way', 'text', ['添加方式', '添加来源', '来源']),
    f('channel', 'text', ['渠道', '来源渠道', '渠道名称']),
    f('channel_code', 'text', ['来源二维码', '渠道活码', '活码', 'state']),
    f('tags', 'text', ['标签', '企业标签', '客户标签']),
    f('personal_tags', 'text', ['个人标签']),
    f('status', 'text', ['客户状态', '状态']),
    f('phone', 'phone', PHONE),
    f('unionid', 'text', UNIONID),
    f('external_userid', 'text', EXTERNAL_USERID),
    f('gender', 'text', ['性别']),
    f('corp', 'text', ['所属企业', '企业名称', '公司']),
    f('region', 'text', ['地区', '所在省市县', '所在地区', '省市']),
  ],
  requiredOneOf: [['customer_name', 'external_userid', 'unionid', 'phone']],
  distinctive: ['remark', 'status', 'personal_tags', 'add_way', 'channel_code', 'gender', 'corp', 'region'],
  table: 'customers',
  naturalKey: [['external_userid'], ['unionid'], ['phone'], ['customer_name', 'staff', 'added_at']],
});

const customerGroups = spec({
  kind: 'customer_groups',
  fields: [
    f('group_name', 'text', ['群名称', '群昵称', '客户群名称', '群名']),
    f('owner', 'text', ['群主', '群主名称', '群主昵称']),
    f('member_count', 'number', ['群成员', '群人数', '群成员数', '成员数', '群成员总数']),
    f('created_at', 'time', ['创建时间', '建群时间', '群创建时间']),
    f('status', 'text', ['客户群状态', '群状态']),
    f('tags', 'text', ['标签', '群标签']),
  ],
  requiredOneOf: [['group_name'], ['owner', 'member_count', 'created_at', 'status']],
  distinctive: ['owner', 'member_count', 'created_at', 'status'],
  table: 'customer_groups',
  naturalKey: [['group_name', 'owner', 'created_at']],
});

const groupStats = spec({
  kind: 'group_stats',
  fields: [
    f('stat_date', 'date', ['日期', '数据日期', '统计日期']),
    f('group_id', 'text', ['群ID', '客户群ID', '群名称']),
    f('new_groups', 'number', ['新增客户群数量', '新增客户群数']),
    f('total_groups', 'number', ['截至当天客户群总数量', '客户群总数量', '客户群总数']),
    f('active_groups', 'number', ['截至当天有发过消息的客户群数量', '有发过消息的客户群数量']),
    f('new_members', 'number', ['客户群新增群人数', '新增客群成员数', '新增群人数', '新增群成员数']),
    f('total_members', 'number', ['截至当天客户群总人数', '客群成员总数', '客户群总人数', '群成员总数']),
    f('active_members', 'number', ['截至当天有发过消息的群成员数', '发送消息群成员数', '有发过消息的群成员数']),
    f('message_count', 'number', ['截至当天客户群消息总数', '群聊消息数', '客户群消息总数']),
    f('churned_members', 'number', ['流失客群成员数', '流失群成员数', '退群人数']),
  ],
  requiredOneOf: [['stat_date']],
  distinctive: ['new_groups', 'total_groups', 'active_groups', 'new_members', 'total_members', 'active_members', 'message_count', 'churned_members'],
  table: 'group_stats',
  naturalKey: [['stat_date', 'group_id']],
});

const contactStats = spec({
  kind: 'contact_stats',
  fields: [
    f('stat_date', 'date', ['日期', '数据日期', '统计日期']),
    f('staff', 'text', ['成员', '员工', '成员名称', '员工姓名', '所属员工']),
    f('total_customers', 'number', ['客户总数']),
    f('new_customers', 'number', ['新增客户数']),
    f('churned_customers', 'number', ['流失客户数']),
    f('net_new_customers', 'number', ['净增客户数']),
    f('applications', 'number', ['发起申请数', '发送申请数']),
    f('chats', 'number', ['聊天总数', '单聊总数']),
    f('messages_sent', 'number', ['发送消息数']),
    f('reply_rate', 'percent', ['已回复聊天占比']),
    f('avg_first_reply_minutes', 'number', ['平均首次回复时长']),
    f('deleted_by_customers', 'number', ['删除/拉黑成员的客户数']),
  ],
  requiredOneOf: [['stat_date']],
  distinctive: ['total_customers', 'new_customers', 'churned_customers', 'net_new_customers', 'applications', 'chats', 'reply_rate', 'deleted_by_customers'],
  table: 'contact_stats',
  naturalKey: [['stat_date', 'staff']],
});

const churn = spec({
  kind: 'churn',
  fields: [
    f('customer_name', 'text', ['客户', '客户名称', '客户昵称', '客户姓名']),
    f('staff', 'text', ['所属员工', '跟进员工', '添加人', '员工']),
    f('churned_at', 'time', ['流失时间', '删除时间']),
    f('churn_way', 'text', ['流失方式', '删除方式', '流失类型']),
    f('added_at', 'time', ['添加时间', '添加好友时间']),
    f('tags', 'text', ['标签', '企业标签']),
    f('external_userid', 'text', EXTERNAL_USERID),
    f('unionid', 'text', UNIONID),
    f('phone', 'phone', PHONE),
  ],
  requiredOneOf: [['churned_at'], ['customer_name', 'external_userid', 'unionid', 'phone']],
  distinctive: ['churned_at', 'churn_way'],
  table: 'churn_events',
  naturalKey: [
    ['external_userid', 'staff', 'churned_at'],
    ['unionid', 'staff', 'churned_at'],
    ['phone', 'staff', 'churned_at'],
    ['customer_name', 'staff', 'churned_at'],
  ],
});

const orders = spec({
  kind: 'orders',
  fields: [
    f('order_no', 'text', ['订单号', '订单编号', '主订单号']),
    f('status', 'text', ['订单状态']),
    f('created_at', 'time', ['订单创建时间', '下单时间', '创建时间']),
    f('paid_at', 'time', ['买家付款时间', '付款时间', '支付时间']),
    f('paid_amount', 'money', ['订单实付金额', '付款金额(元)', '商品金额合计', '实付金额', '付款金额']),
    f('refunded_amount', 'money', ['订单已退款金额', '已退款金额', '退款金额']),
    f('refund_status', 'text', ['订单退款状态', '退款状态']),
    f('buyer_name', 'text', ['买家昵称', '买家', '客户昵称']),
    f('buyer_phone', 'phone', ['买家手机号', '收货人手机号', '收货人手机号码', '手机号']),
    f('items', 'text', ['全部商品名称']),
    f('sales_channel', 'text', ['销售渠道', '渠道']),
    f('distributor', 'text', ['分销员', '分销员昵称']),
    f('item_name', 'text', ['商品名称']),
    f('item_amount', 'money', ['商品金额', '商品实付金额', '商品小计']),
    f('quantity', 'number', ['数量', '商品数量', '购买数量']),
  ],
  requiredOneOf: [['order_no']],
  distinctive: ['order_no', 'paid_at', 'paid_amount', 'refunded_amount', 'refund_status', 'items', 'distributor'],
  table: 'orders',
  naturalKey: [['order_no']],
  updatable: ['status', 'refunded_amount', 'refund_status'],
});

const officialAccount = spec({
  kind: 'official_account',
  fields: [
    f('stat_date', 'date', ['时间', '日期', '统计日期']),
    f('new_follows', 'number', ['新关注人数', '新增关注人数', '新增关注', '新增人数']),
    f('unfollows', 'number', ['取消关注人数', '取消关注']),
    f('net_follows', 'number', ['净增关注人数', '净增关注', '净增人数']),
    f('total_follows', 'number', ['累积关注人数', '累计关注人数', '总关注人数']),
    f(SOURCES_FIELD, 'number', []),
  ],
  requiredOneOf: [['stat_date'], ['new_follows', 'unfollows', 'net_follows', 'total_follows']],
  distinctive: ['new_follows', 'unfollows', 'net_follows', 'total_follows'],
  table: 'official_account_daily',
  naturalKey: [['stat_date']],
  restField: SOURCES_FIELD,
});

const adCosts = spec({
  kind: 'ad_costs',
  fields: [
    f('stat_date', 'date', ['日期', '投放日期', '时间']),
    f('channel', 'text', ['渠道', '投放渠道', '渠道名称', '广告位']),
    f('impressions', 'number', ['曝光', '展现', '曝光量', '展现量', '曝光次数']),
    f('clicks', 'number', ['点击', '点击量', '点击次数']),
    f('cost', 'money', ['花费', '消耗', '花费(元)', '消耗(元)', '成本']),
  ],
  requiredOneOf: [['stat_date'], ['cost']],
  distinctive: ['impressions', 'clicks', 'cost'],
  table: 'ad_costs',
  naturalKey: [['stat_date', 'channel']],
});

const survey = spec({
  kind: 'survey',
  fields: [
    f('respondent_name', 'text', ['客户', '客户名称', '昵称', '姓名', '用户']),
    f('phone', 'phone', PHONE),
    f('unionid', 'text', UNIONID),
    f('external_userid', 'text', EXTERNAL_USERID),
    f('submitted_at', 'time', ['提交时间', '填写时间', '答题时间', '提交答卷时间']),
    f('score', 'number', ['满意度', '评分', '打分', 'NPS', '推荐度', '满意度评分']),
    f('comment', 'text', ['意见', '建议', '意见建议', '反馈', '其他意见']),
  ],
  requiredOneOf: [['score'], ['respondent_name', 'phone', 'unionid', 'external_userid']],
  distinctive: ['submitted_at', 'score', 'comment'],
  table: 'survey_responses',
  naturalKey: [
    ['external_userid', 'submitted_at'],
    ['unionid', 'submitted_at'],
    ['phone', 'submitted_at'],
    ['respondent_name', 'submitted_at'],
  ],
});

/* eslint-enable no-restricted-syntax */

/** Every kind, by id. */
export const kindSpecs: Record<ImportKind, KindSpec> = {
  members,
  messages,
  customers,
  customer_groups: customerGroups,
  group_stats: groupStats,
  contact_stats: contactStats,
  churn,
  orders,
  official_account: officialAccount,
  ad_costs: adCosts,
  survey,
};

/** A field of a kind by id, or undefined. */
export function fieldSpec(kind: ImportKind, id: string): FieldSpec | undefined {
  return kindSpecs[kind].fields.find((x) => x.id === id);
}

/** The label of a field of a kind in the current language (the id when the locale has none). */
export function fieldLabel(kind: ImportKind, id: string): string {
  return (importFieldText[kind] as Record<string, string | undefined>)[id] ?? id;
}

/** Every kind with its name and fields in the current language, for `import:kinds` and the mapping grid (in the contract's order, as kindSpecs lists them). */
export function kindInfo(): KindInfo[] {
  return (Object.keys(kindSpecs) as ImportKind[]).map((kind) => {
    const s = kindSpecs[kind];
    return { kind, label: importKindText[kind], fields: s.fields.map(({ id, type, isRequired }) => ({ id, label: fieldLabel(kind, id), type, isRequired })) };
  });
}
