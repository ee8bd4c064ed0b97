import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessClient } from '../../../src-main/api/dispatch';
import { queryMatches } from '../../../src-main/analysis/base/identity';
import { insertCustomers, insertImport, insertMessages, insertOrders, insertSpells, tempProject, type TempProject } from '../../support/projectFixture';
import { projectClient } from '../../support/projectClient';

/**
 * People: ann, ben, cat (group A, ids are external userids), oU-dora (a member whose id is a
 * unionid), and two members both nicknamed 小明 (ids xm1, xm2). Customer list (import 1,
 * 客户列表.xlsx, rows 2…): ann with unionid U-ann and phone 13800000001, ben with phone
 * 13800000002, cat with a masked phone, a contact who never joined a group (ext-stranger, a person
 * of their own, DESIGN §3), a row without any key and a unionid-only row of a member.
 */
let t: TempProject;
let call: ReturnType<typeof inProcessClient>;

const matches = async () => t.project.db.use((sql) => queryMatches(sql));
const matchOf = async (kind: string, row: number) => (await matches()).find((m) => m.kind === kind && m.source_row === row);

beforeAll(async () => {
  t = await tempProject();
  await insertSpells(t.project, [
    { group: 'A', id: 'ann', name: '安', join: '2024-01-01 09:00:00+08' },
    { group: 'A', id: 'ben', name: '本', join: '2024-01-01 09:00:00+08' },
    { group: 'A', id: 'cat', name: '猫', join: '2024-01-01 09:00:00+08' },
    { group: 'A', id: 'xm1', name: '小明', join: '2024-01-01 09:00:00+08' },
    { group: 'B', id: 'xm2', name: '小明', join: '2024-01-01 09:00:00+08' },
  ]);
  await insertMessages(t.project, [{ id: 'oU-dora', group: 'A', at: '2024-01-02 09:00:00+08' }]);
  await insertImport(t.project, 1, '客户列表.xlsx', 'customers');
  await insertImport(t.project, 2, '订单.xlsx', 'orders');
  await insertCustomers(t.project, [
    { name: '安', externalUserid: 'ann', unionid: 'U-ann', phone: '13800000001' }, // row 2
    { name: '本', externalUserid: 'ben', phone: '13800000002' }, // row 3
    { name: '猫', externalUserid: 'cat', phone: '138****0003', isPhoneMasked: true }, // row 4
    { name: '陌生人', externalUserid: 'ext-stranger', phone: '13900000009' }, // row 5: a contact in no group
    { name: '无键', externalUserid: null }, // row 6: no key at all
    { name: '朵拉', unionid: 'oU-dora' }, // row 7: unionid that is a member id
  ]);
  await insertOrders(t.project, [
    { orderNo: 'n1', paidAt: '2024-01-03 10:00:00+08', paid: 10, buyerPhone: '+86 138-0000-0002' }, // row 2: ben by phone
    { orderNo: 'n2', paidAt: '2024-01-03 10:00:00+08', paid: 10, buyerPhone: '138****0001', isPhoneMasked: true, buyerName: '安' }, // row 3
    { orderNo: 'n3', paidAt: '2024-01-03 10:00:00+08', paid: 10, buyerPhone: '13800000003', buyerName: '猫' }, // row 4: cat's list phone is masked
    { orderNo: 'n4', paidAt: '2024-01-03 10:00:00+08', paid: 10, buyerPhone: '13700000000' }, // row 5: phone nobody has
    { orderNo: 'n5', paidAt: '2024-01-03 10:00:00+08', paid: 10, buyerPhone: '13900000009' }, // row 6: the contact in no group
    { orderNo: 'n6', paidAt: '2024-01-03 10:00:00+08', paid: 10, buyerName: '小明' }, // row 7: shared nickname
    { orderNo: 'n7', paidAt: '2024-01-03 10:00:00+08', paid: 10, buyerPhone: '138****0002' }, // row 8: masked but unflagged
  ]);
  // Churn and survey rows exercise the order of the rules.
  await t.project.db.use(async (sql) => {
    await sql.run(
      `INSERT INTO churn_events (row_key, customer_name, external_userid, unionid, phone, is_phone_masked, import_id, source_row) VALUES
       ('k1', '安', 'ann', 'oU-dora', '13800000002', false, 3, 2),  -- all three keys, each of someone else: userid wins
       ('k2', '某', NULL, 'U-ann', '13800000002', false, 3, 3),     -- unionid (via the customer list) before phone
       ('k3', '某', NULL, NULL, '13800000002', false, 3, 4),        -- phone
       ('k4', '某', 'gone', NULL, NULL, false, 3, 5)`,             // unknown userid
    );
    await sql.run(
      `INSERT INTO survey_responses (row_key, respondent_name, external_userid, unionid, phone, is_phone_masked, import_id, source_row) VALUES
       ('s1', '朵拉', NULL, 'oU-dora', NULL, false, 4, 2),           -- unionid that is itself a member id
       ('s2', '本', NULL, NULL, NULL, false, 4, 3)`, // nickname only
    );
  });
  call = projectClient(t);
});
afterAll(async () => t?.dispose());

