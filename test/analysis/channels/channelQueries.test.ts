import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisScope, ChannelCost } from '../../../src-main/contract';
import { checkChannelCosts, queryAdCosts, queryChannelReturns, queryChannels, withCost, type ChannelDimension } from '../../../src-main/analysis/channels/channelQueries';
import { expectedAddWayAll, expectedSourceMarch, expectedSourceMarchGroupA, insertChannelFixture, typedCosts } from './channelFixture';
import { insertSpells, tempProject, type TempProject } from '../../support/projectFixture';

let t: TempProject;
const march: AnalysisScope = { from: '2024-03-01', to: '2024-03-31' };

beforeAll(async () => {
  t = await tempProject();
  await insertChannelFixture(t.project);
});
afterAll(async () => t?.dispose());

const query = (scope: AnalysisScope, dimension: ChannelDimension, costs: ChannelCost[] = typedCosts) =>
  t.project.db.use((sql) => queryChannels(sql, scope, dimension, costs, 'Asia/Shanghai'));

describe('channel analysis over the hand-computed fixture', () => {
  it('attributes the people added in the range to the channel of their earliest customer row', async () => {
    expect(await query(march, 'source')).toEqual(expectedSourceMarch);
  });

  it('counts joins, activity and churn within the selected groups only', async () => {
    expect(await query({ ...march, groups: ['A'] }, 'source')).toEqual(expectedSourceMarchGroupA);
  });

  it('takes every customer without a range, with typed costs of the dimension shown only', async () => {
    expect(await query({}, 'add_way')).toEqual(expectedAddWayAll);
  });

  it('splits the range at local midnight: 23:59:59 on the last day is in, 00:00:00 the next day is out', async () => {
    const april = await query({ from: '2024-04-01', to: '2024-04-01' }, 'source', []);
    // fay alone (added 04-01 00:00:00 local = 03-31 16:00 UTC), lost as a contact (her only row is 已流失).
    expect(april.map((r) => [r.channel, r.added, r.churned])).toEqual([['直播间', 1, 1]]);
    const lastDay = await query({ from: '2024-03-31', to: '2024-03-31' }, 'source', []);
    expect(lastDay.map((r) => [r.channel, r.added])).toEqual([['直播间', 1]]); // eve
    const openEnded = await query({ from: '2024-03-01' }, 'source', []);
    expect(openEnded.map((r) => [r.channel, r.added])).toEqual([['直播间', 4], ['朋友圈海报', 3], ['（未知渠道）', 1]]);
  });

  it('groups by the 来源二维码 (state) column, blank values under the unknown channel', async () => {
    const rows = await query(march, 'channel_code', []);
    // qr-live: ann ben eve; qr-post: cat wmX9; unknown: dan and the row without ids
    expect(rows.map((r) => [r.channel, r.added, r.joined, r.cost])).toEqual([
      ['qr-live', 3, 2, null],
      ['qr-post', 2, 1, null],
      ['（未知渠道）', 2, 1, null],
    ]);
  });

  it('falls back to the imported cost once no typed cost is given', async () => {
    const rows = await query(march, 'source', []);
    expect(rows.find((r) => r.channel === '直播间')).toMatchObject({ cost: 1000, cost_per_acquisition: 1000 / 3, cost_per_conversion: 500, roi: ((290.5 - 1000) * 100) / 1000 });
  });

  it('without the active column, gives every other figure of the hand-computed rows, a typed cost for nobody included', async () => {
    const withoutActive = <R extends { active: number }>(rows: R[]) => rows.map(({ active: _active, ...rest }) => rest);
    const returns = (scope: AnalysisScope, dimension: ChannelDimension) =>
      t.project.db.use((sql) => queryChannelReturns(sql, scope, dimension, typedCosts, 'Asia/Shanghai'));
    expect(await returns(march, 'source')).toEqual(withoutActive(expectedSourceMarch));
    expect(await returns({ ...march, groups: ['A'] }, 'source')).toEqual(withoutActive(expectedSourceMarchGroupA));
    expect(await returns({}, 'add_way')).toEqual(withoutActive(expectedAddWayAll));
  });

  it('returns nothing for a range without customers', async () => {
    expect(await query({ from: '2025-01-01', to: '2025-01-31' }, 'source', [])).toEqual([]);
  });
});

