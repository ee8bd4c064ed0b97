import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyBehaviour, MetricsRow } from '../../../src-main/contract';
import { writeDefinition } from '../../../src-main/db/definitionsStore';
import { queryMetrics, type MetricsQuery } from '../../../src-main/analysis/metrics/metricsQueries';
import { insertMessages, insertSpells, tempProject, type TempProject } from '../../support/projectFixture';
import { projectClient } from '../../support/projectClient';

/**
 * Active members counted by messages (DESIGN default) or by any enabled key behaviour, Asia/Shanghai.
 * a, b, c join G1 and d joins G2 on 2023-12-31 09:00; e is never a member.
 * Rules: ck keyword 打卡 (minimum 3 within 1 day — not applied to activity: one hit makes a member
 * active), rp type redpacket, hi keyword hello but disabled.
 *
 *   a  G1 01-01 10:00        text 'hello'      message only (hi is disabled)
 *   b  G1 01-01 10:00        text '今天打卡'    both
 *   b  G1 01-01 23:59:59     text '晚安'        message only
 *   a  G1 01-02 00:00:00     text '打卡'        both, on 01-02 (UTC still 01-01)
 *   e  G1 01-01 10:00        text '打卡'        neither: not a member
 *   d  G2 01-01 10:00        text '打卡'        both, outside the scope [G1]
 *   c  one-to-one 01-01 10:00 '打卡'            neither: not a group message
 *   c  G1 01-02 10:00        redpacket '恭喜发财' both
 *
 * Days (all groups, 4 members):  by message 12-31: 0, 01-01: a b d = 3, 01-02: a c = 2
 *                                by behaviour 12-31: 0, 01-01: b d = 2,   01-02: a c = 2
 * Scope [G1] (3 members):        by message 01-01: a b = 2; by behaviour 01-01: b = 1
 */
const rules: KeyBehaviour[] = [
  { id: 'ck', name: '打卡', msgTypes: [], pattern: '打卡', isRegex: false, minCount: 3, windowDays: 1, weight: 1, enabled: true },
  { id: 'rp', name: '红包', msgTypes: ['redpacket'], pattern: '', isRegex: false, minCount: 1, windowDays: null, weight: 1, enabled: true },
  { id: 'hi', name: '问候', msgTypes: [], pattern: 'hello', isRegex: false, minCount: 1, windowDays: null, weight: 1, enabled: false },
];
const join = '2023-12-31 09:00:00+08';
const at = (d: string, time = '10:00:00') => `2024-01-${d} ${time}+08`;

let t: TempProject;
const TZ = 'Asia/Shanghai';
const metrics = (q: Omit<MetricsQuery, 'timeZone'>) => t.project.db.use((sql) => queryMetrics(sql, { ...q, timeZone: TZ }));
const active = (rows: MetricsRow[]) => rows.map((r) => [r.period_start, r.total_members, r.active_members, r.active_rate]);

beforeAll(async () => {
  t = await tempProject(TZ);
  await insertSpells(t.project, [
    { group: 'G1', id: 'a', join },
    { group: 'G1', id: 'b', join },
    { group: 'G1', id: 'c', join },
    { group: 'G2', id: 'd', join },
  ]);
  await insertMessages(t.project, [
    { id: 'a', group: 'G1', at: at('01'), content: 'hello' },
    { id: 'b', group: 'G1', at: at('01'), content: '今天打卡' },
    { id: 'b', group: 'G1', at: at('01', '23:59:59'), content: '晚安' },
    { id: 'a', group: 'G1', at: at('02', '00:00:00'), content: '打卡' },
    { id: 'e', group: 'G1', at: at('01'), content: '打卡' },
    { id: 'd', group: 'G2', at: at('01'), content: '打卡' },
    { id: 'c', group: null, at: at('01'), content: '打卡' },
    { id: 'c', group: 'G1', at: at('02'), type: 'redpacket', content: '恭喜发财' },
  ]);
});
afterAll(async () => t?.dispose());

describe('active members by key behaviour', () => {
  it('counts a member active on a day with a hit of any enabled rule, whatever its minimum count', async () => {
    expect(active(await metrics({ period: 'day', activeBehaviours: null }))).toEqual([
      ['2023-12-31', 4, 0, 0],
      ['2024-01-01', 4, 3, 75],
      ['2024-01-02', 4, 2, 50],
    ]);
    expect(active(await metrics({ period: 'day', activeBehaviours: rules }))).toEqual([
      ['2023-12-31', 4, 0, 0],
      ['2024-01-01', 4, 2, 50],
      ['2024-01-02', 4, 2, 50],
    ]);
  });

  it('limits the hits to the scope', async () => {
    expect(active(await metrics({ period: 'day', groups: ['G1'], from: '2024-01-01', to: '2024-01-01', activeBehaviours: null }))).toEqual([['2024-01-01', 3, 2, (2 * 100) / 3]]);
    expect(active(await metrics({ period: 'day', groups: ['G1'], from: '2024-01-01', to: '2024-01-01', activeBehaviours: rules }))).toEqual([['2024-01-01', 3, 1, 100 / 3]]);
  });

  it('changes nothing but the active figures', async () => {
    const strip = (rows: MetricsRow[]) => rows.map(({ active_members: _a, active_rate: _r, ...rest }) => rest);
    expect(strip(await metrics({ period: 'week', activeBehaviours: rules }))).toEqual(strip(await metrics({ period: 'week', activeBehaviours: null })));
  });

  it('follows the project setting: the metrics handler reads activeBy and the saved rules', async () => {
    const call = projectClient(t);
    const day = async () => {
      const r = await call('metrics:query', { period: 'day', from: '2024-01-01', to: '2024-01-01' });
      if (!r.ok) throw new Error(r.error.message);
      return r.value[0]!.active_members;
    };
    expect(await day()).toBe(3); // default: messages
    await t.project.db.use((sql) => writeDefinition(sql, 'behaviours', rules));
    expect(await day()).toBe(3); // rules saved, but activity still by message
    await call('behaviours:activeBy', { activeBy: 'behaviour' });
    expect(await day()).toBe(2);
    // With no rule enabled nobody is active by behaviour.
    await t.project.db.use((sql) => writeDefinition(sql, 'behaviours', rules.map((r) => ({ ...r, enabled: false }))));
    expect(await day()).toBe(0);
    await call('behaviours:activeBy', { activeBy: 'message' });
    expect(await day()).toBe(3);
  });
});
