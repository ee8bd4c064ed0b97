import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricsRow } from '../../../src-main/contract';
import { queryMetrics, type MetricsQuery } from '../../../src-main/analysis/metrics/metricsQueries';
import { insertCustomers, insertMessages, insertOrders, insertSpells, tempProject, type TempProject } from '../../support/projectFixture';

/**
 * Hand-computed conversions, Asia/Shanghai (UTC+8), all times local.
 * Weeks: W1 Mon 01-01 … Sun 01-07, W2 01-08 … 01-14, W3 01-15 … 01-21, W4 01-22 … 01-28 (2024).
 *
 *   ann  A joins 01-01 09:00, stays
 *   ben  A joins 01-01 09:00, leaves 01-03 12:00, re-joins 01-10 10:00      (the re-joiner)
 *   cat  A joins 01-01 09:00, stays
 *   dan  A joins 01-01 09:00, stays
 *   eve  A and B join 01-02 09:00, stay                                     (two groups, counted once)
 *   zed  no group; only a one-to-one message, so a known person who is never a member
 * Customer list: each of them with external_userid = their id and phone 1380000000n.
 *
 * Orders (buyer phone → customer → person):
 *   o1 ben 01-05 10:00  100.00            out of the group when paying: not counted
 *   o2 ben 01-11 10:00   50.00            after re-joining: counted in W2
 *   o3 ann 01-02 10:00  200.00 − 200.00   full refund: not converted, GMV 0
 *   o4 cat 01-03 10:00  300.00 − 100.00   partial refund: converted, GMV 200
 *   o5 dan 01-04 10:00   10.00            two orders in one week: converted once,
 *   o6 dan 01-06 10:00   20.00              GMV 30
 *   o7 eve Sun 01-07 23:59:59  40.00      W1
 *   o8 eve Mon 01-08 00:00:00  60.00      W2 (UTC still Sunday 16:00)
 *   o9 zed 01-09 10:00  999.00            not a member: not counted
 *   o10 ann unpaid (no payment time) 500  not counted
 *   o11 cat 01-23 15:50   15.50           W4, after an empty W3
 * ann writes in A on 01-16 so W3 has an event.
 */
const spells = [
  { group: 'A', id: 'ann', join: '2024-01-01 09:00:00+08' },
  { group: 'A', id: 'ben', join: '2024-01-01 09:00:00+08', leave: '2024-01-03 12:00:00+08' },
  { group: 'A', id: 'ben', join: '2024-01-10 10:00:00+08' },
  { group: 'A', id: 'cat', join: '2024-01-01 09:00:00+08' },
  { group: 'A', id: 'dan', join: '2024-01-01 09:00:00+08' },
  { group: 'A', id: 'eve', join: '2024-01-02 09:00:00+08' },
  { group: 'B', id: 'eve', join: '2024-01-02 09:00:00+08' },
];
const people = ['ann', 'ben', 'cat', 'dan', 'eve', 'zed'];
const phone = (id: string) => `1380000000${people.indexOf(id) + 1}`;
const order = (orderNo: string, id: string, paidAt: string | null, paid: string, refunded = '0') => ({
  orderNo,
  paidAt,
  paid,
  refunded,
  buyerPhone: phone(id),
});
const orders = [
  order('o1', 'ben', '2024-01-05 10:00:00+08', '100.00'),
  order('o2', 'ben', '2024-01-11 10:00:00+08', '50.00'),
  order('o3', 'ann', '2024-01-02 10:00:00+08', '200.00', '200.00'),
  order('o4', 'cat', '2024-01-03 10:00:00+08', '300.00', '100.00'),
  order('o5', 'dan', '2024-01-04 10:00:00+08', '10.00'),
  order('o6', 'dan', '2024-01-06 10:00:00+08', '20.00'),
  order('o7', 'eve', '2024-01-07 23:59:59+08', '40.00'),
  order('o8', 'eve', '2024-01-08 00:00:00+08', '60.00'),
  order('o9', 'zed', '2024-01-09 10:00:00+08', '999.00'),
  order('o10', 'ann', null, '500.00'),
  order('o11', 'cat', '2024-01-23 15:50:00+08', '15.50'),
];

