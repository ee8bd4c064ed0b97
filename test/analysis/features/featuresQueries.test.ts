import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeatureRow } from '../../../src-main/contract';
import { featuresTable } from '../../../src-main/analysis/features/featuresCache';
import { queryFeaturesPage } from '../../../src-main/analysis/features/featuresGrid';
import type { GridQuery } from '../../../src-main/analysis/base/dataQueries';
import { featuresParams, featuresSql, resolveAsOf, withFeaturesSql } from '../../../src-main/analysis/features/featuresQueries';
import { AS_OF, expectedAll, expectedScopeA, fixtureBehaviours, insertFeaturesFixture } from './featuresFixture';
import { insertImport, tempProject, type TempProject } from '../../support/projectFixture';

const TZ = 'Asia/Shanghai';
let t: TempProject;

/** Every row of featuresSql, by pid. */
function features(asOf: string, groups?: string[]): Promise<FeatureRow[]> {
  return t.project.db.use((sql) =>
    withFeaturesSql(sql, { hasScope: !!groups, behaviours: fixtureBehaviours }, (text) =>
      sql.all<FeatureRow>(`SELECT * FROM (${text}) ORDER BY pid`, featuresParams({ groups, asOf, timeZone: TZ })),
    ),
  );
}

const byPid = (rows: FeatureRow[], pid: string) => rows.find((r) => r.pid === pid);

beforeAll(async () => {
  t = await tempProject(TZ);
  await insertFeaturesFixture(t.project);
});
afterAll(async () => t?.dispose());

describe('featuresSql (see featuresFixture.ts for the hand computation)', () => {
  it('gives every person at the end of 2024-03-31 with every feature as computed by hand', async () => {
    expect(await features(AS_OF)).toEqual(expectedAll);
  });

  it('counts months of local days: 23:59:59 on the last day of a month and 00:00:00 the next day are two months', async () => {
    const rows = await features(AS_OF);
    // ann: 01-31 23:59:59 and 02-01 00:00:00 (both January in UTC) + March → 3.
    expect(byPid(rows, 'ann')?.purchase_months_3m).toBe(3);
    // mia's 2023-12-31 23:59:59 is outside January–March; max's 2024-01-01 00:00:00 is inside.
    expect([byPid(rows, 'mia')?.purchase_months_3m, byPid(rows, 'max')?.purchase_months_3m]).toEqual([0, 1]);
  });

  it('leaves a fully refunded order out and counts a partly refunded one at its net amount', async () => {
    const ann = byPid(await features(AS_OF), 'ann');
    // 100 + 50 + (300 − 100); the ¥80 order refunded in full is no purchase.
    expect([ann?.purchases, ann?.gmv]).toEqual([3, 350]);
  });

  it('calls a purchase 90 local days after the one before a repurchase, 91 days not', async () => {
    const rows = await features(AS_OF);
    expect(byPid(rows, 'rae')?.repurchase_90d).toBe(true);
    expect(byPid(rows, 'ray')?.repurchase_90d).toBe(false);
  });

  it('ties 邀请人 to the member of the join\'s group holding that nickname, whoever else uses it elsewhere', async () => {
    const rows = await features(AS_OF);
    // cat joined A naming " 安妮 "; bob's joins of B name 安妮, who is no member of B.
    expect([byPid(rows, 'ann')?.referrals, byPid(rows, 'ann')?.referrals_bought]).toEqual([1, 0]);
    // hal joined A naming 重名: dan holds it in A, dan2 only in B.
    expect([byPid(rows, 'dan')?.referrals, byPid(rows, 'dan2')?.referrals]).toEqual([1, 0]);
  });

  it('measures a re-joiner from the first join, and someone who left to the last leave', async () => {
    const rows = await features(AS_OF);
    expect([byPid(rows, 'eve')?.tenure_days, byPid(rows, 'eve')?.is_member]).toEqual([90, true]);
    expect([byPid(rows, 'fay')?.tenure_days, byPid(rows, 'fay')?.is_member]).toEqual([37, false]);
  });

  it('takes the latest survey score submitted by the day', async () => {
    expect(byPid(await features(AS_OF), 'ann')?.survey_score).toBe(6);
  });

  it('limits people, groups, messages, referrals and tenure to a scope', async () => {
    expect(await features(AS_OF, ['A'])).toEqual(expectedScopeA);
  });

  it('computes at an earlier day as if later events had not happened', async () => {
    const rows = await features('2024-02-29');
    // ann on 02-29: orders 01-31 and 02-01 (¥150, Jan+Feb), cat invited (no purchase), survey of
    // 02-01, one check-in (weight 2), member since 01-02 (58 days).
    expect(byPid(rows, 'ann')).toMatchObject({
      purchases: 2, gmv: 150, aov: 75, purchase_months_3m: 2, days_since_last_purchase: 28, repurchase_90d: true,
      referrals: 1, referrals_bought: 0, messages: 1, key_behaviours: 2, kb_checkin: 1, tenure_days: 58, survey_score: 9,
    });
    // hal, dan's referral, joins only on 03-01.
    expect(byPid(rows, 'dan')?.referrals).toBe(0);
    // bob left B on 02-20 and is back only on 03-01: not a member, tenure 02-01 → 02-20.
    expect(byPid(rows, 'bob')).toMatchObject({ is_member: false, tenure_days: 19, messages: 0, key_behaviours: 0 });
    // hal and ivy joined on 03-01, zed wrote on 03-10: not yet people.
    expect(rows.map((r) => r.pid)).toEqual(['ann', 'bob', 'cat', 'dan', 'dan2', 'eve', 'fay', 'max', 'mia', 'rae', 'ray']);
  });
});

