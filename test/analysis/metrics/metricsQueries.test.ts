import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricsRow } from '../../../src-main/contract';
import { queryMetrics, type MetricsQuery } from '../../../src-main/analysis/metrics/metricsQueries';
import { insertMessages, insertSpells, tempProject, type TempProject } from '../../support/projectFixture';

/**
 * Hand-computed fixture, Asia/Shanghai (UTC+8). Week 1 is Mon 2024-01-01 … Sun 2024-01-07.
 * All times below are local (+08).
 *
 *   alice  A  joins Mon 01-01 09:00, stays
 *   bob    A  joins 01-01 10:00, leaves 12:00, re-joins 15:00 the same day   (same-day re-join: not churned)
 *   carol  A  joins 01-01 10:00, leaves Tue 01-02 10:00, re-joins Thu 01-04 (later-day re-join: churned on 01-02)
 *   dave   A  joins 01-01 11:00, leaves Wed 01-03 11:00;  B joins 01-02 11:00, stays (two groups: not churned overall)
 *   erin   B  joins 01-02 09:00, leaves Fri 01-05 10:00, re-joins 01-05 18:00  (leave and re-join same day)
 *   frank  C  joins Wed 01-03 09:00, leaves Sun 01-07 23:00                  (the only member of C)
 *
 * Messages:
 *   alice A 01-02 23:59:59 (UTC 15:59:59) and 01-03 00:00:00 (UTC 16:00:00): two different local days
 *   bob   A 01-02 07:59:59 (UTC 01-01 23:59:59) and 01-02 08:00:00 (UTC 01-02 00:00): one local day
 *   carol A 01-03 12:00 while out of every group: not active
 *   bob   A Sun 01-07 23:59:59; dave B Mon 01-08 00:00:00 (UTC Sunday 16:00): the week boundary
 *   frank C 01-08 09:00 after leaving: not active
 *   alice A 01-08 10:00 and 01-09 10:00: active on two days of week 2, counted once per week
 *   erin  (one-to-one chat, no group) 01-08: outside every scope
 *   (nothing on Wed 01-10: an empty day)
 *   erin  B Thu 01-11 10:00: the last event day
 */
const spells = [
  { group: 'A', id: 'alice', join: '2024-01-01 09:00:00+08' },
  { group: 'A', id: 'bob', join: '2024-01-01 10:00:00+08', leave: '2024-01-01 12:00:00+08' },
  { group: 'A', id: 'bob', join: '2024-01-01 15:00:00+08' },
  { group: 'A', id: 'carol', join: '2024-01-01 10:00:00+08', leave: '2024-01-02 10:00:00+08' },
  { group: 'A', id: 'carol', join: '2024-01-04 10:00:00+08' },
  { group: 'A', id: 'dave', join: '2024-01-01 11:00:00+08', leave: '2024-01-03 11:00:00+08' },
  { group: 'B', id: 'dave', join: '2024-01-02 11:00:00+08' },
  { group: 'B', id: 'erin', join: '2024-01-02 09:00:00+08', leave: '2024-01-05 10:00:00+08' },
  { group: 'B', id: 'erin', join: '2024-01-05 18:00:00+08' },
  { group: 'C', id: 'frank', join: '2024-01-03 09:00:00+08', leave: '2024-01-07 23:00:00+08' },
];
const messages = [
  { id: 'alice', group: 'A', at: '2024-01-02 23:59:59+08' },
  { id: 'alice', group: 'A', at: '2024-01-03 00:00:00+08' },
  { id: 'bob', group: 'A', at: '2024-01-02 07:59:59+08' },
  { id: 'bob', group: 'A', at: '2024-01-02 08:00:00+08' },
  { id: 'carol', group: 'A', at: '2024-01-03 12:00:00+08' },
  { id: 'bob', group: 'A', at: '2024-01-07 23:59:59+08' },
  { id: 'dave', group: 'B', at: '2024-01-08 00:00:00+08' },
  { id: 'frank', group: 'C', at: '2024-01-08 09:00:00+08' },
  { id: 'alice', group: 'A', at: '2024-01-08 10:00:00+08' },
  { id: 'alice', group: 'A', at: '2024-01-09 10:00:00+08' },
  { id: 'erin', group: null, at: '2024-01-08 12:00:00+08' },
  { id: 'erin', group: 'B', at: '2024-01-11 10:00:00+08' },
];