type Conv = Pick<MetricsRow, 'period_start' | 'total_members' | 'converted_members' | 'conversion_rate' | 'gmv' | 'converted_wow' | 'gmv_wow'>;
const conv = (rows: MetricsRow[]): Conv[] =>
  rows.map((r) => ({
    period_start: r.period_start,
    total_members: r.total_members,
    converted_members: r.converted_members,
    conversion_rate: r.conversion_rate,
    gmv: r.gmv,
    converted_wow: r.converted_wow,
    gmv_wow: r.gmv_wow,
  }));
/** A row in the order of the tables below. */
const c = (start: string, total: number, converted: number, rate: number | null, gmv: number, convWow: number | null, gmvWow: number | null): Conv => ({
  period_start: start,
  total_members: total,
  converted_members: converted,
  conversion_rate: rate,
  gmv,
  converted_wow: convWow,
  gmv_wow: gmvWow,
});

let t: TempProject;
const query = async (q: Omit<MetricsQuery, 'timeZone'>) => conv(await t.project.db.use((sql) => queryMetrics(sql, { ...q, timeZone: 'Asia/Shanghai' })));

beforeAll(async () => {
  t = await tempProject();
  await insertSpells(t.project, spells);
  await insertMessages(t.project, [
    { id: 'zed', group: null, at: '2024-01-09 09:00:00+08' },
    { id: 'ann', group: 'A', at: '2024-01-16 09:00:00+08' },
  ]);
  await insertCustomers(t.project, people.map((id) => ({ name: id, externalUserid: id, phone: phone(id) })));
  await insertOrders(t.project, orders);
});
afterAll(async () => t?.dispose());

describe('conversions over the hand-computed fixture', () => {
  it('counts converted members and GMV per week, with 环比 against the week before', async () => {
    expect(await query({ period: 'week' })).toEqual([
      // cat, dan, eve converted (ann fully refunded, ben out of the group); 0 + 200 + 30 + 40; ben left: 4 members.
      // The week before has no orders: 环比 empty.
      c('2024-01-01', 4, 3, 75, 270, null, null),
      // ben (re-joined) and eve (Monday 00:00:00); 50 + 60; zed is no member. (2 − 3)/3, (110 − 270)/270
      c('2024-01-08', 5, 2, 40, 110, -100 / 3, (-160 * 100) / 270),
      // nothing: −100 % on both
      c('2024-01-15', 5, 0, 0, 0, -100, -100),
      // cat 15.50; last week was 0: 环比 empty, not infinite
      c('2024-01-22', 5, 1, 20, 15.5, null, null),
    ]);
  });

  it('splits Sunday 23:59:59 from Monday 00:00:00 by day', async () => {
    expect(await query({ period: 'day', from: '2024-01-07', to: '2024-01-08' })).toEqual([
      // eve's 40.00; the day before (01-06) has dan's 20.00: (40 − 20)/20; converted 1 vs 1: 0 %
      c('2024-01-07', 4, 1, 25, 40, 0, 100),
      // eve's 60.00: (60 − 40)/40
      c('2024-01-08', 4, 1, 25, 60, 0, 50),
    ]);
  });

  it('computes the 环比 of the first period from the period before `from`', async () => {
    expect(await query({ period: 'week', from: '2024-01-08', to: '2024-01-14' })).toEqual([c('2024-01-08', 5, 2, 40, 110, -100 / 3, (-160 * 100) / 270)]);
  });

  it('counts a person once per month and sums every counted order', async () => {
    // ben, cat, dan, eve; 270 + 110 + 15.50; December had nothing
    expect(await query({ period: 'month' })).toEqual([c('2024-01-01', 5, 4, 80, 395.5, null, null)]);
  });

  it('counts only orders paid while a member of the selected group, and leaves the rate empty without members', async () => {
    expect(await query({ period: 'day', groups: ['B'], from: '2024-01-01', to: '2024-01-02' })).toEqual([
      c('2024-01-01', 0, 0, null, 0, null, null), // nobody in B yet
      c('2024-01-02', 1, 0, 0, 0, null, null),
    ]);
    expect(await query({ period: 'week', groups: ['B'], from: '2024-01-01', to: '2024-01-14' })).toEqual([
      c('2024-01-01', 1, 1, 100, 40, null, null), // only eve is in B
      c('2024-01-08', 1, 1, 100, 60, 0, 50),
    ]);
  });
});
