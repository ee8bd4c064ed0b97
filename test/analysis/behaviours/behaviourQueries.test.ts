import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BehaviourResult, KeyBehaviour } from '../../../src-main/contract';
import { behaviourCtes, checkRegex, queryBehaviourCounts, queryBehaviourSeries, regexMatchSql, usableBehaviours } from '../../../src-main/analysis/behaviours/behaviourQueries';
import { insertMessages, tempProject, type TempProject } from '../../support/projectFixture';
import { projectClient } from '../../support/projectClient';
import { writeDefinition } from '../../../src-main/db/definitionsStore';

/**
 * Hand-computed key behaviours, Asia/Shanghai (UTC+8), all times local, January 2024
 * (Mon 01-01 … Sun 01-07 is week 1, Mon 01-08 … Sun 01-14 week 2). Groups G1, G2 and G3.
 *
 * Rules:
 *   ck   打卡 by type: types ' 打卡 ', 'CheckIn' (trimmed, any case), any content
 *   kw   keyword 'Hello' (contains, case-insensitive), any type
 *   rx   regular expression '^报名\d+$' (RE2, as written)
 *   bad  regular expression '(?=x)' — a look-ahead RE2 refuses
 *   win  type 'vote', at least 2 within a 7-day window
 *   off  disabled (matches every text): never in kb_hits, never in a series
 *
 * Messages:
 *   1  a  G1 01-01 09:00 打卡        (no content)  → ck
 *   2  a  G1 01-02 09:00 'CHECKIN '  '第2天'       → ck (type trimmed, any case)
 *   3  b  G2 01-01 10:00 checkin                   → ck
 *   4  b  G1 01-01 11:00 text  '打卡'              → nothing: ck goes by type
 *   5  c  G1 01-03 12:00 text  'Hello world'       → kw
 *   6  c  G1 01-03 12:05 text  'say HELLO'         → kw
 *   7  d  G2 01-04 08:00 text  'help me'           → nothing
 *   8  d  G2 01-04 08:01 text  '报名12'            → rx
 *   9  e  G1 01-04 09:00 text  '我要报名12'        → nothing (anchored)
 *  10  e  G1 01-04 09:01 text  '报名3'             → rx
 *  11  c  one-to-one 01-03 12:10 'hello'          → nothing: not a group message
 *  12  f  G3 01-05 10:00 checkin                  → ck, outside the scope [G1, G2]
 *  13  c  G3 01-05 10:00 text 'hello again'       → kw, outside the scope [G1, G2]
 *  win (all type vote):
 *  14,15  p  G1 01-01 10:00, 01-07 10:00          6 days apart: counts
 *  16,17  q  G1 01-01 10:00, 01-09 10:00          8 days apart: does not
 *  18,19  s  G2 01-01 09:00, 01-07 23:59:59       local days 1 and 7: counts
 *  20,21  u  G2 01-01 09:00, 01-08 00:00:00       local days 1 and 8: does not (UTC days 1 and 7 would,
 *                                                 and so would "less than 7×24 hours": 6 d 15 h)
 *  22-24  r  G1 01-01 10:00, 01-09 10:00, 01-10 10:00   01-09 and 01-10: counts, 3 occurrences
 */
