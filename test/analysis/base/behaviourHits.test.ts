import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyBehaviour } from '../../../src-main/contract';
import { listValue } from '@duckdb/node-api';
import { matchSql, MAX_HIT_TABLES, withRuleHitTables } from '../../../src-main/analysis/base/behaviourHits';
import { queryBehaviourCounts, queryBehaviourLift, queryBehaviourSeries } from '../../../src-main/analysis/behaviours/behaviourQueries';
import { DERIVED_DB } from '../../../src-main/analysis/base/identity';
import { insertHitsFixture, keywordRule } from './hitsFixture';
import { insertCustomers, insertMessages, insertOrders, insertSpells, tempProject, type TempProject } from '../../support/projectFixture';

/**
 * The key-behaviour view keeps each rule's hits (behaviourHits.ts): what it keeps must never make
 * an answer stale or wrong. Asia/Shanghai; two people, group G:
 *   a  01-01 09:00 '打卡'   a  01-02 09:00 '打卡 day 2'   b  01-01 23:59:59 '打卡'   b  01-02 00:00 'hello'
 */
const rule = keywordRule;

let t: TempProject;
beforeAll(async () => {
  t = await tempProject();
  await insertHitsFixture(t.project);
});
afterAll(async () => t?.dispose());

const counts = (behaviours: KeyBehaviour[], scope: { from?: string; to?: string } = {}) =>
  t.project.db.use((sql) => queryBehaviourCounts(sql, behaviours, scope, 'Asia/Shanghai'));
const hitTables = () =>
  t.project.db.use(async (sql) => {
    const rows = await sql.all<{ name: string }>(
      `SELECT table_name AS name FROM duckdb_tables() WHERE database_name = '${DERIVED_DB}' AND starts_with(table_name, 'kbh_') AND table_name <> 'kbh_entries'`,
    );
    return rows.map((r) => r.name);
  });
const brief = (rows: { people: number; occurrences: number }[]) => rows.map((r) => `${r.people}/${r.occurrences}`);