describe('resolveAsOf', () => {
  it('defaults to the last local day with a join, leave, message or paid order', async () => {
    // gus joined 2024-04-06 00:30 local, still 04-05 in UTC.
    expect(await t.project.db.use((sql) => resolveAsOf(sql, TZ))).toBe('2024-04-06');
    expect(await t.project.db.use((sql) => resolveAsOf(sql, TZ, '2024-01-15'))).toBe('2024-01-15');
  });
});

describe('featuresSql matching in place (a scope in a session without the rules\' hit tables)', () => {
  it('gives the rows computed by hand, as over the hit tables', async () => {
    const inPlace = (groups?: string[]) =>
      t.project.db.use((sql) =>
        sql.all<FeatureRow>(
          `SELECT * FROM (${featuresSql({ hasScope: !!groups, behaviours: fixtureBehaviours, hitTables: null })}) ORDER BY pid`,
          featuresParams({ groups, asOf: AS_OF, timeZone: TZ }),
        ),
      );
    expect(await inPlace(['A'])).toEqual(expectedScopeA);
    expect(await inPlace()).toEqual(expectedAll);
  });
});

describe('featuresTable', () => {
  it('computes the table once and reads it again while nothing changes', async () => {
    const first = await t.project.db.use((sql) => featuresTable(sql, { timeZone: TZ, asOf: AS_OF }));
    const again = await t.project.db.use((sql) => featuresTable(sql, { timeZone: TZ, asOf: AS_OF }));
    expect(again.relation).toBe(first.relation);
    expect(first.behaviours).toEqual([
      { id: 'checkin', name: '打卡', column: 'kb_checkin' },
      { id: 'kw', name: '报名', column: 'kb_kw' },
    ]);
    const rows = await t.project.db.use((sql) => sql.all<FeatureRow>(`SELECT * FROM ${first.relation} ORDER BY pid`));
    expect(rows).toEqual(expectedAll);
  });

  it('answers two simultaneous requests for the same day with the same table, without a write conflict', async () => {
    const ask = () => t.project.db.use((sql) => featuresTable(sql, { timeZone: TZ, asOf: '2024-03-15' }));
    const [a, b] = await Promise.all([ask(), ask()]);
    expect(b.relation).toBe(a.relation);
    const ann = await t.project.db.use((sql) => sql.one<FeatureRow>(`SELECT * FROM ${a.relation} WHERE pid = 'ann'`));
    // On 03-15: orders of 01-31, 02-01 and 03-10 (¥350), two check-ins.
    expect(ann).toMatchObject({ purchases: 3, gmv: 350, kb_checkin: 2, days_since_last_purchase: 5 });
  });

  it('computes at the last day with data by default, and per scope', async () => {
    const latest = await t.project.db.use((sql) => featuresTable(sql, { timeZone: TZ }));
    expect(latest.asOf).toBe('2024-04-06');
    const scoped = await t.project.db.use((sql) => featuresTable(sql, { timeZone: TZ, asOf: AS_OF, groups: ['A'] }));
    const rows = await t.project.db.use((sql) => sql.all<FeatureRow>(`SELECT * FROM ${scoped.relation} ORDER BY pid`));
    expect(rows).toEqual(expectedScopeA);
  });

  it('recomputes after an import or a change of the key behaviours', async () => {
    const before = await t.project.db.use((sql) => featuresTable(sql, { timeZone: TZ, asOf: AS_OF }));
    await insertImport(t.project, 9, '新的导出.xlsx', 'messages');
    const afterImport = await t.project.db.use((sql) => featuresTable(sql, { timeZone: TZ, asOf: AS_OF }));
    expect(afterImport.relation).not.toBe(before.relation);
    await t.project.db.use((sql) =>
      sql.run(`UPDATE definitions SET value = ? WHERE key = 'behaviours'`, [JSON.stringify(fixtureBehaviours.slice(0, 1))]),
    );
    const afterEdit = await t.project.db.use((sql) => featuresTable(sql, { timeZone: TZ, asOf: AS_OF }));
    expect(afterEdit.behaviours.map((b) => b.column)).toEqual(['kb_checkin']);
    const ann = await t.project.db.use((sql) => sql.one<FeatureRow>(`SELECT * FROM ${afterEdit.relation} WHERE pid = 'ann'`));
    expect(ann).toMatchObject({ key_behaviours: 4, kb_checkin: 2 });
    expect(ann).not.toHaveProperty('kb_kw');
  });
});