describe('joined and churned from each person’s last island and leave', () => {
  /**
   * Hand-computed, every customer added 03-01 09:00 through 扫描二维码: kim joined A at 03-05 12:00
   * and left at the same instant (an empty spell: never a member) → not joined, churned (left after
   * being added, no member now); lee joined A 02-01, left 02-10, joined B 03-02 and stays → joined,
   * not churned; mo joined A 03-02, left 03-03, re-joined A 03-04, left 03-06 → joined, churned;
   * ned joined A 02-01 and left 02-20, before being added → not joined, not churned.
   */
  it('gives the same counts without a scope (the kept spans) and with every group (computed)', async () => {
    const p = await tempProject();
    try {
      await insertSpells(p.project, [
        { group: 'A', id: 'kim', join: '2024-03-05 12:00:00+08', leave: '2024-03-05 12:00:00+08' },
        { group: 'A', id: 'lee', join: '2024-02-01 12:00:00+08', leave: '2024-02-10 12:00:00+08' },
        { group: 'B', id: 'lee', join: '2024-03-02 12:00:00+08' },
        { group: 'A', id: 'mo', join: '2024-03-02 12:00:00+08', leave: '2024-03-03 12:00:00+08' },
        { group: 'A', id: 'mo', join: '2024-03-04 12:00:00+08', leave: '2024-03-06 12:00:00+08' },
        { group: 'A', id: 'ned', join: '2024-02-01 12:00:00+08', leave: '2024-02-20 12:00:00+08' },
      ]);
      await p.project.db.transaction(async (sql) => {
        for (const [i, id] of ['kim', 'lee', 'mo', 'ned'].entries()) {
          await sql.run(
            `INSERT INTO customers (row_key, external_userid, added_at, add_way, channel, channel_code, status, phone, is_phone_masked, import_id, source_row)
             VALUES (?, ?, TIMESTAMPTZ '2024-03-01 09:00:00+08', '扫描二维码', NULL, NULL, '正常', NULL, false, 1, ?)`,
            [`c${i}`, id, i + 2],
          );
        }
      });
      for (const scope of [{}, { groups: ['A', 'B'] }]) {
        const rows = await p.project.db.use((sql) => queryChannels(sql, scope, 'add_way', [], 'Asia/Shanghai'));
        expect(rows.map((r) => [r.channel, r.added, r.joined, r.churned]), JSON.stringify(scope)).toEqual([['扫描二维码', 4, 2, 2]]);
      }
    } finally {
      await p.dispose();
    }
  });
});

describe('imported 渠道投放 costs', () => {
  it('sums each channel over the local days of the range', async () => {
    const rows = await t.project.db.use((sql) => queryAdCosts(sql, march));
    expect(rows).toEqual([
      { channel: '直播间', days: 1, impressions: 1000, clicks: 10, cost: 1000 },
      { channel: '朋友圈海报', days: 1, impressions: 1000, clicks: 10, cost: 120 },
    ]);
    const all = await t.project.db.use((sql) => queryAdCosts(sql, {}));
    expect(all.map((r) => [r.channel, r.days, r.cost])).toEqual([['朋友圈海报', 2, 1119], ['直播间', 1, 1000]]);
  });
});

describe('derived figures of a channel', () => {
  const base = { dimension: 'source' as const, channel: 'x', joined: 0, active: 0, churned: 0 };
  it('leaves a figure empty when its denominator is 0 or the cost is unknown', () => {
    expect(withCost({ ...base, added: 4, converted: 0, gmv: 0 }, 200)).toMatchObject({ cost_per_acquisition: 50, cost_per_conversion: null, roi: -100 });
    expect(withCost({ ...base, added: 4, converted: 2, gmv: 500 }, 0)).toMatchObject({ cost_per_acquisition: 0, cost_per_conversion: 0, roi: null });
    expect(withCost({ ...base, added: 4, converted: 2, gmv: 500 }, null)).toMatchObject({ cost_per_acquisition: null, cost_per_conversion: null, roi: null });
    expect(withCost({ ...base, added: 4, converted: 2, gmv: 500 }, 250)).toMatchObject({ cost_per_acquisition: 62.5, cost_per_conversion: 125, roi: 100 });
  });
});

describe('the typed cost table', () => {
  it('trims channel names and keeps the rows in order', () => {
    expect(checkChannelCosts([{ dimension: 'source', channel: ' 直播间 ', cost: 12.5 }])).toEqual([{ dimension: 'source', channel: '直播间', cost: 12.5 }]);
  });

  it('refuses a blank name and a second row for the same channel, naming the row', () => {
    expect(() => checkChannelCosts([{ dimension: 'source', channel: '   ', cost: 1 }])).toThrow(/第 1 行：渠道名称为空/);
    expect(() =>
      checkChannelCosts([
        { dimension: 'source', channel: '直播间', cost: 1 },
        { dimension: 'add_way', channel: '直播间', cost: 1 },
        { dimension: 'source', channel: '直播间 ', cost: 2 },
      ]),
    ).toThrow(/第 3 行与第 1 行是同一个渠道“直播间”/);
  });
});