describe('identity rules', () => {
  it('prefers the external userid over unionid and phone', async () => {
    expect(await matchOf('churn', 2)).toMatchObject({ pid: 'ann', matched_by: 'external_userid' });
  });

  it('uses the unionid before the phone, through the customer list or as a member id', async () => {
    expect(await matchOf('churn', 3)).toMatchObject({ pid: 'ann', matched_by: 'unionid' });
    expect(await matchOf('survey', 2)).toMatchObject({ pid: 'oU-dora', matched_by: 'unionid' });
    expect(await matchOf('customers', 7)).toMatchObject({ pid: 'oU-dora', matched_by: 'unionid' });
  });

  it('ties a full phone through the customer list, whatever its punctuation', async () => {
    expect(await matchOf('churn', 4)).toMatchObject({ pid: 'ben', matched_by: 'phone' });
    expect(await matchOf('orders', 2)).toMatchObject({ pid: 'ben', matched_by: 'phone' });
  });

  it('makes a contact who never joined a group a person of its own, whom its orders reach by phone', async () => {
    expect(await matchOf('customers', 5)).toMatchObject({ pid: 'ext-stranger', matched_by: 'external_userid' });
    expect(await matchOf('orders', 6)).toMatchObject({ pid: 'ext-stranger', matched_by: 'phone' });
    // A row with no key at all makes no person; a unionid-only row of a member stays that member.
    expect(await matchOf('customers', 6)).toMatchObject({ pid: null });
    const people = await t.project.db.use((sql) => sql.all<{ pid: string }>(`SELECT pid FROM qx_derived.id_people ORDER BY pid`));
    expect(people.map((p) => p.pid)).toEqual(['ann', 'ben', 'cat', 'ext-stranger', 'oU-dora', 'xm1', 'xm2']);
  });

  it('never matches a masked phone, flagged or not, on either side', async () => {
    expect(await matchOf('orders', 3)).toMatchObject({ pid: null });
    expect(await matchOf('orders', 4)).toMatchObject({ pid: null }); // cat's phone is masked in the customer list
    expect(await matchOf('orders', 8)).toMatchObject({ pid: null });
  });

  it('matches nicknames only when the project allows it, and never a shared one', async () => {
    expect(await matchOf('survey', 3)).toMatchObject({ pid: null });
    const on = await call('identity:settings', { allowNicknameMatch: true });
    expect(on.ok && on.value).toEqual({ allowNicknameMatch: true });
    try {
      expect(await matchOf('survey', 3)).toMatchObject({ pid: 'ben', matched_by: 'nickname' });
      expect(await matchOf('orders', 4)).toMatchObject({ pid: 'cat', matched_by: 'nickname' });
      expect(await matchOf('orders', 7)).toMatchObject({ pid: null }); // 小明 is two people
    } finally {
      await call('identity:settings', { allowNicknameMatch: false });
    }
    const off = await call('identity:settings', {});
    expect(off.ok && off.value).toEqual({ allowNicknameMatch: false });
    expect(await matchOf('survey', 3)).toMatchObject({ pid: null });
  });
});