describe('kept hits of key-behaviour rules', () => {
  it('keeps one table per match condition and answers from it for any range', async () => {
    expect(brief(await counts([rule('打卡'), rule('hello')]))).toEqual(['2/3', '1/1']);
    expect(await hitTables()).toHaveLength(2);
    // A renamed rule with the same match reuses its table; local days bound the range (b's 23:59:59 is 01-01).
    expect(brief(await counts([rule('打卡', 'renamed')], { from: '2024-01-02' }))).toEqual(['1/1']);
    expect(brief(await counts([rule('打卡')], { to: '2024-01-01' }))).toEqual(['2/2']);
    expect(await hitTables()).toHaveLength(2);
  });

  it('matches again after the data change, never answering from the old messages', async () => {
    await counts([rule('打卡')]);
    await insertMessages(t.project, [{ id: 'c', group: 'G', at: '2024-01-03 10:00:00+08', content: '打卡' }]);
    expect(brief(await counts([rule('打卡')]))).toEqual(['3/4']);
    // The tables of the old data went with it: only the rule just asked is kept.
    expect(await hitTables()).toHaveLength(1);
  });

  it(`keeps at most ${MAX_HIT_TABLES} tables, the least recently used going first, and still answers`, async () => {
    const many = Array.from({ length: MAX_HIT_TABLES + 4 }, (_, i) => rule(`词${i}`));
    for (const r of many) await counts([r]);
    expect((await hitTables()).length).toBe(MAX_HIT_TABLES);
    expect(brief(await counts([rule('打卡'), ...many.slice(0, 2)]))).toEqual(['3/4', '0/0', '0/0']);
    expect((await hitTables()).length).toBe(MAX_HIT_TABLES);
  });

  it('never drops a table a running query reads, however many rules come meanwhile', async () => {
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let isHolding = () => false;
    const held = t.project.db.use((sql) =>
      withRuleHitTables(sql, [rule('打卡 day')], async ([table]) => {
        isHolding = () => true;
        await gate;
        return sql.all<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${table}`);
      }),
    );
    await expect.poll(() => isHolding()).toBe(true);
    for (let i = 0; i < MAX_HIT_TABLES + 3; i++) await counts([rule(`另一个${i}`)]);
    expect((await hitTables()).length).toBe(MAX_HIT_TABLES + 1);
    release();
    expect(await held).toEqual([{ n: 1 }]);
    // Once it is done, the next request drops it with the other least recently used tables.
    await counts([rule('再一个')]);
    expect((await hitTables()).length).toBe(MAX_HIT_TABLES);
  });

  it('serves requests for the same new rule at once', async () => {
    const fresh = rule('day');
    const answers = await Promise.all([counts([fresh]), counts([fresh]), counts([fresh, rule('hello')])]);
    expect(answers.map(brief)).toEqual([['1/1'], ['1/1'], ['1/1', '1/1']]);
  });
});

/**
 * Rules a single hit does not satisfy take the per-person path, also in the lift. January 2024,
 * Asia/Shanghai, everyone a member of G from 2023-12-01:
 *   a  打卡 01-02 and 01-05, pays 01-10     b  打卡 01-03, pays 01-11     c  no 打卡
 * ‘twice’ (min 2): doers a (converted) → 1/1; others b, c, converted b → 1 of 2; lift 1 / 0.5 = 2.
 * ‘twice in 2 days’ (min 2, window 2): a's hits are 3 days apart → nobody.
 * ‘once’ (min 1): a and b → 2/2, others c → 0/1; lift empty (others' rate 0).
 * Weekly series, week of 01-01: 3 hits of each (every hit counts as an occurrence); people: twice 1, twice2d 0, once 2.
 */
describe('rules needing more than one hit', () => {
  let p: TempProject;
  beforeAll(async () => {
    p = await tempProject();
    await insertSpells(p.project, ['a', 'b', 'c'].map((id) => ({ group: 'G', id, join: '2023-12-01 09:00:00+08' })));
    await insertMessages(p.project, [
      { id: 'a', group: 'G', at: '2024-01-02 10:00:00+08', content: '打卡' },
      { id: 'a', group: 'G', at: '2024-01-05 10:00:00+08', content: '打卡' },
      { id: 'b', group: 'G', at: '2024-01-03 10:00:00+08', content: '打卡' },
      { id: 'c', group: 'G', at: '2024-01-03 11:00:00+08', content: '你好' },
    ]);
    await insertCustomers(p.project, [
      { name: 'a', externalUserid: 'a', phone: '13900000001' },
      { name: 'b', externalUserid: 'b', phone: '13900000002' },
    ]);
    await insertOrders(p.project, [
      { orderNo: 'o1', paidAt: '2024-01-10 10:00:00+08', paid: '10.00', refunded: '0', buyerPhone: '13900000001' },
      { orderNo: 'o2', paidAt: '2024-01-11 10:00:00+08', paid: '20.00', refunded: '0', buyerPhone: '13900000002' },
    ]);
  });
  afterAll(async () => p?.dispose());

  const rules = [
    { ...rule('打卡', 'twice'), minCount: 2 },
    { ...rule('打卡', 'twice2d'), minCount: 2, windowDays: 2 },
    rule('打卡', 'once'),
  ];
  const scope = { from: '2024-01-01', to: '2024-01-31' };

  it('counts doers and converted doers per rule', async () => {
    const lift = await p.project.db.use((sql) => queryBehaviourLift(sql, rules, scope, 'Asia/Shanghai'));
    expect(lift.map((r) => [r.id, r.doers, r.doers_converted, r.others, r.others_converted, r.lift])).toEqual([
      ['twice', 1, 1, 2, 1, 2],
      ['twice2d', 0, 0, 3, 2, null],
      ['once', 2, 2, 1, 0, null],
    ]);
  });

  it('counts people and hits per period', async () => {
    const series = await p.project.db.use((sql) => queryBehaviourSeries(sql, rules, { ...scope, period: 'week' }, 'Asia/Shanghai'));
    const week1 = series.filter((r) => r.period_start === '2024-01-01').map((r) => [r.id, r.people, r.occurrences]);
    expect(week1).toEqual([
      ['twice', 1, 3],
      ['twice2d', 0, 3],
      ['once', 2, 3],
    ]);
  });
});

describe('matchSql of a keyword', () => {
  const rule = (pattern: string): KeyBehaviour => ({ id: 'k', name: 'k', msgTypes: [], pattern, isRegex: false, minCount: 1, windowDays: null, weight: 1, enabled: true });
  /** The contents of `contents` the rule matches, in order. */
  const matched = (pattern: string, contents: string[]) =>
    t.project.db.use(async (sql) =>
      (
        await sql.all<{ content: string }>(
          `SELECT content FROM (SELECT unnest($contents) AS content, CAST(NULL AS VARCHAR) AS content_nfkc, 'text' AS msg_type, generate_subscripts($contents, 1) AS i)
           WHERE ${matchSql(rule(pattern))} ORDER BY i`,
          { contents: listValue(contents) },
        )
      ).map((r) => r.content),
    );
  const contents = ['接龙', 'ABC接龙', 'İ接龙ÀB', '接 龙', '龙接', 'JIELONG 接龙!'];

  it('of uncased characters matches the content as it is, without lowering it, where the lowered content holds it', async () => {
    expect(matchSql(rule('接龙'))).not.toContain('lower(');
    expect(await matched('接龙', contents)).toEqual(['接龙', 'ABC接龙', 'İ接龙ÀB', 'JIELONG 接龙!']);
    expect(await matched('接龙!', contents)).toEqual(['JIELONG 接龙!']);
  });

  it('with letters matches case-insensitively', async () => {
    expect(await matched('jielong', contents)).toEqual(['JIELONG 接龙!']);
    expect(await matched('àb', contents)).toEqual(['İ接龙ÀB']);
  });
});