const rules: KeyBehaviour[] = [
  { id: 'ck', name: '打卡', msgTypes: [' 打卡 ', 'CheckIn'], pattern: '', isRegex: false, minCount: 1, windowDays: null, weight: 1, enabled: true },
  { id: 'kw', name: '问候', msgTypes: [], pattern: 'Hello', isRegex: false, minCount: 1, windowDays: null, weight: 1, enabled: true },
  { id: 'rx', name: '报名', msgTypes: [], pattern: '^报名\\d+$', isRegex: true, minCount: 1, windowDays: null, weight: 1, enabled: true },
  { id: 'bad', name: '坏正则', msgTypes: [], pattern: '(?=x)', isRegex: true, minCount: 1, windowDays: null, weight: 1, enabled: true },
  { id: 'win', name: '投票', msgTypes: ['vote'], pattern: '', isRegex: false, minCount: 2, windowDays: 7, weight: 1, enabled: true },
  { id: 'off', name: '停用', msgTypes: ['text'], pattern: '', isRegex: false, minCount: 1, windowDays: null, weight: 1, enabled: false },
];
const at = (day: string, time: string) => `2024-01-${day} ${time}+08`;
const messages = [
  { id: 'a', group: 'G1', at: at('01', '09:00:00'), type: '打卡', content: null },
  { id: 'a', group: 'G1', at: at('02', '09:00:00'), type: 'CHECKIN ', content: '第2天' },
  { id: 'b', group: 'G2', at: at('01', '10:00:00'), type: 'checkin', content: null },
  { id: 'b', group: 'G1', at: at('01', '11:00:00'), type: 'text', content: '打卡' },
  { id: 'c', group: 'G1', at: at('03', '12:00:00'), type: 'text', content: 'Hello world' },
  { id: 'c', group: 'G1', at: at('03', '12:05:00'), type: 'text', content: 'say HELLO' },
  { id: 'd', group: 'G2', at: at('04', '08:00:00'), type: 'text', content: 'help me' },
  { id: 'd', group: 'G2', at: at('04', '08:01:00'), type: 'text', content: '报名12' },
  { id: 'e', group: 'G1', at: at('04', '09:00:00'), type: 'text', content: '我要报名12' },
  { id: 'e', group: 'G1', at: at('04', '09:01:00'), type: 'text', content: '报名3' },
  { id: 'c', group: null, at: at('03', '12:10:00'), type: 'text', content: 'hello' },
  { id: 'f', group: 'G3', at: at('05', '10:00:00'), type: 'checkin', content: null },
  { id: 'c', group: 'G3', at: at('05', '10:00:00'), type: 'text', content: 'hello again' },
  ...[
    ['p', 'G1', at('01', '10:00:00')],
    ['p', 'G1', at('07', '10:00:00')],
    ['q', 'G1', at('01', '10:00:00')],
    ['q', 'G1', at('09', '10:00:00')],
    ['s', 'G2', at('01', '09:00:00')],
    ['s', 'G2', at('07', '23:59:59')],
    ['u', 'G2', at('01', '09:00:00')],
    ['u', 'G2', at('08', '00:00:00')],
    ['r', 'G1', at('01', '10:00:00')],
    ['r', 'G1', at('09', '10:00:00')],
    ['r', 'G1', at('10', '10:00:00')],
  ].map(([id, group, time]) => ({ id: id!, group: group!, at: time!, type: 'vote', content: '选A' })),
];

const TZ = 'Asia/Shanghai';
let t: TempProject;

beforeAll(async () => {
  t = await tempProject(TZ);
  await insertMessages(t.project, messages);
});
afterAll(async () => t?.dispose());

const counts = (scope: { groups?: string[]; from?: string; to?: string } = {}, list = rules) =>
  t.project.db.use((sql) => queryBehaviourCounts(sql, list, scope, TZ));

