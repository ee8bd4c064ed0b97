import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiftRow } from '../../../src-main/contract';
import { createContext } from '../../../src-main/api/context';
import { inProcessClient } from '../../../src-main/api/dispatch';
import { createHandlers } from '../../../src-main/api/handlers';
import { tempPaths } from '../../support/tempDirs';
import { fillLiftFixture, liftRules as rules } from './behaviourFixture';
import { tempProject, type TempProject } from '../../support/projectFixture';
import { projectClient } from '../../support/projectClient';

let t: TempProject;
let call: ReturnType<typeof inProcessClient>;
// The figures are worked out by hand in behaviourFixture.ts.
const range = { from: '2024-01-01', to: '2024-01-31' };

beforeAll(async () => {
  t = await tempProject('Asia/Shanghai');
  await fillLiftFixture(t.project);
  call = projectClient(t);
});
afterAll(async () => t?.dispose());

/** The lift of behaviours:query, or of behaviours:lift (the view's table asks it apart): the same hand-worked figures. */
const askers = {
  'behaviours:query': async (scope: object): Promise<LiftRow[]> => {
    const r = await call('behaviours:query', { ...range, ...scope });
    if (!r.ok) throw new Error(r.error.message);
    return r.value.lift;
  },
  'behaviours:lift': async (scope: object): Promise<LiftRow[]> => {
    const r = await call('behaviours:lift', { ...range, ...scope });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  },
};

describe.each(Object.entries(askers))('lift of a key behaviour on conversion (%s)', (_method, lift) => {
  it('compares doers with the other members of the scope over the range', async () => {
    const [ck, none] = await lift({ groups: ['G1', 'G2'] });
    expect(ck).toMatchObject({ id: 'ck', name: '打卡', doers: 4, doers_converted: 3, doers_rate: 75, others: 4, others_converted: 1, others_rate: 25, lift: 3 });
    expect(ck!.lift_low).toBeCloseTo(0.501284, 5);
    expect(ck!.lift_high).toBeCloseTo(17.953883, 5);
    // Nobody did it: the doers' rate is empty, and so are the lift and its interval.
    expect(none).toEqual({
      id: 'none',
      name: '无人',
      doers: 0,
      doers_converted: 0,
      doers_rate: null,
      others: 8,
      others_converted: 4,
      others_rate: 50,
      lift: null,
      lift_low: null,
      lift_high: null,
    });
  });

  it('over every group the third group’s members and messages count', async () => {
    const [ck] = await lift({});
    expect(ck).toMatchObject({ doers: 6, doers_converted: 4, others: 3, others_converted: 1, lift: 2 });
    expect(ck!.doers_rate).toBeCloseTo(200 / 3, 10);
    expect(ck!.others_rate).toBeCloseTo(100 / 3, 10);
    expect(ck!.lift_low).toBeCloseTo(0.366326, 5);
    expect(ck!.lift_high).toBeCloseTo(10.919234, 5);
  });

  it('ends the range at local midnight: the second after it is out', async () => {
    // Range to 2024-02-01: m7's 打卡 and order at 02-01 00:00:00 now count (doers 5, converted 4 of them);
    // m3's order on 01-25 is still after their leave.
    const [ck] = await lift({ from: '2024-01-01', to: '2024-02-01', groups: ['G1', 'G2'] });
    expect(ck).toMatchObject({ doers: 5, doers_converted: 4, others: 3, others_converted: 1 });
  });
});

describe('behaviours handlers', () => {
  it('saves and reads back the rules, refusing a bad regular expression and a repeated id', async () => {
    expect(await call('behaviours:get', {})).toEqual({ ok: true, value: rules });
    const bad = await call('behaviours:save', { behaviours: [{ ...rules[0]!, isRegex: true, pattern: '(?<=a)b' }] });
    expect(bad.ok ? null : bad.error).toMatchObject({ code: 'DEFINITION_INVALID', message: expect.stringContaining('正则表达式无效') });
    const twice = await call('behaviours:save', { behaviours: [rules[0]!, { ...rules[1]!, id: 'ck' }] });
    expect(twice.ok ? null : twice.error.code).toBe('DEFINITION_INVALID');
    const empty = await call('behaviours:save', { behaviours: [{ ...rules[0]!, name: '' }] });
    expect(empty.ok ? null : empty.error.code).toBe('INVALID_REQUEST');
    expect(await call('behaviours:get', {})).toEqual({ ok: true, value: rules });
  });

  it('counts unsaved rules live over the scope', async () => {
    const r = await call('behaviours:counts', { ...range, groups: ['G1', 'G2'], behaviours: [rules[0]!, { ...rules[1]!, isRegex: true, pattern: '[' }] });
    expect(r.ok && r.value).toEqual([
      { id: 'ck', people: 4, occurrences: 4, error: null }, // m1 m2 m3 m9 in range, in G1/G2
      { id: 'none', people: 0, occurrences: 0, error: '正则表达式无效：缺少 ]' },
    ]);
  });

  it('counts the saved rules when the request names none (a first visit asks them beside the rules)', async () => {
    const r = await call('behaviours:counts', { ...range, groups: ['G1', 'G2'] });
    expect(r.ok && r.value).toEqual([
      { id: 'ck', people: 4, occurrences: 4, error: null }, // as above: m1 m2 m3 m9
      { id: 'none', people: 0, occurrences: 0, error: null },
    ]);
  });

  it('lists the message types with their counts, most frequent first', async () => {
    expect(await call('behaviours:msgTypes', {})).toEqual({ ok: true, value: [{ msgType: 'text', count: 9 }] });
  });

  it('reads and writes what counts as activity', async () => {
    expect(await call('behaviours:activeBy', {})).toEqual({ ok: true, value: { activeBy: 'message' } });
    expect(await call('behaviours:activeBy', { activeBy: 'behaviour' })).toEqual({ ok: true, value: { activeBy: 'behaviour' } });
    expect(await call('behaviours:activeBy', {})).toEqual({ ok: true, value: { activeBy: 'behaviour' } });
    expect((await call('behaviours:activeBy', { activeBy: 'sometimes' })).ok).toBe(false);
    await call('behaviours:activeBy', { activeBy: 'message' });
  });

  it('gives the defaults for 恢复默认 without saving them', async () => {
    const r = await call('behaviours:defaults', {});
    expect(r.ok && r.value.map((b) => b.name)).toEqual(['打卡', '话题参与', '关键字回复', '接龙', '红包']);
    expect(await call('behaviours:get', {})).toEqual({ ok: true, value: rules });
  });

  it('says no project is open when none is', async () => {
    const client = inProcessClient(createHandlers(createContext('test', tempPaths(t.dir))));
    const r = await client('behaviours:counts', { behaviours: rules });
    expect(r.ok ? null : r.error.code).toBe('PROJECT_NOT_OPEN');
  });

  it('refuses a reversed range', async () => {
    const r = await call('behaviours:query', { from: '2024-02-01', to: '2024-01-01' });
    expect(r.ok ? null : r.error.code).toBe('INVALID_REQUEST');
  });
});
