import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { growthPoints } from '../../../src-main/analysis/decision/growthPoints';
import { latestFullWeek, querySegmentCounts, shiftShare } from '../../../src-main/analysis/decision/growthDecomposition';
import { queryMetrics } from '../../../src-main/analysis/metrics/metricsQueries';
import type { GrowthPointsResult, SegmentShift } from '../../../src-main/contract';
import type { OpenProject } from '../../../src-main/db/projectFile';
import { insertMessages, insertOrders, insertSpells, tempProject, type SpellRow, type TempProject } from '../../support/projectFixture';

const TZ = 'Asia/Shanghai';

/** Customer rows with the columns the segments read (the fixture helper writes identity columns only). */
async function insertCustomerRows(project: OpenProject, rows: { id: string; phone: string; channel: string; staff?: string; tags?: string }[]): Promise<void> {
  await project.db.transaction(async (sql) => {
    for (const [i, r] of rows.entries()) {
      await sql.run(
        `INSERT INTO customers (row_key, customer_name, staff, added_at, channel, tags, phone, is_phone_masked, external_userid, import_id, source_row)
         VALUES (?, ?, ?, TIMESTAMPTZ '2024-04-01 09:00:00+08', ?, ?, ?, false, ?, 1, ?)`,
        [`c-${r.id}`, r.id, r.staff ?? null, r.channel, r.tags ?? null, r.phone, r.id, i + 2],
      );
    }
  });
}

const phone = (id: string) => `138${String(id.charCodeAt(0)).padStart(3, '0')}${id.slice(1).padStart(5, '0')}`;

/**
 * The hand-computed fixture. Previous week 2024-06-03 – 06-09, current week 06-10 – 06-16 (Mondays).
 * 群A: a1–a4 (channel X, staff S1) and b1, b2 (channel Y, staff S2) from 05-01; c1 (channel Z, no staff)
 *      from 05-01, left 06-05 12:00 (present only in the previous week).
 * 群B: b3, b4 (channel Y, staff S2) joined 06-11 (present only in the current week).
 * Orders: previous — a1 ¥100, a2 ¥50, b1 ¥80, c1 ¥40 (06-04, while a member); current — a1 ¥60, b1 ¥80,
 *   b3 ¥100, b4 ¥20 fully refunded (not converted, GMV 0).
 * Totals: converted 4 → 3, GMV 270 → 240.
 * Channel X: n 4 → 4, c 2 → 1, g 150 → 60: mix 0; rate (1/4 − 2/4)·8/2 = −1; GMV rate (15 − 37.5)·8/2 = −90.
 * Channel Y: n 2 → 4, c 1 → 2, g 80 → 180: r 1/2 both, mix 2·1/2 = +1, rate 0; GMV r 40 → 45: mix 2·85/2 = 85, rate 5·6/2 = 15.
 * Channel Z: n 1 → 0, c 1 → 0, g 40 → 0: absent now, takes r1 = r0: mix −1, rate 0; GMV mix −40.
 * 群A: n 7 → 6, c 4 → 2: mix (6 − 7)(4/7 + 1/3)/2 = −19/42, rate (1/3 − 4/7)(7 + 6)/2 = −65/42 (sum −2).
 * 群B: n 0 → 2, c 0 → 1: new, mix +1, rate 0; GMV mix +100.
 * 群C: 33 people who leave on the days 05-06 – 06-12 (none buys): 2 on every second day from 05-07, 5 on 06-12.
 *   The 28 days before 06-12 (05-15 – 06-11): 14 days of 0 and 14 of 2, mean 1, sample sd √(28/27) ≈ 1.0184,
 *   threshold 1 + 3·1.0184 ≈ 4.055 < 5: a spike. Every other day has at most 2 (below its threshold ≥ 1 + 3·sd > 2).
 *   On 06-12 the non-member “运营” posts “限时秒杀” in 群C. (The spike is read with 群C as the scope.)
 */
let t: TempProject;
let r: GrowthPointsResult;

