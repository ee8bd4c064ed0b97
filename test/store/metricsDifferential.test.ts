import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricsRow, Period } from '../../src-main/api/contract';
import { queryMetrics } from '../../src-main/store/metricsQueries';
import { insertMessages, insertSpells, tempProject, type MessageRowIn, type SpellRow, type TempProject } from './projectFixture';
import { referenceMetrics, type RefMembership, type RefMessage } from './metricsReference';

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
function generate(seed: number): { spells: RefMembership[]; messages: RefMessage[] } {
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
  return { spells, messages };
}

const toSpellRows = (xs: RefMembership[]): SpellRow[] =>
  xs.map((s) => ({ group: s.group_name, id: s.member_id, join: s.join_time?.toISOString() ?? null, leave: s.leave_time?.toISOString() ?? null }));
const toMessageRows = (xs: RefMessage[]): MessageRowIn[] => xs.map((m) => ({ id: m.sender_id, group: m.group_name, at: m.sent_at.toISOString() }));

/** Rates compared to 9 decimals: both sides compute active × 100 / total, but float noise must not decide a test. */
const rounded = (rows: MetricsRow[]) => rows.map((r) => ({ ...r, active_rate: r.active_rate === null ? null : Number(r.active_rate.toFixed(9)) }));

describe.each(['Asia/Shanghai', 'America/New_York'])('SQL metrics agree with the brute-force reference (%s)', (timeZone) => {
  const data = generate(timeZone.length * 7919);
  let t: TempProject;
  beforeAll(async () => {
    t = await tempProject(timeZone);
    await insertSpells(t.project, toSpellRows(data.spells));
    await insertMessages(t.project, toMessageRows(data.messages));
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
    const refRows = referenceMetrics(data.spells, data.messages, { ...c, timeZone });
    expect(sqlRows.length).toBeGreaterThan(0);
    expect(rounded(sqlRows)).toEqual(rounded(refRows));
    // The dataset must exercise the definitions, or agreement proves nothing.
    expect(refRows.some((r) => r.churned_members > 0 && r.active_members > 0)).toBe(true);
  });
});