describe('live counts of the rule grid', () => {
  it('counts every rule over all groups, and gives the bad regular expression its error while the others are counted', async () => {
    expect(await counts()).toEqual([
      { id: 'ck', people: 3, occurrences: 4, error: null }, // a ×2, b, f
      { id: 'kw', people: 1, occurrences: 3, error: null }, // c: 5, 6, 13 (not the one-to-one 11)
      { id: 'rx', people: 2, occurrences: 2, error: null }, // d, e
      { id: 'bad', people: 0, occurrences: 0, error: expect.stringContaining('正则表达式无效') },
      { id: 'win', people: 3, occurrences: 11, error: null }, // p, s, r count; q and u do not
      // Disabled rows still get counts in the grid: the group texts 4–10 and 13 of b, c, d, e.
      { id: 'off', people: 4, occurrences: 8, error: null },
    ]);
  });

  it('limits to the scope groups', async () => {
    const r = await counts({ groups: ['G1', 'G2'] });
    expect(r.slice(0, 3)).toEqual([
      { id: 'ck', people: 2, occurrences: 3, error: null }, // f's 12 is in G3
      { id: 'kw', people: 1, occurrences: 2, error: null }, // c's 13 is in G3
      { id: 'rx', people: 2, occurrences: 2, error: null },
    ]);
  });

  it('limits to local days: a hit at 00:00:00 belongs to its local day, and a window needs its hits inside the range', async () => {
    const r = await counts({ from: '2024-01-02', to: '2024-01-08' });
    expect(r[0]).toEqual({ id: 'ck', people: 2, occurrences: 2, error: null }); // a's 2, f's 12
    // In range: p 01-07, s 01-07 23:59:59, u 01-08 00:00:00 — one hit each, below 2.
    expect(r[4]).toEqual({ id: 'win', people: 0, occurrences: 3, error: null });
    const toSunday = await counts({ from: '2024-01-01', to: '2024-01-07' });
    // u's 01-08 00:00:00 (UTC still 01-07) is out; p and s count within the week.
    expect(toSunday[4]).toEqual({ id: 'win', people: 2, occurrences: 7, error: null });
  });

  it('keeps rows with the same id apart (unsaved rows)', async () => {
    const twin = [rules[0]!, { ...rules[1]!, id: 'ck' }];
    expect(await counts({}, twin)).toEqual([
      { id: 'ck', people: 3, occurrences: 4, error: null },
      { id: 'ck', people: 1, occurrences: 3, error: null },
    ]);
  });

  it('takes quotes and backslashes in the user text literally', async () => {
    const odd: KeyBehaviour = { ...rules[1]!, id: "x'); DROP TABLE messages; --", name: "it's", pattern: "o'w\\" };
    expect(await counts({}, [odd])).toEqual([{ id: odd.id, people: 0, occurrences: 0, error: null }]);
    const n = await t.project.db.use((sql) => sql.one<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM messages`));
    expect(n?.n).toBe(messages.length);
  });
});

describe('kb_hits and kb_people', () => {
  it('holds the hits of the enabled, usable rules and the people for whom each counts', async () => {
    const rows = await t.project.db.use(async (sql) => {
      const usable = await usableBehaviours(sql, rules);
      expect(usable.map((b) => b.id)).toEqual(['ck', 'kw', 'rx', 'win']);
      return sql.all<{ behaviour_id: string; pid: string; occurrences: number }>(
        `WITH ${behaviourCtes(usable, 'TRUE')} SELECT behaviour_id, pid, occurrences FROM kb_people ORDER BY behaviour_id, pid`,
        { tz: TZ },
      );
    });
    expect(rows).toEqual([
      { behaviour_id: 'ck', pid: 'a', occurrences: 2 },
      { behaviour_id: 'ck', pid: 'b', occurrences: 1 },
      { behaviour_id: 'ck', pid: 'f', occurrences: 1 },
      { behaviour_id: 'kw', pid: 'c', occurrences: 3 },
      { behaviour_id: 'rx', pid: 'd', occurrences: 1 },
      { behaviour_id: 'rx', pid: 'e', occurrences: 1 },
      { behaviour_id: 'win', pid: 'p', occurrences: 2 },
      { behaviour_id: 'win', pid: 'r', occurrences: 3 },
      { behaviour_id: 'win', pid: 's', occurrences: 2 },
    ]);
  });

  it('gives each hit its local day', async () => {
    const days = await t.project.db.use((sql) =>
      sql.all<{ pid: string; d: string }>(
        `WITH ${behaviourCtes([rules[4]!], 'TRUE')} SELECT pid, strftime(d, '%Y-%m-%d') AS d FROM kb_hits WHERE pid IN ('s', 'u') ORDER BY pid, t`,
        { tz: TZ },
      ),
    );
    expect(days).toEqual([
      { pid: 's', d: '2024-01-01' },
      { pid: 's', d: '2024-01-07' },
      { pid: 'u', d: '2024-01-01' },
      { pid: 'u', d: '2024-01-08' },
    ]);
  });

  it('defines empty tables when no rule is enabled', async () => {
    const rows = await t.project.db.use((sql) =>
      sql.all(`WITH ${behaviourCtes([rules[5]!], 'TRUE')} SELECT (SELECT count(*) FROM kb_hits) AS h, (SELECT count(*) FROM kb_people) AS p`, { tz: TZ }),
    );
    expect(rows).toEqual([{ h: '0', p: '0' }]);
  });
});

describe('checkRegex', () => {
  it('accepts RE2 and explains what it refuses, in Chinese', async () => {
    const check = (p: string) => t.project.db.use((sql) => checkRegex(sql, p));
    expect(await check('^报名\\d+$')).toBeNull();
    expect(await check('(?i)hello')).toBeNull();
    expect(await check('(?=x)')).toBe('正则表达式无效：不支持的语法（RE2 不支持 (?= (?! (?<= 等前后断言）');
    expect(await check('[a')).toBe('正则表达式无效：缺少 ]');
    expect(await check('a)')).toBe('正则表达式无效：多余的 )');
  });
});

describe('series per period', () => {
  const series = (period: 'day' | 'week' | 'month', scope: { groups?: string[]; from?: string; to?: string } = {}) =>
    t.project.db.use(async (sql) => queryBehaviourSeries(sql, await usableBehaviours(sql, rules), { ...scope, period }, TZ));
  const of = (rows: BehaviourResult['series'], id: string) => rows.filter((r) => r.id === id).map(({ id: _id, ...rest }) => rest);

  it('weeks: people count on the week’s own hits, the window never reaching into the week before', async () => {
    const rows = await series('week');
    expect(of(rows, 'ck')).toEqual([
      { period_start: '2024-01-01', period_end: '2024-01-07', people: 3, occurrences: 4 },
      { period_start: '2024-01-08', period_end: '2024-01-14', people: 0, occurrences: 0 },
    ]);
    // Week 1: p (01-01, 01-07) and s (01-01, 01-07 23:59:59) count; q, u, r have one hit each.
    // Week 2: q 01-09, u 01-08 00:00:00 one each; r 01-09 and 01-10 counts.
    expect(of(rows, 'win')).toEqual([
      { period_start: '2024-01-01', period_end: '2024-01-07', people: 2, occurrences: 7 },
      { period_start: '2024-01-08', period_end: '2024-01-14', people: 1, occurrences: 4 },
    ]);
    expect(rows.map((r) => r.id)).not.toContain('off');
    expect(rows.map((r) => r.id)).not.toContain('bad');
  });

  it('days: the hit at 00:00:00 is on the new day', async () => {
    const rows = await series('day');
    const win = of(rows, 'win');
    expect(win).toHaveLength(10); // 01-01 … 01-10, every day listed
    expect(win[0]).toEqual({ period_start: '2024-01-01', period_end: '2024-01-01', people: 0, occurrences: 5 });
    expect(win[6]).toEqual({ period_start: '2024-01-07', period_end: '2024-01-07', people: 0, occurrences: 2 });
    expect(win[7]).toEqual({ period_start: '2024-01-08', period_end: '2024-01-08', people: 0, occurrences: 1 });
    expect(of(rows, 'ck')[0]).toEqual({ period_start: '2024-01-01', period_end: '2024-01-01', people: 2, occurrences: 2 });
  });

  it('months and a scope', async () => {
    expect(of(await series('month'), 'win')).toEqual([{ period_start: '2024-01-01', period_end: '2024-01-31', people: 3, occurrences: 11 }]);
    expect(of(await series('month', { groups: ['G1', 'G2'] }), 'kw')).toEqual([{ period_start: '2024-01-01', period_end: '2024-01-31', people: 1, occurrences: 2 }]);
  });

  it('whole periods that intersect the range', async () => {
    const rows = of(await series('week', { from: '2024-01-09', to: '2024-01-09' }), 'win');
    expect(rows).toEqual([{ period_start: '2024-01-08', period_end: '2024-01-14', people: 1, occurrences: 4 }]);
  });
});

describe('behaviours:series, the trend asked apart from the lift', () => {
  it('answers the saved rules’ weekly series with the rules it has lines of: the enabled usable ones, in order', async () => {
    await t.project.db.use((sql) => writeDefinition(sql, 'behaviours', rules));
    const r = await projectClient(t)('behaviours:series', { period: 'week' });
    if (!r.ok) throw new Error(r.error.message);
    // 坏正则 (a regular expression RE2 refuses) and 停用 (disabled) draw no line.
    expect(r.value.behaviours).toEqual([
      { id: 'ck', name: '打卡' },
      { id: 'kw', name: '问候' },
      { id: 'rx', name: '报名' },
      { id: 'win', name: '投票' },
    ]);
    expect(r.value.series.filter((x) => x.id === 'win').map(({ id: _id, ...rest }) => rest)).toEqual([
      { period_start: '2024-01-01', period_end: '2024-01-07', people: 2, occurrences: 7 },
      { period_start: '2024-01-08', period_end: '2024-01-14', people: 1, occurrences: 4 },
    ]);
  });
});

describe('regular expressions written cheaper', () => {
  it('match exactly the texts regexp_matches matches', async () => {
    const patterns = ['打卡|签到', '#[^#\\s]+', '报名', 'ab*c', 'ab+c', 'a{2}b', 'x|', '(?i)hello', '^报名\\d+$', 'a.c', 'o\'w'];
    const texts = ['今天打卡', '签到', '打', '#话题# 聊', '#', '# x', 'ac', 'abc', 'abbc', 'aab', 'b', '', 'HeLLo', '报名12', 'a c', "o'w", null];
    const rows = await t.project.db.use((sql) =>
      sql.all<{ pattern: string; content: string | null; cheap: boolean | null; exact: boolean | null }>(
        patterns
          .map((p) => {
            const lit = `'${p.replaceAll("'", "''")}'`;
            return `SELECT ${lit} AS pattern, content, ${regexMatchSql(p)} AS cheap, regexp_matches(content, ${lit}) AS exact
                    FROM (SELECT unnest([${texts.map((x) => (x === null ? 'NULL' : `'${x.replaceAll("'", "''")}'`)).join(', ')}]) AS content)`;
          })
          .join(' UNION ALL '),
      ),
    );
    expect(rows).toHaveLength(patterns.length * texts.length);
    const differ = rows.filter((r) => Boolean(r.cheap) !== Boolean(r.exact));
    expect(differ).toEqual([]);
    // And the cheaper forms are used where they apply.
    expect(regexMatchSql('打卡|签到')).toBe("(contains(content, '打卡') OR contains(content, '签到'))");
    expect(regexMatchSql('#[^#\\s]+')).toBe("(contains(content, '#') AND regexp_matches(content, '#[^#\\s]+'))");
    expect(regexMatchSql('ab*c')).toBe("(contains(content, 'a') AND regexp_matches(content, 'ab*c'))");
  });
});

