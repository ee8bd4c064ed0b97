import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricsRow, Period } from '../../../src-main/contract';
import { queryMetrics } from '../../../src-main/analysis/metrics/metricsQueries';
import {
  insertCustomers,
  insertMessages,
  insertOrders,
  insertSpells,
  tempProject,
  type CustomerRowIn,
  type MessageRowIn,
  type OrderRowIn,
  type SpellRow,
  type TempProject,
} from '../../support/projectFixture';
import { referenceMetrics, type RefMembership, type RefMessage, type RefOrder } from './metricsReference';

/** mulberry32: a tiny seeded generator, so a failure reproduces. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GROUPS = ['G1', 'G2', 'G3'];
const START = Date.UTC(2024, 0, 25); // spans month ends, and the US daylight-saving change of 2024-03-10
const DAY = 86_400_000;

/**
 * A few hundred spells and messages over ~60 days: re-joins, people in several groups, leaves
 * at the join instant, leaves without a join, duplicate joins, times near local midnight,
 * messages at exact join and leave instants and from people who never joined.
 */
interface Generated {
  spells: RefMembership[];
  messages: RefMessage[];
  customers: CustomerRowIn[];
  /** Orders as inserted, each with the person the reference ties it to. */
  orders: { row: OrderRowIn; ref: RefOrder }[];
}

function generate(seed: number): Generated {
  const rand = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const instant = () => {
    const day = START + Math.floor(rand() * 60) * DAY;
    // bias towards the hours around UTC 16:00 (Shanghai midnight) and 04:00/05:00 (New York midnight)
    const hour = rand() < 0.4 ? pick([15, 16, 4, 5]) : Math.floor(rand() * 24);
    const second = rand() < 0.3 ? pick([0, 3599]) : Math.floor(rand() * 3600);
    return new Date(day + hour * 3_600_000 + second * 1000);
  };
  const spells: RefMembership[] = [];
  const messages: RefMessage[] = [];
  for (let p = 0; p < 80; p++) {
    const id = `p${p}`;
    const n = 1 + Math.floor(rand() * 5);
    for (let k = 0; k < n; k++) {
      const group = pick(GROUPS);
      const join = instant();
      const roll = rand();
      let leave: Date | null = null;
      if (roll < 0.1) leave = join; // leave at the join instant
      else if (roll < 0.3) leave = new Date(join.getTime() + Math.floor(rand() * 12) * 3_600_000); // within hours
      else if (roll < 0.6) leave = new Date(join.getTime() + Math.floor(rand() * 20 * DAY));
      const noJoin = rand() < 0.05;
      spells.push({ group_name: group, member_id: id, join_time: noJoin ? null : join, leave_time: leave ?? (noJoin ? join : null) });
      if (rand() < 0.05) spells.push({ group_name: group, member_id: id, join_time: join, leave_time: null }); // duplicate join
      if (rand() < 0.3) messages.push({ sender_id: id, group_name: group, sent_at: join });
      if (leave && rand() < 0.3) messages.push({ sender_id: id, group_name: group, sent_at: leave });
    }
  }
  for (let i = 0; i < 400; i++) {
    const sender = rand() < 0.95 ? `p${Math.floor(rand() * 80)}` : `stranger${i}`;
    messages.push({ sender_id: sender, group_name: rand() < 0.05 ? null : pick(GROUPS), sent_at: instant() });
  }

  // Customer list: most people with their full phone, some masked (never matches), some absent.
  const phoneOf = (p: number) => `138${String(p).padStart(8, '0')}`;
  const customers: CustomerRowIn[] = [];
  const tiedPhones = new Map<string, string>();
  for (let p = 0; p < 80; p++) {
    const roll = rand();
    if (roll < 0.1) continue;
    const isMasked = roll < 0.2;
    customers.push({ externalUserid: `p${p}`, phone: isMasked ? `138****${String(p).padStart(4, '0')}` : phoneOf(p), isPhoneMasked: isMasked });
    if (!isMasked) tiedPhones.set(phoneOf(p), `p${p}`);
  }
  // Orders: refunds none / partial / full, unpaid ones, buyers outside the customer list, and
  // payments one second before a join, at a join, at a leave and one second after a leave.
  const orders: Generated['orders'] = [];
  for (let i = 0; i < 400; i++) {
    const buyer = Math.floor(rand() * 90); // p80…p89 are in no group and no customer list
    const own = spells.filter((s) => s.member_id === `p${buyer}`);
    let paidAt: Date | null = instant();
    const edge = rand();
    if (own.length && edge < 0.4) {
      const s = pick(own);
      const base = edge < 0.2 ? s.join_time : s.leave_time;
      if (base) paidAt = new Date(base.getTime() + pick([-1000, 0, 1000]));
    }
    if (rand() < 0.05) paidAt = null;
    const paidCents = 100 + Math.floor(rand() * 100_000);
    const refundRoll = rand();
    const refundedCents = refundRoll < 0.15 ? paidCents : refundRoll < 0.3 ? Math.floor(rand() * paidCents) : 0;
    const phone = phoneOf(buyer);
    orders.push({
      row: { orderNo: `E${i}`, paidAt: paidAt?.toISOString() ?? null, paid: (paidCents / 100).toFixed(2), refunded: (refundedCents / 100).toFixed(2), buyerPhone: phone },
      ref: { pid: tiedPhones.get(phone) ?? null, paid_at: paidAt, paid_cents: paidCents, refunded_cents: refundedCents },
    });
  }
  return { spells, messages, customers, orders };
}

