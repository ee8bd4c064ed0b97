/**
 * A brute-force reference of the community metrics, written straight from DESIGN §4:
 * for every period it walks every person and checks the member-state rule literally
 * ("their latest join into a group of the scope at or before that instant has no leave
 * from that group after it"). Slow and obvious on purpose; the SQL must agree with it.
 */
import type { MetricsRow, Period } from '../../../src-main/contract';

/** One membership spell as stored (instants as Date). */
export interface RefMembership {
  group_name: string;
  member_id: string;
  join_time: Date | null;
  leave_time: Date | null;
}

/** One message as stored. */
export interface RefMessage {
  sender_id: string;
  group_name: string | null;
  sent_at: Date;
}

/** An order already tied to its buyer (identity is tested on its own); amounts in cents, exact. */
export interface RefOrder {
  /** The buyer's person id, or null when the order matched nobody. */
  pid: string | null;
  /** Payment instant; null for an unpaid or cancelled order. */
  paid_at: Date | null;
  paid_cents: number;
  refunded_cents: number;
}

/** The question, as the metrics:query handler gets it. */
export interface RefQuery {
  period: Period;
  from?: string;
  to?: string;
  groups?: string[];
  timeZone: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The local calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function localDay(instant: Date, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f.format(instant);
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function periodStart(day: string, period: Period): string {
  if (period === 'day') return day;
  if (period === 'month') return `${day.slice(0, 7)}-01`;
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(day, -weekday);
}

function periodEnd(start: string, period: Period): string {
  if (period === 'day') return start;
  if (period === 'week') return addDays(start, 6);
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}

/** Computes the metrics rows the slow way. */
export function referenceMetrics(memberships: RefMembership[], messages: RefMessage[], q: RefQuery, orders: RefOrder[] = []): MetricsRow[] {
  const tz = q.timeZone;
  const scope = q.groups && q.groups.length > 0 ? new Set(q.groups) : null;
  const inScope = (g: string | null) => g !== null && (scope === null || scope.has(g));
  const spells = memberships.filter((m) => inScope(m.group_name));
  const msgs = messages.filter((m) => inScope(m.group_name));
  const joins = spells.filter((m) => m.join_time).map((m) => ({ pid: m.member_id, g: m.group_name, t: m.join_time! }));
  const leaves = spells.filter((m) => m.leave_time).map((m) => ({ pid: m.member_id, g: m.group_name, t: m.leave_time! }));
  const people = [...new Set(spells.map((m) => m.member_id))];
  const groups = [...new Set(spells.map((m) => m.group_name))];

  // Indexed by person only to keep the walk fast enough; the rule below is still the literal one.
  const byPerson = <E extends { pid: string }>(es: E[]): Map<string, E[]> => {
    const m = new Map<string, E[]>();
    for (const e of es) m.set(e.pid, [...(m.get(e.pid) ?? []), e]);
    return m;
  };
  const joinsOf = byPerson(joins);
  const leavesOf = byPerson(leaves);

  /** Member-state rule of DESIGN §4, for the instant t described by "x is at or before t". */
  const isMember = (pid: string, atOrBefore: (x: Date) => boolean): boolean =>
    groups.some((g) => {
      const js = (joinsOf.get(pid) ?? []).filter((j) => j.g === g && atOrBefore(j.t));
      if (js.length === 0) return false;
      const latest = Math.max(...js.map((j) => j.t.getTime()));
      return !(leavesOf.get(pid) ?? []).some((l) => l.g === g && l.t.getTime() >= latest && atOrBefore(l.t));
    });
  const memberAtEndOf = (pid: string, day: string) => isMember(pid, (x) => localDay(x, tz) <= day);
  const memberAt = (pid: string, t: Date) => isMember(pid, (x) => x.getTime() <= t.getTime());

  // DESIGN §4: an order counts when its buyer was a member of the scope at the instant of payment.
  const memberOrders = orders.filter((o) => o.pid !== null && o.paid_at !== null && memberAt(o.pid, o.paid_at));
  /** Converted people and GMV (cents) of the period [ps, pe], over all the data. */
  const conversions = (ps: string, pe: string) => {
    const inPeriod = memberOrders.filter((o) => {
      const d = localDay(o.paid_at!, tz);
      return d >= ps && d <= pe;
    });
    const converted = new Set(inPeriod.filter((o) => o.refunded_cents < o.paid_cents).map((o) => o.pid)).size;
    const gmvCents = inPeriod.reduce((sum, o) => sum + Math.max(o.paid_cents - o.refunded_cents, 0), 0);
    return { converted, gmvCents };
  };
  /** 环比: empty when the previous figure is 0. */
  const wow = (cur: number, prev: number) => (prev === 0 ? null : ((cur - prev) * 100) / prev);

  const eventDays = [...joins, ...leaves]
    .map((e) => localDay(e.t, tz))
    .concat(msgs.map((m) => localDay(m.sent_at, tz)))
    .concat(memberOrders.map((o) => localDay(o.paid_at!, tz)));
  eventDays.sort();
  const lo = q.from ?? eventDays[0] ?? q.to;
  const hi = q.to ?? eventDays[eventDays.length - 1] ?? q.from;
  if (!lo || !hi || lo > hi) return [];

  const rows: MetricsRow[] = [];
  for (let ps = periodStart(lo, q.period); ps <= hi; ps = addDays(periodEnd(ps, q.period), 1)) {
    const pe = periodEnd(ps, q.period);
    const within = (t: Date) => {
      const d = localDay(t, tz);
      return d >= ps && d <= pe;
    };
    const total = people.filter((p) => memberAtEndOf(p, pe)).length;
    const newPeople = new Set(joins.filter((j) => within(j.t)).map((j) => j.pid));
    const active = new Set(msgs.filter((m) => within(m.sent_at) && memberAt(m.sender_id, m.sent_at)).map((m) => m.sender_id));
    const churned = new Set(leaves.filter((l) => within(l.t) && !memberAtEndOf(l.pid, pe)).map((l) => l.pid));
    const conv = conversions(ps, pe);
    // The previous period is computed from the data even when it lies before `from`.
    const prevStart = periodStart(addDays(ps, -1), q.period);
    const prev = conversions(prevStart, periodEnd(prevStart, q.period));
    rows.push({
      period_start: ps,
      period_end: pe,
      total_members: total,
      new_members: newPeople.size,
      active_members: active.size,
      active_rate: total === 0 ? null : (active.size * 100) / total,
      churned_members: churned.size,
      converted_members: conv.converted,
      conversion_rate: total === 0 ? null : (conv.converted * 100) / total,
      gmv: conv.gmvCents / 100,
      converted_wow: wow(conv.converted, prev.converted),
      // In yuan like the SQL: (cur − prev) × 100 is exact, then one division.
      gmv_wow: prev.gmvCents === 0 ? null : (conv.gmvCents - prev.gmvCents) / (prev.gmvCents / 100),
    });
  }
  return rows;
}