describe('local days in other time zones', () => {
  // A fixed offset (Kolkata +05:30, Bogotá −05:00) takes the arithmetic path; New York's daylight saving the library's.
  const cases: { zone: string; fixed: boolean; messages: [string, string][] }[] = [
    { zone: 'Asia/Kolkata', fixed: true, messages: [['2024-01-01 23:59:59+05:30', '2024-01-01'], ['2024-01-02 00:00:00+05:30', '2024-01-02']] },
    { zone: 'America/Bogota', fixed: true, messages: [['2024-01-01 23:59:59-05', '2024-01-01'], ['2024-01-02 00:00:00-05', '2024-01-02']] },
    {
      zone: 'America/New_York',
      fixed: false,
      messages: [
        ['2024-01-15 23:30:00-05', '2024-01-15'],
        ['2024-07-01 23:30:00-04', '2024-07-01'],
        ['2024-07-02 00:00:00-04', '2024-07-02'],
      ],
    },
  ];
  for (const { zone, fixed, messages: list } of cases) {
    it(`${zone}: each hit on its local day`, async () => {
      const p = await tempProject(zone);
      try {
        await insertMessages(p.project, list.map(([at]) => ({ id: 'z', group: 'G', at, type: 'vote' })));
        const rows = await p.project.db.use((sql) =>
          sql.all<{ d: string; off: string | null }>(
            `WITH ${behaviourCtes([rules[4]!], 'TRUE')} SELECT strftime(d, '%Y-%m-%d') AS d, (SELECT off_us FROM kb_tz) AS off FROM kb_hits ORDER BY t`,
            { tz: zone },
          ),
        );
        expect(rows.map((r) => r.d)).toEqual(list.map(([, d]) => d));
        expect(rows.every((r) => (r.off !== null) === fixed)).toBe(true);
      } finally {
        await p.dispose();
      }
    });
  }
});
