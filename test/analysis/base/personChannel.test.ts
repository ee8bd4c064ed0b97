/**
 * A person's channel (DESIGN §4): 渠道, else the channel code (来源二维码 / state), else the source
 * column (kept with 添加方式), one definition read the same way by every view that shows or breaks
 * down by channel. Hand-computed fixture (Asia/Shanghai; all times local, March 2024):
 *
 *   who   added        渠道      来源二维码  添加方式     → channel
 *   p1    03-01 10:00  直播间    qr-a        扫描二维码   直播间      (渠道 first)
 *   p2    03-01 11:00  (blank)   qr-b        扫描二维码   qr-b        (a blank 渠道 is none)
 *   p3    03-01 12:00  —         —           名片分享     名片分享    (only the source column)
 *   p4    03-01 13:00  —         —           —            （未知渠道） (nothing)
 *   p5    03-01 14:00  —         —           搜索         老带新      (a 渠道 on a later row of theirs
 *   p5    03-03 09:00  老带新    —           扫描二维码                beats the earliest row's 添加方式)
 *   (row) 03-02 09:00  —         qr-x        名片分享     qr-x        (a customer row tied to nobody)
 *
 * p1…p5 join group A on 03-02 12:00; p2 leaves 03-05 and p3 leaves 03-06 (both churn).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessClient, unwrap } from '../../../src-main/api/dispatch';
import { insertSpells, tempProject, type TempProject } from '../../support/projectFixture';
import { projectClient } from '../../support/projectClient';

const UNKNOWN = '（未知渠道）';

let t: TempProject;
let call: ReturnType<typeof inProcessClient>;

beforeAll(async () => {
  t = await tempProject();
  await insertSpells(t.project, [
    { group: 'A', id: 'p1', join: '2024-03-02 12:00:00+08' },
    { group: 'A', id: 'p2', join: '2024-03-02 12:00:00+08', leave: '2024-03-05 12:00:00+08' },
    { group: 'A', id: 'p3', join: '2024-03-02 12:00:00+08', leave: '2024-03-06 12:00:00+08' },
    { group: 'A', id: 'p4', join: '2024-03-02 12:00:00+08' },
    { group: 'A', id: 'p5', join: '2024-03-02 12:00:00+08' },
  ]);
  const rows: [string | null, string, string | null, string | null, string | null][] = [
    ['p1', '2024-03-01 10:00:00+08', '直播间', 'qr-a', '扫描二维码'],
    ['p2', '2024-03-01 11:00:00+08', '  ', 'qr-b', '扫描二维码'],
    ['p3', '2024-03-01 12:00:00+08', null, null, '名片分享'],
    ['p4', '2024-03-01 13:00:00+08', null, null, null],
    ['p5', '2024-03-01 14:00:00+08', null, null, '搜索'],
    ['p5', '2024-03-03 09:00:00+08', '老带新', null, '扫描二维码'],
    [null, '2024-03-02 09:00:00+08', null, 'qr-x', '名片分享'],
  ];
  await t.project.db.transaction(async (sql) => {
    for (const [i, [eu, added, channel, code, addWay]] of rows.entries()) {
      await sql.run(
        `INSERT INTO customers (row_key, external_userid, added_at, channel, channel_code, add_way, status, is_phone_masked, import_id, source_row)
         VALUES (?, ?, CAST(? AS TIMESTAMPTZ), ?, ?, ?, '正常', false, 1, ?)`,
        [`c${i}`, eu, added, channel, code, addWay, i + 2],
      );
    }
  });
  call = projectClient(t);
});
afterAll(async () => t?.dispose());

const byPerson = { p1: '直播间', p2: 'qr-b', p3: '名片分享', p4: null, p5: '老带新' };

describe("a person's channel is 渠道, else the channel code, else the source column, in every view", () => {
  it('渠道 view: the default tab counts each person under that channel; 添加方式 keeps its own tab', async () => {
    const rows = unwrap(await call('channels:query', {}));
    expect(rows.map((r) => [r.dimension, r.channel, r.added])).toEqual([
      ['source', 'qr-b', 1],
      ['source', 'qr-x', 1],
      ['source', '名片分享', 1],
      ['source', '直播间', 1],
      ['source', '老带新', 1],
      ['source', UNKNOWN, 1],
    ]);
    const addWay = unwrap(await call('channels:query', { dimension: 'add_way' }));
    expect(addWay.map((r) => [r.channel, r.added])).toEqual([['名片分享', 2], ['扫描二维码', 2], ['搜索', 1], [UNKNOWN, 1]]);
  });

  it('客户360 shows the same channel per person', async () => {
    const page = unwrap(await call('features:query', { offset: 0, limit: 100, sort: [], filter: {} }));
    expect(Object.fromEntries(page.rows.map((r) => [r.pid, r.channel]))).toEqual(byPerson);
  });

  it("the funnel's 按渠道 breakdown, the churn 来源渠道 chart, the lost list and survival by channel agree", async () => {
    const funnel = unwrap(await call('funnel:query', { mode: 'cohort', breakdown: 'channel', from: '2024-03-01', to: '2024-03-31' }));
    expect(funnel.breakdown!.map((b) => [b.value, b.stages[0]!.count]).sort()).toEqual(
      [['qr-b', 1], ['qr-x', 1], ['名片分享', 1], ['直播间', 1], ['老带新', 1], [UNKNOWN, 1]].sort(),
    );
    const churn = unwrap(await call('churn:query', { from: '2024-03-01', to: '2024-03-31' }));
    expect(churn.events.map((e) => [e.pid, e.channel])).toEqual([['p2', 'qr-b'], ['p3', '名片分享']]);
    expect(churn.breakdowns.channel.map((b) => [b.value, b.count]).sort()).toEqual([['qr-b', 1], ['名片分享', 1]]);
    const survival = unwrap(await call('churn:survival', { by: 'channel' }));
    expect(survival.map((c) => [c.label, c.n]).sort()).toEqual([['qr-b', 1], ['名片分享', 1], ['直播间', 1], ['老带新', 1], [UNKNOWN, 1]].sort());
  });
});
