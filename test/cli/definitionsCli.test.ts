/**
 * The command line over exports imported as a user would, showing the four readings of issue 18
 * (DESIGN §3–4). Hand-computed (Asia/Shanghai, every time local, March 2024):
 *
 *   客户列表  wmA 甲, wmB 乙, wmC 丙 (members) and wo1 路人 (渠道 抖音, added 03-02 10:00), with phones.
 *   群成员    一群: wmA 甲 joins 03-01 10:00; wmB 乙 03-02 10:00 and wmC 丙 03-03 10:00 both with
 *            邀请人 甲 beside 邀请员工 Lily. 二群: wmX, also nicknamed 甲, joins 03-01 10:00.
 *            → 邀请人 is the inviter (not Lily); 甲 in 一群 at those joins is wmA alone, though
 *            二群 has a 甲 too → wmA has 2 referrals.
 *   订单      wmB pays ¥100 on 03-01 09:00, before the referral; wmC ¥100 on 03-05, after it;
 *            wo1 ¥50 on 03-04 → wmA has 1 referral who bought; wo1 1 purchase.
 *   聊天记录  wmB writes "#\u3000全角空格" (not a topic: the full-width space is \s under NFKC), wmC
 *            "＃新品话题" (a topic: ＃ is #), both in 一群 on 03-10.
 *   流失客户  wo1 deletes the staff member on 03-06 10:00, never having joined: 已添加未入群, 抖音,
 *            4 whole days after the add.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliIn } from '../support/cliInProcess';
import { tempDir } from '../support/tempDirs';

const files: Record<string, string[][]> = {
  '客户列表.csv': [
    ['客户名称', '所属员工', '添加时间', '渠道', '客户状态', '手机号', 'external_userid'],
    ['甲', '小王', '2024-02-28 10:00:00', '直播间', '正常', '13900000001', 'wmA'],
    ['乙', '小王', '2024-02-28 11:00:00', '直播间', '正常', '13900000002', 'wmB'],
    ['丙', '小王', '2024-02-28 12:00:00', '直播间', '正常', '13900000003', 'wmC'],
    ['路人', '小王', '2024-03-02 10:00:00', '抖音', '正常', '13900000009', 'wo1'],
  ],
  '群成员.csv': [
    ['群名称', '群成员昵称', '成员ID', '类型', '入群时间', '入群方式', '邀请员工', '邀请人'],
    ['一群', '甲', 'wmA', '外部联系人', '2024-03-01 10:00:00', '直接邀请入群', 'Lily', ''],
    ['一群', '乙', 'wmB', '外部联系人', '2024-03-02 10:00:00', '由群成员邀请入群', 'Lily', '甲'],
    ['一群', '丙', 'wmC', '外部联系人', '2024-03-03 10:00:00', '由群成员邀请入群', 'Lily', '甲'],
    ['二群', '甲', 'wmX', '外部联系人', '2024-03-01 10:00:00', '直接邀请入群', 'Lily', ''],
  ],
  '订单.csv': [
    ['订单号', '订单状态', '买家付款时间', '订单实付金额', '订单已退款金额', '买家手机号'],
    ['N1', '交易成功', '2024-03-01 09:00:00', '100', '0', '13900000002'],
    ['N2', '交易成功', '2024-03-05 10:00:00', '100', '0', '13900000003'],
    ['N3', '交易成功', '2024-03-04 10:00:00', '50', '0', '13900000009'],
  ],
  '聊天记录.csv': [
    ['发送人', '发送人ID', '群名称', '发送时间', '消息类型', '消息内容'],
    ['乙', 'wmB', '一群', '2024-03-10 10:00:00', 'text', '#　全角空格'],
    ['丙', 'wmC', '一群', '2024-03-10 11:00:00', 'text', '＃新品话题'],
  ],
  '流失客户.csv': [
    ['客户', '所属员工', '流失时间', '流失方式', 'external_userid'],
    ['路人', '小王', '2024-03-06 10:00:00', '客户删除员工', 'wo1'],
  ],
};

const tmp = tempDir('qunxi-cli-definitions-');
const project = path.join(tmp.dir, 'p.qunxi');
const qunxi = (...argv: string[]) => runCliIn(tmp.dir, ...argv);

beforeAll(async () => {
  const paths = Object.entries(files).map(([name, rows]) => {
    const file = path.join(tmp.dir, name);
    writeFileSync(file, `${rows.map((r) => r.join(',')).join('\n')}\n`);
    return file;
  });
  const r = await qunxi('import', '--project', project, ...paths);
  expect(r.code, r.stderr).toBe(0);
}, 120_000);
afterAll(() => tmp.cleanup());

describe('qunxi features and churn --list over imported exports', () => {
  it('features: the contact as a person, 邀请人 within the group at the join, referrals who bought after it, topics in NFKC', async () => {
    const r = await qunxi('features', '--project', project, '--as-of', '2024-03-31', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    const of = (pid: string) => rows.find((x) => x.pid === pid);
    expect(rows.map((x) => x.pid).sort()).toEqual(['wmA', 'wmB', 'wmC', 'wmX', 'wo1']);
    expect(of('wo1')).toMatchObject({ name: '路人', channel: '抖音', groups: null, is_member: false, purchases: 1, gmv: 50 });
    expect(of('wmA')).toMatchObject({ referrals: 2, referrals_bought: 1, groups: '一群', is_member: true });
    expect(of('wmX')).toMatchObject({ referrals: 0 });
    expect([of('wmB')?.kb_topic, of('wmC')?.kb_topic]).toEqual([0, 1]);
  });

  it('churn --list: the contact deleted before ever joining, with its channel', async () => {
    const r = await qunxi('churn', '--project', project, '--list', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { pid: 'wo1', name: '路人', left_at: '2024-03-06T10:00:00', how: 'customer_deleted_staff', group_name: null, stage: 'added_not_joined', channel: '抖音', tenure_days: 4 },
    ]);
  });
});