describe('a page of a feature table that newer ones push out', () => {
  it('still answers while its request reads it, and the table is dropped once that request is done', async () => {
    const db = t.project.db;
    const scope = { timeZone: TZ, asOf: AS_OF, groups: ['A'] };
    const byPid: GridQuery = { offset: 0, limit: 100, sort: [{ colId: 'pid', sort: 'asc' }], filter: {} };
    const inMemory = async () =>
      (await db.all<{ name: string }>(`SELECT table_name AS name FROM duckdb_tables() WHERE database_name = 'qx_features'`)).map((r) => `qx_features.${r.name}`);
    // A request that has its scope's table, then waits (on `pushedOut`) before asking for a page of it.
    let hasTable!: () => void;
    const gotTable = new Promise<void>((resolve) => (hasTable = resolve));
    let pushOut!: () => void;
    const pushedOut = new Promise<void>((resolve) => (pushOut = resolve));
    const paging = db.use(async (sql) => {
      const table = await featuresTable(sql, scope);
      hasTable();
      await pushedOut;
      return { relation: table.relation, page: await queryFeaturesPage(sql, table, byPid, TZ) };
    });
    await gotTable;
    try {
      // Six newer tables, as many as are kept in memory: the scope's is the oldest, pushed out.
      for (const day of ['2024-03-01', '2024-03-08', '2024-03-15', '2024-03-22', '2024-03-29', '2024-03-30']) {
        await db.use((sql) => featuresTable(sql, { timeZone: TZ, asOf: day }));
      }
      expect((await inMemory()).length).toBe(7);
    } finally {
      // Also when an expectation above failed: the held connection would keep the project from closing.
      pushOut();
    }
    const { relation, page } = await paging;
    expect(page.rows.map((r) => r.pid)).toEqual(expectedScopeA.map((r) => r.pid));
    expect(await inMemory()).not.toContain(relation);
    // Asked again, it is computed afresh, with the same page.
    const again = await db.use(async (sql) => queryFeaturesPage(sql, await featuresTable(sql, scope), byPid, TZ));
    expect(again).toEqual(page);
  });
});

describe('an empty project', () => {
  it('has no people, and its as-of day is today', async () => {
    const empty = await tempProject(TZ);
    try {
      const table = await empty.project.db.use((sql) => featuresTable(sql, { timeZone: TZ }));
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
      expect(table.asOf).toBe(today);
      expect(await empty.project.db.use((sql) => sql.all(`SELECT * FROM ${table.relation}`))).toEqual([]);
    } finally {
      await empty.dispose();
    }
  });
});