const toSpellRows = (xs: RefMembership[]): SpellRow[] =>
  xs.map((s) => ({ group: s.group_name, id: s.member_id, join: s.join_time?.toISOString() ?? null, leave: s.leave_time?.toISOString() ?? null }));
const toMessageRows = (xs: RefMessage[]): MessageRowIn[] => xs.map((m) => ({ id: m.sender_id, group: m.group_name, at: m.sent_at.toISOString() }));

/** Rates compared to 9 decimals: both sides compute them the same way, but float noise must not decide a test. */
const round9 = (x: number | null) => (x === null ? null : Number(x.toFixed(9)));
const rounded = (rows: MetricsRow[]) =>
  rows.map((r) => ({
    ...r,
    active_rate: round9(r.active_rate),
    conversion_rate: round9(r.conversion_rate),
    converted_wow: round9(r.converted_wow),
    gmv_wow: round9(r.gmv_wow),
  }));

describe.each(['Asia/Shanghai', 'America/New_York'])('SQL metrics agree with the brute-force reference (%s)', (timeZone) => {
  const data = generate(timeZone.length * 7919);
  let t: TempProject;
  beforeAll(async () => {
    t = await tempProject(timeZone);
    await insertSpells(t.project, toSpellRows(data.spells));
    await insertMessages(t.project, toMessageRows(data.messages));
    await insertCustomers(t.project, data.customers);
    await insertOrders(t.project, data.orders.map((o) => o.row));
  });
  afterAll(async () => t?.dispose());

  const cases: { period: Period; groups?: string[]; from?: string; to?: string }[] = [
    { period: 'day' },
    { period: 'week' },
    { period: 'month' },
    { period: 'day', groups: ['G1', 'G3'] },
    { period: 'week', groups: ['G1', 'G3'] },
    { period: 'month', groups: ['G2'] },
    { period: 'week', from: '2024-02-07', to: '2024-03-13' },
    { period: 'day', from: '2024-01-01', to: '2024-04-30', groups: ['G2', 'G3'] },
  ];
  it.each(cases)('$period over $groups from $from to $to', async (c) => {
    const sqlRows = await t.project.db.use((sql) => queryMetrics(sql, { ...c, timeZone }));
    const refRows = referenceMetrics(data.spells, data.messages, { ...c, timeZone }, data.orders.map((o) => o.ref));
    expect(sqlRows.length).toBeGreaterThan(0);
    expect(rounded(sqlRows)).toEqual(rounded(refRows));
    // The dataset must exercise the definitions, or agreement proves nothing.
    expect(refRows.some((r) => r.churned_members > 0 && r.active_members > 0)).toBe(true);
    expect(refRows.some((r) => r.converted_members > 0 && r.converted_wow !== null && r.gmv_wow !== null)).toBe(true);
  });
});