beforeAll(async () => {
  t = await tempProject(TZ);
  const spells: SpellRow[] = [
    ...['a1', 'a2', 'a3', 'a4', 'b1', 'b2'].map((id) => ({ group: '群A', id, join: '2024-05-01 10:00:00+08' })),
    { group: '群A', id: 'c1', join: '2024-05-01 10:00:00+08', leave: '2024-06-05 12:00:00+08' },
    { group: '群B', id: 'b3', join: '2024-06-11 10:00:00+08' },
    { group: '群B', id: 'b4', join: '2024-06-11 10:00:00+08' },
  ];
  let n = 0;
  const leaveOn = (day: string, count: number) => {
    for (let i = 0; i < count; i++) spells.push({ group: '群C', id: `z${n++}`, join: '2024-04-01 10:00:00+08', leave: `${day} 12:00:00+08` });
  };
  for (let d = new Date('2024-05-06T00:00:00Z'); d < new Date('2024-06-12T00:00:00Z'); d.setUTCDate(d.getUTCDate() + 1)) {
    const day = d.toISOString().slice(0, 10);
    // Every second day from 05-07 (05-07, 05-09, …, 06-10 and, since it is odd-numbered from 05-06, 06-11 is not).
    if (Math.round((d.getTime() - Date.parse('2024-05-06T00:00:00Z')) / 86_400_000) % 2 === 1) leaveOn(day, 2);
  }
  leaveOn('2024-06-12', 5);
  await insertSpells(t.project, spells);
  await insertMessages(t.project, [{ id: 'ops', name: '运营', group: '群C', at: '2024-06-12 09:00:00+08', content: '限时秒杀' }]);
  await insertCustomerRows(t.project, [
    ...['a1', 'a2', 'a3', 'a4'].map((id) => ({ id, phone: phone(id), channel: 'X', staff: 'S1', tags: id === 'a1' ? '高意向,老客' : undefined })),
    ...['b1', 'b2', 'b3', 'b4'].map((id) => ({ id, phone: phone(id), channel: 'Y', staff: 'S2' })),
    { id: 'c1', phone: phone('c1'), channel: 'Z' },
  ]);
  await insertOrders(t.project, [
    { orderNo: 'p1', paidAt: '2024-06-04 12:00:00+08', paid: 100, buyerPhone: phone('a1') },
    { orderNo: 'p2', paidAt: '2024-06-05 12:00:00+08', paid: 50, buyerPhone: phone('a2') },
    { orderNo: 'p3', paidAt: '2024-06-06 12:00:00+08', paid: 80, buyerPhone: phone('b1') },
    { orderNo: 'p4', paidAt: '2024-06-04 12:00:00+08', paid: 40, buyerPhone: phone('c1') },
    { orderNo: 'q1', paidAt: '2024-06-12 12:00:00+08', paid: 60, buyerPhone: phone('a1') },
    { orderNo: 'q2', paidAt: '2024-06-12 12:00:00+08', paid: 80, buyerPhone: phone('b1') },
    { orderNo: 'q3', paidAt: '2024-06-13 12:00:00+08', paid: 100, buyerPhone: phone('b3') },
    { orderNo: 'q4', paidAt: '2024-06-14 12:00:00+08', paid: 20, refunded: 20, buyerPhone: phone('b4') },
  ]);
  r = await t.project.db.use((sql) => growthPoints(sql, { from: '2024-06-10', to: '2024-06-16' }, TZ));
}, 120_000);
afterAll(async () => t?.dispose());

const shift = (dimension: SegmentShift['dimension'], segment: string) => r.shifts.find((s) => s.dimension === dimension && s.segment === segment);

