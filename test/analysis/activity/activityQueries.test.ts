import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityCell, AnalysisScope } from '../../../src-main/contract';
import { queryActivity } from '../../../src-main/analysis/activity/activityQueries';
import { insertMessages, insertSpells, tempProject, type TempProject } from '../../support/projectFixture';

/**
 * Hand-computed activity, Asia/Shanghai (UTC+8), all times local. 2024-01-07 is a Sunday.
 *   pia  G1 joins 01-01 00:00, stays
 *   quin G1 joins 01-01 00:00, leaves 01-08 12:00
 *   rex  G2 joins 01-01 00:00, stays
 *   sam  no group (never a member)
 * Messages:
 *   pia  G1 Sun 01-07 23:59:59 (UTC 15:59:59)        → Sunday 23 时
 *   pia  G1 Sun 01-07 23:59:59.999                   → Sunday 23 时 (a millisecond before midnight stays Sunday)
 *   pia  G1 Mon 01-08 00:00:00 (UTC Sunday 16:00:00) → Monday 0 时
 *   quin G1 Mon 01-08 00:30:00                       → Monday 0 时
 *   pia  G1 Mon 01-08 00:59:59                       → Monday 0 时 (pia again: 3 messages, 2 people)
 *   pia  one-to-one Mon 01-08 00:10                  left out (no group)
 *   sam  G1 Mon 01-08 00:20                          left out (not a member)
 *   quin G1 Mon 01-08 12:00:00                       left out (the leave instant: no longer a member)
 *   rex  G2 Tue 01-09 15:00                          → Tuesday 15 时
 *   rex  G2 Tue 01-16 15:45                          → Tuesday 15 时 (2 messages, 1 person)
 *   pia  G2 Wed 01-10 10:00                          → Wednesday 10 时 when G1 is in the scope (a member of
 *                                                      the scope, though not of G2); left out for G2 alone
 * The same data in a project of another zone count in that zone (the project's zone is the one analyses use).
 */
async function fill(p: TempProject): Promise<void> {
  await insertSpells(p.project, [
    { group: 'G1', id: 'pia', join: '2024-01-01 00:00:00+08' },
    { group: 'G1', id: 'quin', join: '2024-01-01 00:00:00+08', leave: '2024-01-08 12:00:00+08' },
    { group: 'G2', id: 'rex', join: '2024-01-01 00:00:00+08' },
  ]);
  await insertMessages(p.project, [
    { id: 'pia', group: 'G1', at: '2024-01-07 15:59:59+00' },
    { id: 'pia', group: 'G1', at: '2024-01-07 15:59:59.999+00' },
    { id: 'pia', group: 'G1', at: '2024-01-07 16:00:00+00' },
    { id: 'quin', group: 'G1', at: '2024-01-08 00:30:00+08' },
    { id: 'pia', group: 'G1', at: '2024-01-08 00:59:59+08' },
    { id: 'pia', group: null, at: '2024-01-08 00:10:00+08' },
    { id: 'sam', group: 'G1', at: '2024-01-08 00:20:00+08' },
    { id: 'quin', group: 'G1', at: '2024-01-08 12:00:00+08' },
    { id: 'rex', group: 'G2', at: '2024-01-09 15:00:00+08' },
    { id: 'rex', group: 'G2', at: '2024-01-16 15:45:00+08' },
    { id: 'pia', group: 'G2', at: '2024-01-10 10:00:00+08' },
  ]);
}

const projects = new Map<string, TempProject>();
beforeAll(async () => {
  for (const zone of ['Asia/Shanghai', 'UTC', 'Asia/Kathmandu']) {
    const p = await tempProject(zone);
    projects.set(zone, p);
    await fill(p);
  }
});
afterAll(async () => Promise.all([...projects.values()].map((p) => p.dispose())));

const query = (scope: AnalysisScope, timeZone = 'Asia/Shanghai') =>
  projects.get(timeZone)!.project.db.use((sql) => queryActivity(sql, scope, timeZone));

/** The non-empty cells as `weekday-hour: messages/people`. */
const busy = (cells: ActivityCell[]) => cells.filter((c) => c.messages > 0).map((c) => `${c.weekday}-${c.hour}: ${c.messages}/${c.people}`);

describe('activity by weekday × hour', () => {
  it('gives all 168 cells in weekday, hour order, zeros included', async () => {
    const cells = await query({});
    expect(cells).toHaveLength(168);
    expect(cells.map((c) => [c.weekday, c.hour])).toEqual(Array.from({ length: 168 }, (_, i) => [Math.floor(i / 24) + 1, i % 24]));
    expect(cells[0]).toEqual({ weekday: 1, hour: 0, messages: 3, people: 2 });
    expect(cells[1]).toEqual({ weekday: 1, hour: 1, messages: 0, people: 0 });
  });

  it('puts Sunday 23:59:59 and Monday 00:00:00 local in their own cells, counting members only', async () => {
    expect(busy(await query({}))).toEqual(['1-0: 3/2', '2-15: 2/1', '3-10: 1/1', '7-23: 2/1']);
  });

  it('limits to the local days of the range and to the groups of the scope', async () => {
    expect(busy(await query({ from: '2024-01-08', to: '2024-01-09' }))).toEqual(['1-0: 3/2', '2-15: 1/1']);
    expect(busy(await query({ to: '2024-01-07' }))).toEqual(['7-23: 2/1']);
    expect(busy(await query({ groups: ['G2'] }))).toEqual(['2-15: 2/1']);
    expect(busy(await query({ groups: ['G1', 'G2'], from: '2024-01-10' }))).toEqual(['2-15: 1/1', '3-10: 1/1']);
  });

  it('counts hours and weekdays in the project\'s zone', async () => {
    // In UTC the two boundary messages are Sunday 15 时 and Sunday 16 时; the Monday 00:30 / 00:59:59 local ones Sunday 16 时; rex's 15 时 Tuesdays are 7 时 UTC.
    expect(busy(await query({}, 'UTC'))).toEqual(['2-7: 2/1', '3-2: 1/1', '7-15: 2/1', '7-16: 3/2']);
  });

  it('follows a zone whose offset is not whole hours', async () => {
    // Asia/Kathmandu is UTC+05:45: UTC 15:59:59 / 16:00:00 → Sunday 21:44:59 / 21:45; UTC 16:30 and 16:59:59
    // → Sunday 22:15 and 22:44:59; rex's UTC 07:00 and 07:45 Tuesdays → 12:45 and 13:30.
    expect(busy(await query({}, 'Asia/Kathmandu'))).toEqual(['2-12: 1/1', '2-13: 1/1', '3-7: 1/1', '7-21: 3/1', '7-22: 2/2']);
  });

  it('refuses a zone other than the project\'s rather than count the wrong days', async () => {
    await expect(projects.get('UTC')!.project.db.use((sql) => queryActivity(sql, {}, 'Asia/Shanghai'))).rejects.toThrow(/derived local days are in UTC/);
  });

  it('gives zeros everywhere for a scope without messages', async () => {
    const cells = await query({ groups: ['nobody'] });
    expect(cells).toHaveLength(168);
    expect(cells.every((c) => c.messages === 0 && c.people === 0)).toBe(true);
  });
});
