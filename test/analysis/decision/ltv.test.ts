import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ltv } from '../../../src-main/analysis/decision/ltv';
import { queryChannels } from '../../../src-main/analysis/channels/channelQueries';
import type { LtvChannel, LtvResult } from '../../../src-main/contract';
import { insertChannelFixture } from '../channels/channelFixture';
import { insertLtvFixture, ltvTypedCosts } from './roiFixture';
import { tempProject, type TempProject } from '../../support/projectFixture';

const TZ = 'Asia/Shanghai';
let t: TempProject;

beforeAll(async () => {
  t = await tempProject(TZ);
  await insertLtvFixture(t.project);
});
afterAll(async () => t?.dispose());

const run = (from?: string, to?: string): Promise<LtvResult> => t.project.db.use((sql) => ltv(sql, { from, to, dimension: 'source' }, ltvTypedCosts, TZ));
const channel = (r: LtvResult, name: string): LtvChannel => r.channels.find((c) => c.channel === name)!;
const none = (n: number) => Array.from({ length: n }, () => null);

describe('LTV / CAC on the hand-computed fixture', () => {
  it('gives each cohort its curve, a person added at 23:59:59 on the last day of January in January', async () => {
    const r = await run();
    expect(r.asOf).toBe('2024-04-30');
    expect(r.cohorts.map((c) => [c.channel, c.month, c.acquired])).toEqual([
      ['海报', '2024-01', 1],
      ['直播间', '2024-01', 2],
      ['直播间', '2024-02', 1],
      ['零成本', '2024-01', 1],
    ]);
    const live = r.cohorts.filter((c) => c.channel === '直播间');
    // p1 100 in January; 200 − 50 in February; the fully refunded March order counts nothing; p3 60 in April.
    expect(live[0]!.curve).toEqual([50, 125, 125, 155]);
    // p2's order before the add is not counted; February, March and April have ended.
    expect(live[1]!.curve).toEqual([300, 300, 300]);
  });

  it('pools the cohorts per channel, with CAC, LTV/CAC and the payback month', async () => {
    const r = await run();
    const live = channel(r, '直播间');
    expect(live.acquired).toBe(3);
    expect(live.cost).toBe(300);
    expect(live.cac).toBe(100);
    // Month 4 only January completed: its April GMV per person (60 / 2) adds to month 3.
    expect(live.curve.slice(0, 4)).toEqual([expect.closeTo(400 / 3, 9), expect.closeTo(550 / 3, 9), expect.closeTo(550 / 3, 9), expect.closeTo(550 / 3 + 30, 9)]);
    expect(live.curve.slice(4)).toEqual(none(8));
    expect(live.ltv3).toBeCloseTo(550 / 3, 9);
    expect(live.ltvCac3).toBeCloseTo(11 / 6, 9);
    expect([live.ltv6, live.ltvCac6, live.ltv12, live.ltvCac12]).toEqual([null, null, null, null]);
    expect(live.paybackMonth).toBe(1);

    const poster = channel(r, '海报');
    expect([poster.acquired, poster.cost, poster.cac, poster.ltv3, poster.ltvCac3, poster.paybackMonth]).toEqual([1, 200, 200, 100, 0.5, null]);
    expect(poster.curve.slice(0, 4)).toEqual([50, 100, 100, 100]);
    expect(poster.reading).toContain('还没回本');
  });

  it('leaves the ratios empty at zero cost and with nobody acquired, never 0 or infinity', async () => {
    const r = await run();
    const free = channel(r, '零成本');
    expect([free.acquired, free.cost, free.cac, free.ltv3, free.ltvCac3, free.paybackMonth]).toEqual([1, 0, 0, 0, null, null]);
    const empty = channel(r, '空渠道');
    expect([empty.acquired, empty.cost, empty.cac, empty.ltv3, empty.ltvCac3, empty.paybackMonth]).toEqual([0, 100, null, null, null, null]);
    expect(empty.curve).toEqual(none(12));
    expect(empty.reading).toContain('没有获客');
    expect(r.channels.map((c) => c.channel)).toEqual(['直播间', '海报', '零成本', '空渠道']);
  });

  it('counts the people added in the range by local day: 02-01 00:00:00 is February', async () => {
    const r = await run('2024-02-01', '2024-02-29');
    const live = channel(r, '直播间');
    expect([live.acquired, live.cac, live.paybackMonth]).toEqual([1, 300, 1]);
    expect(live.curve.slice(0, 4)).toEqual([300, 300, 300, null]);
    // 海报's imported cost was in January and nobody was added through it in February: no row.
    // Nobody acquired through either typed channel: by name (code points).
    expect(r.channels.map((c) => c.channel)).toEqual(['直播间', '空渠道', '零成本']);
  });

  it('has the CAC of 渠道分析: cost per person acquired over the same people', async () => {
    const rows = await t.project.db.use((sql) => queryChannels(sql, {}, 'source', ltvTypedCosts, TZ));
    const r = await run();
    for (const name of ['直播间', '海报', '零成本']) {
      expect(channel(r, name).cac).toBe(rows.find((x) => x.channel === name)!.cost_per_acquisition);
    }
  });
});

describe('LTV / CAC channels are 渠道分析\'s', () => {
  it('acquires per channel the people 渠道 counts as added, each dimension, over the channel fixture', async () => {
    const c = await tempProject(TZ);
    try {
      await insertChannelFixture(c.project);
      for (const dimension of ['source', 'channel_code', 'add_way'] as const) {
        const channels = await c.project.db.use((sql) => queryChannels(sql, { from: '2024-03-01', to: '2024-03-31' }, dimension, [], TZ));
        const r = await c.project.db.use((sql) => ltv(sql, { from: '2024-03-01', to: '2024-03-31', dimension }, [], TZ));
        expect(Object.fromEntries(r.channels.map((x) => [x.channel, x.acquired])), dimension).toEqual(
          Object.fromEntries(channels.filter((x) => x.added > 0).map((x) => [x.channel, x.added])),
        );
      }
    } finally {
      await c.dispose();
    }
  });
});