describe('growth points: the decomposition, by hand', () => {
  it('compares the week with the week before, totals equal to 指标', async () => {
    expect(r.current).toEqual({ from: '2024-06-10', to: '2024-06-16' });
    expect(r.previous).toEqual({ from: '2024-06-03', to: '2024-06-09' });
    expect(r.totals).toEqual({ converted0: 4, converted1: 3, gmv0: 270, gmv1: 240 });
    const weeks = await t.project.db.use((sql) => queryMetrics(sql, { period: 'week', from: '2024-06-03', to: '2024-06-16', timeZone: TZ }));
    expect(weeks.map((w) => [w.converted_members, w.gmv])).toEqual([
      [4, 270],
      [3, 240],
    ]);
  });

  it('splits each channel and group into the mix and rate parts computed by hand', () => {
    expect(shift('channel', 'X')).toMatchObject({ people0: 4, people1: 4, converted0: 2, converted1: 1, gmv0: 150, gmv1: 60 });
    expect(shift('channel', 'X')!.convertedMix).toBeCloseTo(0, 12);
    expect(shift('channel', 'X')!.convertedRate).toBeCloseTo(-1, 12);
    expect(shift('channel', 'X')!.gmvRate).toBeCloseTo(-90, 9);
    expect(shift('channel', 'Y')).toMatchObject({ people0: 2, people1: 4, converted0: 1, converted1: 2, gmv0: 80, gmv1: 180 });
    expect(shift('channel', 'Y')!.convertedMix).toBeCloseTo(1, 12);
    expect(shift('channel', 'Y')!.convertedRate).toBeCloseTo(0, 12);
    expect(shift('channel', 'Y')!.gmvMix).toBeCloseTo(85, 9);
    expect(shift('channel', 'Y')!.gmvRate).toBeCloseTo(15, 9);
    expect(shift('channel', 'Z')).toMatchObject({ people0: 1, people1: 0, convertedMix: -1, convertedRate: 0, gmvMix: -40, gmvRate: 0 });
    expect(shift('group', '群A')!.convertedMix).toBeCloseTo(-19 / 42, 12);
    expect(shift('group', '群A')!.convertedRate).toBeCloseTo(-65 / 42, 12);
    expect(shift('group', '群B')).toMatchObject({ people0: 0, people1: 2, convertedMix: 1, convertedRate: 0, gmvMix: 100, gmvRate: 0 });
    // Staff: c1 and 群C have none; tags: a1's two tags are one segment, sorted.
    expect(shift('staff', 'S1')).toMatchObject({ people0: 4, converted0: 2 });
    expect(r.shifts.some((s) => s.dimension === 'tag' && s.segment === '老客、高意向')).toBe(true);
  });

  it('adds the parts of every dimension up to the total change', () => {
    for (const d of ['channel', 'group', 'staff', 'tag'] as const) {
      const parts = r.shifts.filter((s) => s.dimension === d);
      expect(parts.reduce((s, p) => s + p.convertedMix + p.convertedRate, 0)).toBeCloseTo(3 - 4, 9);
      expect(parts.reduce((s, p) => s + p.gmvMix + p.gmvRate, 0)).toBeCloseTo(240 - 270, 9);
    }
  });

  it('ranks findings by ¥ and links each part to a view', () => {
    const sizes = r.findings.map((f) => Math.abs(f.yuan ?? -1));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    const groupB = r.findings.find((f) => f.kind === 'mix' && f.link.view === 'metrics' && f.link.scope.groups?.[0] === '群B');
    expect(groupB).toMatchObject({ people: 1, yuan: 100, link: { scope: { from: '2024-06-03', to: '2024-06-16' } } });
    expect(groupB!.title).toContain('群B');
  });

  it('values a churn spike at the current week’s GMV per person present (found at once with the segment counts, valued after them)', () => {
    // Every group: 06-12 loses 5 against a mean of 29/28 (c1's leave on 06-05 is in the window).
    // Present in the current week: 群A's 6, 群B's 2, 群C's 7 who leave on 06-10 or 06-12 → 15; GMV 240.
    const spike = r.findings.find((f) => f.kind === 'churn_spike');
    expect(spike!.people).toBeCloseTo(-(5 - 29 / 28), 12);
    expect(spike!.yuan).toBeCloseTo(-(5 - 29 / 28) * (240 / 15), 9);
  });
});