/** A row in the column order of the tables below; this fixture has no orders, so no conversions. */
function r(start: string, end: string, total: number, added: number, active: number, rate: number | null, churned: number): MetricsRow {
  return {
    period_start: start,
    period_end: end,
    total_members: total,
    new_members: added,
    active_members: active,
    active_rate: rate,
    churned_members: churned,
    converted_members: 0,
    conversion_rate: total === 0 ? null : 0,
    gmv: 0,
    converted_wow: null,
    gmv_wow: null,
  };
}
const d = (day: string, total: number, added: number, active: number, rate: number | null, churned: number) =>
  r(day, day, total, added, active, rate, churned);

let t: TempProject;
const query = (q: Omit<MetricsQuery, 'timeZone'>) => t.project.db.use((sql) => queryMetrics(sql, { ...q, timeZone: 'Asia/Shanghai' }));

beforeAll(async () => {
  t = await tempProject();
  await insertSpells(t.project, spells);
  await insertMessages(t.project, messages);
});
afterAll(async () => t?.dispose());

describe('metrics over the hand-computed fixture', () => {
  it('counts each day in the project time zone, with an empty day and a memberless day', async () => {
    const rows = await query({ period: 'day', from: '2023-12-31', to: '2024-01-11' });
    expect(rows).toEqual([
      d('2023-12-31', 0, 0, 0, null, 0), // before anyone joined: rate empty, not 0
      d('2024-01-01', 4, 4, 0, 0, 0), // alice bob carol dave; bob's same-day re-join is no churn
      d('2024-01-02', 4, 2, 2, 50, 1), // carol out, dave(B) and erin new; alice 23:59:59 and bob 07:59:59/08:00 active
      d('2024-01-03', 5, 1, 1, 20, 0), // frank new; dave leaves A but stays in B; alice 00:00:00 active, carol not a member
      d('2024-01-04', 6, 1, 0, 0, 0), // carol re-joins
      d('2024-01-05', 6, 1, 0, 0, 0), // erin leaves and re-joins: new, not churned
      d('2024-01-06', 6, 0, 0, 0, 0),
      d('2024-01-07', 5, 0, 1, 20, 1), // frank churns; bob at 23:59:59 Sunday
      d('2024-01-08', 5, 0, 2, 40, 0), // dave at 00:00:00 Monday, alice; frank no longer a member; erin's private chat ignored
      d('2024-01-09', 5, 0, 1, 20, 0),
      d('2024-01-10', 5, 0, 0, 0, 0), // empty day, total carried
      d('2024-01-11', 5, 0, 1, 20, 0),
    ]);
  });

  it('defaults the range to the first and last local day with any event', async () => {
    const rows = await query({ period: 'day' });
    expect(rows.map((x) => x.period_start)).toEqual([
      '2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-06',
      '2024-01-07', '2024-01-08', '2024-01-09', '2024-01-10', '2024-01-11',
    ]);
  });

  it('counts people once per ISO week and splits Sunday 23:59:59 from Monday 00:00:00', async () => {
    const rows = await query({ period: 'week' });
    expect(rows).toEqual([
      // new: all six; active: alice and bob (dave's Monday 00:00 message belongs to week 2); churned: only frank
      // (carol re-joined by Sunday, dave stayed in B, bob and erin re-joined); total at Sunday's end: 5
      r('2024-01-01', '2024-01-07', 5, 6, 2, 40, 1),
      // active: dave, alice (two days, once), erin
      r('2024-01-08', '2024-01-14', 5, 0, 3, 60, 0),
    ]);
  });

  it('reports whole months even when the range covers part of them', async () => {
    const rows = await query({ period: 'month', from: '2024-01-15', to: '2024-02-02' });
    expect(rows).toEqual([
      // all of January: new six, active alice bob dave erin, churned frank
      r('2024-01-01', '2024-01-31', 5, 6, 4, 80, 1),
      r('2024-02-01', '2024-02-29', 5, 0, 0, 0, 0),
    ]);
  });

  it('reports whole weeks when the range starts mid-week', async () => {
    const rows = await query({ period: 'week', from: '2024-01-10', to: '2024-01-10' });
    expect(rows).toEqual([r('2024-01-08', '2024-01-14', 5, 0, 3, 60, 0)]);
  });

  it('limits everything to the selected groups: leaving one of them churns', async () => {
    const rows = await query({ period: 'week', groups: ['A'] });
    expect(rows).toEqual([
      // A at Sunday's end: alice bob carol; new alice bob carol dave; active alice bob; churned dave (left A)
      r('2024-01-01', '2024-01-07', 3, 4, 2, 200 / 3, 1),
      // active alice; dave's message was in B; the range ends with A's last event (01-09)
      r('2024-01-08', '2024-01-14', 3, 0, 1, 100 / 3, 0),
    ]);
    const days = await query({ period: 'day', groups: ['A'], from: '2024-01-03', to: '2024-01-03' });
    expect(days).toEqual([d('2024-01-03', 2, 0, 1, 50, 1)]);
  });

  it('gives an empty rate, not 0, once a group has no members left', async () => {
    const rows = await query({ period: 'day', groups: ['C'] });
    expect(rows).toEqual([
      d('2024-01-03', 1, 1, 0, 0, 0),
      d('2024-01-04', 1, 0, 0, 0, 0),
      d('2024-01-05', 1, 0, 0, 0, 0),
      d('2024-01-06', 1, 0, 0, 0, 0),
      d('2024-01-07', 0, 0, 0, null, 1),
      d('2024-01-08', 0, 0, 0, null, 0), // frank's message after leaving does not count
    ]);
  });

  it('treats a group selection of two groups as one scope', async () => {
    const rows = await query({ period: 'day', groups: ['A', 'B'], from: '2024-01-03', to: '2024-01-03' });
    // dave leaves A but is still in B: a member, not churned; frank (C) is outside the scope
    expect(rows).toEqual([d('2024-01-03', 4, 0, 1, 25, 0)]);
  });

  it('returns no rows for a scope without any event', async () => {
    expect(await query({ period: 'day', groups: ['nobody'] })).toEqual([]);
  });
});

