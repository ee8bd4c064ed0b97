import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenProject } from '../../../src-main/db/projectFile';
import { tempProject } from '../helpers';
import { count, importRows } from './kindHelpers';

let env: Awaited<ReturnType<typeof tempProject>>;
let project: OpenProject;
beforeEach(async () => {
  env = await tempProject();
  project = env.project;
});
afterEach(async () => env.cleanup());

const orderHeader = ['订单号', '订单状态', '订单创建时间', '买家付款时间', '订单实付金额', '订单已退款金额', '订单退款状态', '买家昵称', '买家手机号', '分销员', '分销员'];

describe('values as stored', () => {
  it('stores money as exact decimals, keeps both 分销员 columns, and keeps a masked phone flagged and reported', async () => {
    const rec = await importRows(project, env.dir, [
      orderHeader,
      ['E001', '交易成功', '2026-09-01 10:00:00', '2026-09-01 10:01:00', '¥1,234.50', '0', '', '小美', '13800138000', '张三', '李四'],
      ['E002', '已发货', '2026-09-02 10:00:00', '2026-09-02 10:01:00', '￥99', '-', '', '阿强', '186******05', '', ''],
    ]);
    expect(rec).toMatchObject({ kind: 'orders', rowsAdded: 2, problemCount: 1 });
    expect(rec.problems?.[0]).toContain('第 3 行');
    expect(rec.problems?.[0]).toContain('186******05');
    const rows = await project.db.all(
      `SELECT order_no, paid_amount::VARCHAR AS paid, refunded_amount::VARCHAR AS refunded, buyer_phone, is_phone_masked, distributor,
         strftime(timezone('Asia/Shanghai', paid_at), '%Y-%m-%d %H:%M:%S') AS paid_at
       FROM orders ORDER BY order_no`,
    );
    expect(rows).toEqual([
      { order_no: 'E001', paid: '1234.50', refunded: '0.00', buyer_phone: '13800138000', is_phone_masked: false, distributor: '张三、李四', paid_at: '2026-09-01 10:01:00' },
      { order_no: 'E002', paid: '99.00', refunded: null, buyer_phone: '186******05', is_phone_masked: true, distributor: null, paid_at: '2026-09-02 10:01:00' },
    ]);
    const [history] = await project.db.all<{ problem_count: number; problems: string }>(`SELECT problem_count, problems FROM imports`);
    expect(history.problem_count).toBe(1);
    expect(JSON.parse(history.problems)).toHaveLength(1);
  });

  it('stores an item-level order export as one order per number and one item row per product', async () => {
    const rec = await importRows(project, env.dir, [
      ['订单号', '订单状态', '买家付款时间', '订单实付金额', '商品名称', '商品金额', '数量'],
      ['E001', '交易成功', '2026-09-01 10:01:00', '300', '面霜', '200', '1'],
      ['E001', '交易成功', '2026-09-01 10:01:00', '300', '口红', '50', '2'],
      ['E002', '交易成功', '2026-09-02 10:01:00', '50', '口红', '50', '1'],
    ]);
    expect(rec).toMatchObject({ kind: 'orders', rowsRead: 3, rowsAdded: 3, rowsSkipped: 0 });
    expect(await count(project, 'orders')).toBe(2);
    const items = await project.db.all(`SELECT order_no, item_name, quantity, item_amount::VARCHAR AS amount FROM order_items ORDER BY order_no, item_name`);
    expect(items).toEqual([
      { order_no: 'E001', item_name: '口红', quantity: 2, amount: '50.00' },
      { order_no: 'E001', item_name: '面霜', quantity: 1, amount: '200.00' },
      { order_no: 'E002', item_name: '口红', quantity: 1, amount: '50.00' },
    ]);
  });

  it('an item-level export without order amounts takes the order amount and product list from its items', async () => {
    await importRows(project, env.dir, [
      ['订单号', '买家付款时间', '商品名称', '商品金额', '数量'],
      ['E001', '2026-09-01 10:01:00', '面霜', '¥200', '1'],
      ['E001', '2026-09-01 10:01:00', '口红', '¥100', '2'],
    ]);
    expect(await project.db.all(`SELECT order_no, paid_amount::VARCHAR AS paid, items FROM orders`)).toEqual([{ order_no: 'E001', paid: '300.00', items: '面霜、口红' }]);
    expect(await count(project, 'order_items')).toBe(2);
  });

  it('a later order export updates status and refund of a known order and counts it as changed', async () => {
    const header = ['订单号', '订单状态', '订单实付金额', '订单已退款金额', '订单退款状态'];
    await importRows(project, env.dir, [header, ['E001', '已发货', '100', '0', '无退款'], ['E002', '交易成功', '50', '0', '无退款']]);
    const later = await importRows(project, env.dir, [header, ['E001', '交易关闭', '100', '100', '退款成功'], ['E002', '交易成功', '50', '0', '无退款'], ['E003', '交易成功', '20', '0', '']]);
    expect(later).toMatchObject({ rowsRead: 3, rowsAdded: 2, rowsSkipped: 1 });
    const rows = await project.db.all(`SELECT order_no, status, refunded_amount::VARCHAR AS refunded, refund_status FROM orders ORDER BY order_no`);
    expect(rows).toEqual([
      { order_no: 'E001', status: '交易关闭', refunded: '100.00', refund_status: '退款成功' },
      { order_no: 'E002', status: '交易成功', refunded: '0.00', refund_status: '无退款' },
      { order_no: 'E003', status: '交易成功', refunded: '0.00', refund_status: null },
    ]);
  });

  it('reads a reply rate written with and without % and a dash as empty, from a whole-sentence header', async () => {
    await importRows(project, env.dir, [
      ['日期', '客户总数', '已回复聊天占比', '删除/拉黑成员的客户数，即将成员删除或加入黑名单的客户数'],
      ['2026-09-01', '500', '12.22%', '2'],
      ['2026-09-02', '510', '60.25', '0'],
      ['2026-09-03', '510', '-', '1'],
    ]);
    const rows = await project.db.all(`SELECT stat_date::VARCHAR AS d, total_customers, reply_rate, deleted_by_customers FROM contact_stats ORDER BY stat_date`);
    expect(rows).toEqual([
      { d: '2026-09-01', total_customers: 500, reply_rate: 12.22, deleted_by_customers: 2 },
      { d: '2026-09-02', total_customers: 510, reply_rate: 60.25, deleted_by_customers: 0 },
      { d: '2026-09-03', total_customers: 510, reply_rate: null, deleted_by_customers: 1 },
    ]);
  });

  it('collects every per-source column of a 公众号 export into sources', async () => {
    await importRows(project, env.dir, [
      ['时间', '新关注人数', '取消关注人数', '净增关注人数', '累积关注人数', '搜索公众号名称', '名片分享', '扫描二维码', '微信广告', '其他'],
      ['2026-09-01', '30', '5', '25', '10,025', '10', '5', '12', '0', '3'],
    ]);
    const [row] = await project.db.all<{ total_follows: number; sources: string }>(`SELECT total_follows, sources FROM official_account_daily`);
    expect(row.total_follows).toBe(10025);
    expect(JSON.parse(row.sources)).toEqual({ 搜索公众号名称: 10, 名片分享: 5, 扫描二维码: 12, 微信广告: 0, 其他: 3 });
  });

  it('reads a two-row header whose upper cells are merged over the lower ones', async () => {
    const rec = await importRows(project, env.dir, [
      ['日期', '渠道', '投放数据', null, null],
      [null, null, '曝光', '点击', '花费(元)'],
      ['2026-09-01', '朋友圈广告', '10,000', '300', '￥1,000.00'],
    ]);
    expect(rec.kind).toBe('ad_costs');
    const rows = await project.db.all(`SELECT stat_date::VARCHAR AS d, channel, impressions::INTEGER AS impressions, clicks::INTEGER AS clicks, cost::VARCHAR AS cost FROM ad_costs`);
    expect(rows).toEqual([{ d: '2026-09-01', channel: '朋友圈广告', impressions: 10000, clicks: 300, cost: '1000.00' }]);
  });

  it('keys customers by external userid, then unionid, then full phone, never by a masked phone', async () => {
    const header = ['客户名称', '所属员工', '添加时间', '手机号', 'unionid', 'external_userid'];
    await importRows(project, env.dir, [
      header,
      ['小美', 'Lily', '2026-09-01 10:00:00', '13800138000', 'oU1', 'wm1'],
      ['阿强', 'Lily', '2026-09-02 10:00:00', '186******05', '', ''],
      ['阿珍', 'Lily', '2026-09-03 10:00:00', '186******05', '', ''],
    ]);
    // Renamed but same userid; same masked phone with a different name is another person.
    const later = await importRows(project, env.dir, [header, ['小美美', 'Lily', '2026-09-01 10:00:00', '13800138000', 'oU1', 'wm1'], ['阿明', 'Tom', '2026-09-04 10:00:00', '186******05', '', '']]);
    expect(later.rowsAdded).toBe(1);
    expect(await count(project, 'customers')).toBe(4);
  });
});