describe('growth points: churn spikes', () => {
  it('flags 06-12 (5 left against a threshold of 4.055) with what the staff posted, and no other day', async () => {
    // Scope 群C alone: c1's leave from 群A (06-05) would change the window.
    const c = await t.project.db.use((sql) => growthPoints(sql, { groups: ['群C'], from: '2024-06-10', to: '2024-06-16' }, TZ));
    const spikes = c.findings.filter((f) => f.kind === 'churn_spike');
    expect(spikes.map((f) => f.link.scope.from)).toEqual(['2024-06-12']);
    const [spike] = spikes;
    const value = (label: string) => spike!.evidence.find((e) => e.label === label)?.value;
    expect(value('当天流失人数')).toBe(5);
    expect(value('前 28 天日均流失')).toBeCloseTo(1, 12);
    expect(value('判定线（平均 + 3 倍标准差）')).toBeCloseTo(1 + 3 * Math.sqrt(28 / 27), 9);
    expect(value('当天员工（非成员）发言')).toBe(1);
    expect(spike!.explanation).toContain('限时秒杀');
    expect(spike!.people).toBeCloseTo(-4, 12);
    expect(spike!.link.view).toBe('churn');
  });
});

describe('growth points: periods', () => {
  it('takes the latest full Monday–Sunday week by default', () => {
    expect(latestFullWeek('2024-06-16')).toEqual({ from: '2024-06-10', to: '2024-06-16' }); // a Sunday: its own week
    expect(latestFullWeek('2024-06-15')).toEqual({ from: '2024-06-03', to: '2024-06-09' });
    expect(latestFullWeek('2024-06-10')).toEqual({ from: '2024-06-03', to: '2024-06-09' });
  });

  it('defaults to the last full week of the data', async () => {
    // The last data are 06-14 (an order): the week 06-03 – 06-09, against 05-27 – 06-02.
    const d = await t.project.db.use((sql) => growthPoints(sql, {}, TZ));
    expect(d.current).toEqual({ from: '2024-06-03', to: '2024-06-09' });
    expect(d.previous).toEqual({ from: '2024-05-27', to: '2024-06-02' });
  });
});

describe('shift-share', () => {
  it('gives a new segment all mix and a vanished one all mix', () => {
    expect(shiftShare(0, 0, 5, 2)).toEqual({ mix: 2, rate: 0 });
    expect(shiftShare(5, 2, 0, 0)).toEqual({ mix: -2, rate: 0 });
    expect(shiftShare(0, 0, 0, 0)).toEqual({ mix: 0, rate: 0 });
  });
});

describe('growth points: the group segment of a person', () => {
  it('joins the groups a person was in during the period, each group once', async () => {
    const g = await tempProject(TZ);
    try {
      await insertSpells(g.project, [
        // m1: 群A all along, 群B too from the current week; m2: 群B only; r1: left 群A and came back within the current week.
        { group: '群A', id: 'm1', join: '2024-05-01 10:00:00+08' },
        { group: '群B', id: 'm1', join: '2024-06-11 10:00:00+08' },
        { group: '群B', id: 'm2', join: '2024-06-11 10:00:00+08' },
        { group: '群A', id: 'r1', join: '2024-05-01 10:00:00+08', leave: '2024-06-11 10:00:00+08' },
        { group: '群A', id: 'r1', join: '2024-06-12 10:00:00+08' },
      ]);
      const periods = { from0: '2024-06-03', to0: '2024-06-09', from1: '2024-06-10', to1: '2024-06-16' };
      const counts = await g.project.db.use((sql) => querySegmentCounts(sql, undefined, periods, TZ));
      const groups = counts.filter((c) => c.dimension === 'group').map((c) => [c.segment, c.people0, c.people1]);
      expect(groups).toEqual([
        ['群A', 2, 1],
        ['群A、群B', 0, 1],
        ['群B', 0, 1],
      ]);
    } finally {
      await g.dispose();
    }
  });
});
