import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryMatches } from '../../../src-main/analysis/base/identity';
import { queryUnmatched } from '../../../src-main/analysis/base/unmatchedList';
import { unmatchedReasons } from '../../../src-main/locale/analysis';
import { insertCustomers, insertOrders, insertSpells, tempProject, type TempProject } from '../../support/projectFixture';

/**
 * Keys the customer list ties to more than one person never match (DESIGN §3: a wrong match is
 * worse than none), and a key tied to one person by several rows still does. Members p1–p5; the
 * customer list (rows 2…): p1 and p2 share a phone, p3 and p4 a unionid, p5 twice under one
 * unionid and one phone, and a row with a phone but no id.
 */
let t: TempProject;

beforeAll(async () => {
  t = await tempProject();
  await insertSpells(
    t.project,
    ['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => ({ group: 'G', id, join: '2024-01-01 09:00:00+08' })),
  );
  await insertCustomers(t.project, [
    { externalUserid: 'p1', phone: '13800000011' }, // row 2
    { externalUserid: 'p2', phone: '13800000011' }, // row 3
    { externalUserid: 'p3', unionid: 'U-shared' }, // row 4
    { externalUserid: 'p4', unionid: 'U-shared' }, // row 5
    { externalUserid: 'p5', unionid: 'U-five', phone: '13800000055' }, // row 6
    { externalUserid: 'p5', unionid: 'U-five', phone: '13800000055' }, // row 7
    { name: '无ID', phone: '13800000022' }, // row 8
  ]);
  await insertOrders(t.project, [
    { orderNo: 'o1', paidAt: '2024-01-03 10:00:00+08', paid: 10, buyerPhone: '13800000011' }, // row 2: shared phone
    { orderNo: 'o2', paidAt: '2024-01-03 10:00:00+08', paid: 10, buyerPhone: '13800000055' }, // row 3: p5's phone
    { orderNo: 'o3', paidAt: '2024-01-03 10:00:00+08', paid: 10, buyerPhone: '13800000022' }, // row 4: a phone of nobody tied
  ]);
  await t.project.db.transaction((sql) =>
    sql.run(
      `INSERT INTO churn_events (row_key, customer_name, external_userid, unionid, phone, is_phone_masked, import_id, source_row) VALUES
       ('k1', 'x', NULL, 'U-shared', NULL, false, 3, 2),
       ('k2', 'y', NULL, 'U-five', NULL, false, 3, 3)`,
    ),
  );
}, 60_000);
afterAll(async () => t?.dispose());

const matchOf = async (kind: string, row: number) => (await t.project.db.use((sql) => queryMatches(sql))).find((m) => m.kind === kind && m.source_row === row);
const reasonOf = async (kind: string, row: number) => {
  const page = await t.project.db.use((sql) => queryUnmatched(t.project.db, sql, { offset: 0, limit: 50, sort: [], filter: {} }, 'Asia/Shanghai'));
  return page.rows.find((r) => r.kind === kind && r.row_number === row)?.reason;
};

describe('identity: keys of several people', () => {
  it('never ties a phone two people share, and says why', async () => {
    expect(await matchOf('orders', 2)).toMatchObject({ pid: null });
    expect(await reasonOf('orders', 2)).toBe(unmatchedReasons.phoneShared);
  });

  it('ties a phone and a unionid that several rows give to one person', async () => {
    expect(await matchOf('orders', 3)).toMatchObject({ pid: 'p5', matched_by: 'phone' });
    expect(await matchOf('churn', 3)).toMatchObject({ pid: 'p5', matched_by: 'unionid' });
  });

  it('never ties a unionid two people share', async () => {
    expect(await matchOf('churn', 2)).toMatchObject({ pid: null });
  });

  it('does not tie a phone whose customer row names nobody, and says why', async () => {
    expect(await matchOf('orders', 4)).toMatchObject({ pid: null });
    expect(await reasonOf('orders', 4)).toBe(unmatchedReasons.customerWithoutId);
  });
});

describe('identity: the list of unmatched rows', () => {
  const unmatched = () => t.project.db.use((sql) => queryUnmatched(t.project.db, sql, { offset: 0, limit: 50, sort: [], filter: {} }, 'Asia/Shanghai'));
  const byPhone = async (phone: string) => (await unmatched()).rows.filter((r) => r.phone === phone).map((r) => [r.kind, r.reason]);

  it('follows the data: an order added after the list was read is listed, and one a customer row now ties is not', async () => {
    const before = await unmatched();
    expect(await byPhone('13800000022')).toEqual([
      ['customers', unmatchedReasons.phoneMatchesNobody],
      ['orders', unmatchedReasons.customerWithoutId],
    ]);
    await insertOrders(t.project, [{ orderNo: 'o4', paidAt: '2024-01-04 10:00:00+08', paid: 10, buyerPhone: '13800000099' }], 9);
    expect(await byPhone('13800000099')).toEqual([['orders', unmatchedReasons.phoneNotInCustomers]]);
    expect((await unmatched()).total).toBe(before.total + 1);
    // A customer row ties the phone of order o3 to p1: o3 is tied now, and so is the row without an id.
    await insertCustomers(t.project, [{ externalUserid: 'p1', phone: '13800000022' }], 9);
    expect(await byPhone('13800000022')).toEqual([]);
  });
});
