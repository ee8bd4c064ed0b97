import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportKind } from '../../../src-main/contract';
import { importFile } from '../../../src-main/import/importFile';
import type { OpenProject } from '../../../src-main/db/projectFile';
import { tempProject, writeCsv, writeXlsx } from '../helpers';

let env: Awaited<ReturnType<typeof tempProject>>;
let project: OpenProject;
beforeEach(async () => {
  env = await tempProject();
  project = env.project;
});
afterEach(async () => env.cleanup());

let fileNo = 0;
async function importRows(rows: unknown[][], opts: { kind?: ImportKind } = {}) {
  const file = await writeXlsx(path.join(env.dir, `f${++fileNo}.xlsx`), { Sheet1: rows });
  return importFile(project, { path: file, fileName: path.basename(file) }, { tempDir: env.tempDir, ...opts });
}

const rowsOf = <T = Record<string, unknown>>(query: string) => project.db.all<T>(query);
const count = async (table: string) => (await rowsOf<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table}`))[0].n;

/** One tiny export per kind, every cell stored as text, with the header variants and quirks that kind shows. */
const fixtures: { kind: ImportKind; table: string; rows: unknown[][]; stored: number }[] = [
  {
    kind: 'customers',
    table: 'customers',
    rows: [
      ['客户名称', '备注', '跟进员工', '添加好友时间', '添加方式', '企业标签', '客户状态', '手机号', 'unionid', 'external_userid'],
      ['小美', '老客', 'Lily', '2026-09-01 10:00:00', '扫描渠道二维码', '高意向', '正常', '13800138000', 'oU1', 'wm1'],
      ['阿强', '', 'Lily', '2026/09/02 11:00', '搜索手机号', '', '已流失', '186******05', '', ''],
      ['合计', '', '', '', '', '', '', '', '', ''],
    ],
    stored: 2,
  },
  {
    kind: 'customer_groups',
    table: 'customer_groups',
    rows: [
      ['群名称', '群主', '群人数', '创建时间', '客户群状态', '标签'],
      ['美妆1群', 'Lily', '120', '2026/08/01', '正常', '美妆'],
      ['美妆2群', 'Lily', '88', '2026/08/15', '正常', ''],
    ],
    stored: 2,
  },
  {
    kind: 'group_stats',
    table: 'group_stats',
    rows: [
      ['客户群统计'],
      ['数据日期', '新增客户群数量', '截至当天客户群总数量', '截至当天有发过消息的客户群数量', '客户群新增群人数', '截至当天客户群总人数', '截至当天有发过消息的群成员数', '截至当天客户群消息总数'],
      ['2026-09-01', '1', '10', '8', '25', '1,200', '300', '4500'],
      ['2026-09-02', '0', '10', '7', '12', '1,210', '280', '4810'],
      ['合计', '1', '', '', '37', '', '', ''],
    ],
    stored: 2,
  },
  {
    kind: 'contact_stats',
    table: 'contact_stats',
    rows: [
      ['日期', '客户总数', '新增客户数', '流失客户数', '发起申请数', '聊天总数', '发送消息数', '已回复聊天占比', '平均首次回复时长', '删除/拉黑成员的客户数，即将成员删除或加入黑名单的客户数'],
      ['2026-09-01', '500', '20', '2', '5', '40', '120', '60.25%', '3.5', '1'],
      ['2026-09-02', '518', '18', '0', '3', '35', '100', '60.25', '4', '0'],
      ['2026-09-03', '518', '0', '0', '0', '0', '0', '-', '-', '0'],
    ],
    stored: 3,
  },
  {
    kind: 'churn',
    table: 'churn_events',
    rows: [
      ['客户', '所属员工', '删除时间', '流失方式', '添加时间', '标签'],
      ['小美', 'Lily', '2026-09-05 10:00:00', '客户删除员工', '2026-08-01 09:00:00', ''],
      ['小美', 'Lily', '2026-09-20 10:00:00', '员工删除客户', '2026-09-10 09:00:00', ''],
    ],
    stored: 2,
  },
  {
    kind: 'orders',
    table: 'orders',
    rows: [
      ['订单号', '订单状态', '订单创建时间', '买家付款时间', '订单实付金额', '订单已退款金额', '订单退款状态', '买家昵称', '买家手机号', '全部商品名称', '销售渠道', '分销员', '分销员'],
      ['E001', '交易成功', '2026-09-01 10:00:00', '2026-09-01 10:01:00', '¥1,234.50', '0', '无退款', '小美', '13800138000', '面霜', '微商城', '张三', '李四'],
      ['E002', '已发货', '2026-09-02 10:00:00', '2026-09-02 10:01:00', '￥99', '-', '', '阿强', '186******05', '口红', '微商城', '', ''],
    ],
    stored: 2,
  },
  {
    kind: 'official_account',
    table: 'official_account_daily',
    rows: [
      ['时间', '新关注人数', '取消关注人数', '净增关注人数', '累积关注人数', '搜索公众号名称', '名片分享', '扫描二维码', '微信广告', '其他'],
      ['2026-09-01', '30', '5', '25', '10,025', '10', '5', '12', '0', '3'],
      ['2026-09-02', '20', '2', '18', '10,043', '8', '2', '9', '1', '0'],
    ],
    stored: 2,
  },
  {
    kind: 'ad_costs',
    table: 'ad_costs',
    rows: [
      ['日期', '渠道', '展现', '点击', '消耗（元）'],
      ['2026-09-01', '朋友圈广告', '10,000', '300', '￥1,000.00'],
      ['2026-09-01', '公众号广告', '5000', '120', '450.5元'],
    ],
    stored: 2,
  },
  {
    kind: 'survey',
    table: 'survey_responses',
    rows: [
      ['客户', '手机号', '提交时间', '满意度', '意见'],
      ['小美', '13800138000', '2026-09-10 20:00:00', '5', '很好'],
      ['阿强', '186******05', '2026-09-11 20:00:00', '3', ''],
    ],
    stored: 2,
  },
];

describe('every kind of export', () => {
  it.each(fixtures)('detects a $kind export by its headers and stores its rows; the same rows again add nothing', async ({ kind, table, rows, stored }) => {
    const first = await importRows(rows);
    expect(first.kind).toBe(kind);
    expect(first.rowsAdded).toBe(stored);
    expect(await count(table)).toBe(stored);
    // Different bytes (a title row above), same rows: the natural keys catch every one.
    const again = await importRows([['再次导出'], ...rows]);
    expect(again).toMatchObject({ kind, rowsAdded: 0, rowsSkipped: again.rowsRead });
    expect(await count(table)).toBe(stored);
  });
});

describe('CSV exports of the new kinds', () => {
  it('imports a UTF-8 CSV with a BOM and reports a masked phone by row without a sheet name', async () => {
    const file = await writeCsv(
      path.join(env.dir, '问卷.csv'),
      [
        ['客户', '手机号', '提交时间', '评分', '意见'],
        ['阿强', '186******05', '2026-09-11 20:00:00', '9', '还行'],
      ],
      { hasBom: true },
    );
    const rec = await importFile(project, { path: file, fileName: '问卷.csv' }, { tempDir: env.tempDir });
    expect(rec).toMatchObject({ kind: 'survey', rowsAdded: 1, problemCount: 1 });
    expect(rec.problems?.[0]).toMatch(/^第 2 行“手机号”列/);
    expect(await rowsOf(`SELECT respondent_name, score, is_phone_masked FROM survey_responses`)).toEqual([{ respondent_name: '阿强', score: 9, is_phone_masked: true }]);
  });
});
