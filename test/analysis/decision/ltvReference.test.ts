/**
 * LTV curves against a brute-force reference in plain TypeScript over random data: random customers
 * (three channels and a blank one, add times across half a year, some on the stroke of a local month),
 * random orders before and after the add, with partial and full refunds. The reference walks every
 * person and order with UTC+8 arithmetic (Asia/Shanghai has had no daylight saving since 1991).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LTV_MONTHS, ltv } from '../../../src-main/analysis/decision/ltv';
import type { LtvResult } from '../../../src-main/contract';
import { insertOrders, tempProject, type TempProject } from '../../support/projectFixture';

const TZ = 'Asia/Shanghai';
const H8 = 8 * 3600_000;
let t: TempProject;

/** mulberry32: a seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

interface Person {
  eu: string;
  phone: string;
  channel: string | null;
  added: number;
}
interface Order {
  phone: string;
  paidAt: number;
  paid: number;
  refunded: number;
}
const people: Person[] = [];
const orders: Order[] = [];
const iso = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '+00');

beforeAll(async () => {
  const rnd = random(20241203);
  const start = Date.UTC(2023, 9, 1) - H8; // 2023-10-01 00:00 local
  const span = 200 * 86_400_000;
  const channels = ['直播间', '海报', '社群裂变', null];
  for (let i = 0; i < 240; i++) {
    let added = start + Math.floor(rnd() * span / 1000) * 1000;
    // Every tenth person on the stroke of a local month, or one second before it.
    if (i % 10 === 0) {
      const local = new Date(added + H8);
      added = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1) - H8 - (i % 20 === 0 ? 1000 : 0);
    }
    people.push({ eu: `u${i}`, phone: `1${String(3500000000 + i)}`, channel: channels[Math.floor(rnd() * 4)]!, added });
  }
  for (let i = 0; i < 700; i++) {
    const p = people[Math.floor(rnd() * people.length)]!;
    const paidAt = p.added + Math.floor((rnd() * 300 - 30) * 86_400) * 1000;
    const paid = Math.round(rnd() * 50000) / 100;
    const r = rnd();
    const refunded = r < 0.1 ? paid : r < 0.25 ? Math.round(rnd() * paid * 100) / 100 : 0;
    orders.push({ phone: p.phone, paidAt, paid, refunded });
  }
  t = await tempProject(TZ);
  await t.project.db.transaction(async (sql) => {
    for (const [i, p] of people.entries()) {
      await sql.run(
        `INSERT INTO customers (row_key, external_userid, added_at, channel, phone, is_phone_masked, import_id, source_row)
         VALUES (?, ?, CAST(? AS TIMESTAMPTZ), ?, ?, false, 1, ?)`,
        [`c${i}`, p.eu, iso(p.added), p.channel, p.phone, i + 2],
      );
    }
  });
  await insertOrders(
    t.project,
    orders.map((o, i) => ({ orderNo: `o${i}`, buyerPhone: o.phone, paidAt: iso(o.paidAt), paid: o.paid.toFixed(2), refunded: o.refunded.toFixed(2) })),
  );
});
afterAll(async () => t?.dispose());

/** The reference: cohorts and channel curves by walking people and orders. */
function reference(unknown: string) {
  const monthOf = (ms: number) => {
    const d = new Date(ms + H8);
    return d.getUTCFullYear() * 12 + d.getUTCMonth();
  };
  const lastPaid = Math.max(...orders.map((o) => o.paidAt));
  const asOfDay = new Date(lastPaid + H8);
  const isLastDay = new Date(Date.UTC(asOfDay.getUTCFullYear(), asOfDay.getUTCMonth(), asOfDay.getUTCDate() + 1)).getUTCDate() === 1;
  const asOfMonth = asOfDay.getUTCFullYear() * 12 + asOfDay.getUTCMonth();
  const cohorts = new Map<string, { channel: string; month: number; people: Person[] }>();
  for (const p of people) {
    const channel = p.channel ?? unknown;
    const key = `${channel}|${monthOf(p.added)}`;
    const c = cohorts.get(key) ?? { channel, month: monthOf(p.added), people: [] };
    c.people.push(p);
    cohorts.set(key, c);
  }
  const curves = [...cohorts.values()].map((c) => {
    const done = Math.min(LTV_MONTHS, asOfMonth - c.month + (isLastDay ? 1 : 0));
    const curve: number[] = [];
    for (let m = 1; m <= done; m++) {
      let sum = 0;
      for (const p of c.people) {
        for (const o of orders) {
          if (o.phone === p.phone && o.paidAt >= p.added && o.refunded < o.paid && monthOf(o.paidAt) - c.month + 1 <= m) sum += o.paid - o.refunded;
        }
      }
      curve.push(sum / c.people.length);
    }
    return { ...c, curve };
  });
  return curves;
}

describe('LTV curves against a brute-force reference', () => {
  it('gives every cohort and every channel the reference curve', async () => {
    const r: LtvResult = await t.project.db.use((sql) => ltv(sql, { dimension: 'source' }, [], TZ));
    const unknown = r.channels.find((c) => !['直播间', '海报', '社群裂变'].includes(c.channel))!.channel;
    const ref = reference(unknown);
    expect(r.cohorts).toHaveLength(ref.length);
    for (const c of ref) {
      const label = `${Math.floor(c.month / 12)}-${String((c.month % 12) + 1).padStart(2, '0')}`;
      const got = r.cohorts.find((x) => x.channel === c.channel && x.month === label);
      expect(got, `${c.channel} ${label}`).toBeDefined();
      expect(got!.acquired).toBe(c.people.length);
      expect(got!.curve).toHaveLength(c.curve.length);
      got!.curve.forEach((v, i) => expect(v).toBeCloseTo(c.curve[i]!, 6));
    }
    for (const ch of r.channels) {
      const own = ref.filter((c) => c.channel === ch.channel);
      expect(ch.acquired).toBe(own.reduce((s, c) => s + c.people.length, 0));
      // Chained: month m adds the GMV of month m per person over the cohorts that completed m.
      let expected: number | null = 0;
      for (let m = 1; m <= LTV_MONTHS; m++) {
        const done = own.filter((c) => c.curve.length >= m);
        const n = done.reduce((s, c) => s + c.people.length, 0);
        const gmvOfMonth = done.reduce((s, c) => s + (c.curve[m - 1]! - (m > 1 ? c.curve[m - 2]! : 0)) * c.people.length, 0);
        expected = expected === null || n === 0 ? null : expected + gmvOfMonth / n;
        if (expected === null) expect(ch.curve[m - 1]).toBeNull();
        else expect(ch.curve[m - 1]).toBeCloseTo(expected, 6);
      }
    }
  });
});