describe('identity:unmatched', () => {
  it('lists every row that matched nobody with its file, row and reason', async () => {
    const r = await call('identity:unmatched', { offset: 0, limit: 100, sort: [{ colId: 'row_number', sort: 'asc' }], filter: {} });
    if (!r.ok) throw new Error(r.error.message);
    const byKey = (kind: string, row: number) => r.value.rows.find((x) => x.kind === kind && x.row_number === row);
    expect(r.value.total).toBe(8);
    expect(r.value.rows).toHaveLength(8);
    expect(byKey('customers', 6)).toEqual({
      kind: 'customers',
      file_name: '客户列表.xlsx',
      row_number: 6,
      name: '无键',
      phone: null,
      reason: '没有 external_userid、unionid 或手机号',
    });
    // The contact in no group and the order of its phone are matched (see 'identity rules').
    expect([byKey('customers', 5), byKey('orders', 6)]).toEqual([undefined, undefined]);
    expect(byKey('orders', 3)).toMatchObject({ file_name: '订单.xlsx', name: '安', phone: '138****0001', reason: '手机号已打码' });
    expect(byKey('orders', 8)?.reason).toBe('手机号已打码');
    expect(byKey('orders', 4)?.reason).toBe('客户列表中没有这个手机号');
    expect(byKey('orders', 5)?.reason).toBe('客户列表中没有这个手机号');
    expect(byKey('orders', 7)?.reason).toBe('没有 external_userid、unionid 或手机号');
    expect(byKey('churn', 5)).toMatchObject({ file_name: '', reason: 'external_userid / unionid 不在群成员或客户列表中' });
    expect(byKey('survey', 3)).toBeDefined();
  });

  it('without a sort, lists rows the way the files read: by kind, file and row number', async () => {
    const r = await call('identity:unmatched', { offset: 0, limit: 100, sort: [], filter: {} });
    if (!r.ok) throw new Error(r.error.message);
    const keys = r.value.rows.map((x) => [x.kind, x.file_name, x.row_number] as const);
    const sorted = [...keys].sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]) || (a[2] ?? Infinity) - (b[2] ?? Infinity));
    expect(keys).toEqual(sorted);
    expect(keys.filter((k) => k[0] === 'orders').map((k) => k[2])).toEqual([3, 4, 5, 7, 8]);
  });

  it('pages, sorts and filters like the data grids', async () => {
    const page = await call('identity:unmatched', {
      offset: 1,
      limit: 2,
      sort: [{ colId: 'row_number', sort: 'desc' }],
      filter: { kind: { filterType: 'text', type: 'equals', filter: 'orders' } },
    });
    if (!page.ok) throw new Error(page.error.message);
    expect(page.value.total).toBe(5);
    expect(page.value.rows.map((x) => x.row_number)).toEqual([7, 5]);
    const byReason = await call('identity:unmatched', { offset: 0, limit: 50, sort: [], filter: { reason: { filterType: 'text', type: 'contains', filter: '打码' } } });
    expect(byReason.ok && byReason.value.total).toBe(2);
    const byRow = await call('identity:unmatched', { offset: 0, limit: 50, sort: [], filter: { row_number: { filterType: 'text', type: 'equals', filter: '5' } } });
    expect(byRow.ok && byRow.value.rows.map((x) => x.kind).sort()).toEqual(['churn', 'orders']);
    const bad = await call('identity:unmatched', { offset: 0, limit: 50, sort: [{ colId: 'rid', sort: 'asc' }], filter: {} });
    expect(bad.ok ? null : bad.error.code).toBe('INVALID_REQUEST');
  });
});