describe('metrics at the exact instants of joins and leaves', () => {
  let u: TempProject;
  beforeAll(async () => {
    u = await tempProject();
    await insertSpells(u.project, [
      // gina writes at the instant she joins: a member then, so active
      { group: 'D', id: 'gina', join: '2024-01-02 10:00:00+08', leave: '2024-01-02 12:00:00+08' },
      // hank writes only at the instant he leaves: no longer a member, so not active
      { group: 'D', id: 'hank', join: '2024-01-02 09:00:00+08', leave: '2024-01-02 11:00:00+08' },
      // ivy joins and leaves at the same instant: never a member, counted new and churned
      { group: 'D', id: 'ivy', join: '2024-01-02 13:00:00+08', leave: '2024-01-02 13:00:00+08' },
      // jo's leave at 00:00:00 belongs to the next day: still a member at the end of 01-02
      { group: 'D', id: 'jo', join: '2024-01-02 08:00:00+08', leave: '2024-01-03 00:00:00+08' },
    ]);
    await insertMessages(u.project, [
      { id: 'gina', group: 'D', at: '2024-01-02 10:00:00+08' },
      { id: 'hank', group: 'D', at: '2024-01-02 11:00:00+08' },
      { id: 'ivy', group: 'D', at: '2024-01-02 13:00:00+08' },
    ]);
  });
  afterAll(async () => u?.dispose());

  it('counts a message at the join instant and not one at the leave instant', async () => {
    const rows = await u.project.db.use((sql) => queryMetrics(sql, { period: 'day', timeZone: 'Asia/Shanghai' }));
    expect(rows).toEqual([
      d('2024-01-02', 1, 4, 1, 100, 3), // jo remains; gina active; gina, hank and ivy churned
      d('2024-01-03', 0, 0, 0, null, 1), // jo leaves at 00:00:00
    ]);
  });
});

describe('metrics whose first event is a message', () => {
  let v: TempProject;
  beforeAll(async () => {
    v = await tempProject();
    // kim writes in E two days before anyone joins it (not a member then), then joins and writes again.
    await insertSpells(v.project, [{ group: 'E', id: 'kim', join: '2024-01-03 10:00:00+08' }]);
    await insertMessages(v.project, [
      { id: 'kim', group: 'E', at: '2024-01-01 09:00:00+08' },
      { id: 'kim', group: 'E', at: '2024-01-03 11:00:00+08' },
    ]);
  });
  afterAll(async () => v?.dispose());

  it('starts the default range on the day of that message, over every group and over its group alike', async () => {
    const expected = [
      d('2024-01-01', 0, 0, 0, null, 0), // kim's message before joining: a day of data, no member
      d('2024-01-02', 0, 0, 0, null, 0),
      d('2024-01-03', 1, 1, 1, 100, 0),
    ];
    for (const groups of [undefined, ['E']]) {
      const rows = await v.project.db.use((sql) => queryMetrics(sql, { period: 'day', groups, timeZone: 'Asia/Shanghai' }));
      expect(rows, String(groups)).toEqual(expected);
    }
  });
});
