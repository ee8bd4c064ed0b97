import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessClient } from '../../../src-main/api/dispatch';
import { insertSpells, tempProject, type TempProject } from '../../support/projectFixture';
import { projectClient } from '../../support/projectClient';

let t: TempProject;
let call: ReturnType<typeof inProcessClient>;

beforeAll(async () => {
  // Project in UTC: the handlers must count days in the project's zone, not Asia/Shanghai.
  // u1 joins Mon 2026-09-07 10:00 UTC and leaves Tue 09-08 23:30 UTC (Wednesday 07:30 in Shanghai).
  // u2 joins 09-07 12:00 UTC and stays.
  t = await tempProject('UTC');
  await insertSpells(t.project, [
    { group: '一群', id: 'u1', join: '2026-09-07 10:00:00+00', leave: '2026-09-08 23:30:00+00' },
    { group: '一群', id: 'u2', join: '2026-09-07 12:00:00+00' },
  ]);
  call = projectClient(t);
});
afterAll(async () => t?.dispose());

describe('churn handlers', () => {
  it('answer in the project time zone, by week unless asked otherwise', async () => {
    const r = await call('churn:query', { period: 'day' });
    if (!r.ok) throw new Error(r.error.message);
    // UTC days: 09-07 two join; 09-08 u1 leaves at 23:30 (churned over the 2 members at the end of 09-07).
    expect(r.value.series).toEqual([
      { period_start: '2026-09-07', period_end: '2026-09-07', churned: 0, members_before: 0, churn_rate: null },
      { period_start: '2026-09-08', period_end: '2026-09-08', churned: 1, members_before: 2, churn_rate: 50 },
    ]);
    // 1 day 13 h 30 min of membership → 1 whole day.
    expect(r.value.events).toEqual([
      { pid: 'u1', name: 'u1', left_at: '2026-09-08T23:30:00', how: 'left_group', group_name: '一群', stage: 'joined_not_bought', channel: null, tenure_days: 1 },
    ]);
    const weekly = await call('churn:query', {});
    expect(weekly.ok && weekly.value.series.map((s) => [s.period_start, s.churned])).toEqual([['2026-09-07', 1]]);
    const cohorts = await call('churn:retention', {});
    // Week of 09-07 is not over by the last data (09-08 23:30): its only offset is null.
    expect(cohorts.ok && cohorts.value).toEqual([{ cohort_week: '2026-09-07', size: 2, retained: [null], counts: [null] }]);
    const curves = await call('churn:survival', {});
    // u1: event at 1 day; u2: censored at 09-08 23:30, 1 d 11 h 30 min → 1. S(1) = 1 − 1/2.
    expect(curves.ok && curves.value.map((c) => [c.label, c.n, c.events, c.median_days, c.points])).toEqual([
      ['全部成员', 2, 1, 1, [{ day: 1, survival: 0.5, at_risk: 2, events: 1, censored: 1 }]],
    ]);
  });

  it('list no event with listLimit 0 (the view pages through churn:events), the figures unchanged', async () => {
    const r = await call('churn:query', { period: 'day', listLimit: 0 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.events).toEqual([]);
    // u1's one leave, as in the case above.
    expect([r.value.eventCount, r.value.churnedPeople, r.value.series.map((s) => s.churned)]).toEqual([1, 1, [0, 1]]);
  });

  it('refuse an impossible date, a reversed range and an unknown split', async () => {
    for (const [method, req] of [
      ['churn:query', { from: '2026-02-30' }],
      ['churn:retention', { from: '2026-09-08', to: '2026-09-07' }],
      ['churn:survival', { by: 'staff' }],
      ['churn:export', { to: '2026-13-01' }],
    ] as const) {
      const r = await call(method, req as never);
      expect(r.ok ? null : r.error.code).toBe('INVALID_REQUEST');
    }
  });

  it('export the listed events as an xlsx file named after the range', async () => {
    const r = await call('churn:export', { from: '2026-09-08', to: '2026-09-08' });
    expect(r.ok && r.value.fileName).toBe('流失记录_2026-09-08至2026-09-08.xlsx');
    // An xlsx file is a zip: it starts with "PK".
    expect(r.ok && Buffer.from(r.value.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });
});
