import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeImport } from '../../../src-main/db/importStore';
import type { OpenProject } from '../../../src-main/db/projectFile';
import { memberships, tempProject } from '../helpers';
import { importRows } from './kindHelpers';

let env: Awaited<ReturnType<typeof tempProject>>;
let fresh: Awaited<ReturnType<typeof tempProject>>;
let project: OpenProject;
beforeEach(async () => {
  env = await tempProject();
  fresh = await tempProject();
  project = env.project;
});
afterEach(async () => {
  await env.cleanup();
  await fresh.cleanup();
});

const TABLES = ['memberships', 'messages', 'customers', 'orders', 'order_items', 'churn_events', 'import_rows', 'row_updates', 'imports'];

/** Row counts of the data and bookkeeping tables. */
async function counts(p: OpenProject) {
  const [r] = await p.db.all<Record<string, number>>(`SELECT ${TABLES.map((t) => `(SELECT count(*) FROM ${t})::INTEGER AS ${t}`).join(', ')}`);
  return r;
}

const remove = (importId: number) => project.db.transaction((sql) => removeImport(sql, importId));

const memberHeader = ['群名称', '群成员昵称', '成员ID', '入群时间', '退群时间', '退群方式'];
const weekA = [memberHeader, ['g', 'a', 'id1', '2026-09-01 08:00:00'], ['g', 'b', 'id2', '2026-09-02 08:00:00']];
const weekB = [
  memberHeader,
  ['g', 'a', 'id1', '2026-09-01 08:00:00', '2026-09-08 10:00:00', '自己退群'],
  ['g', 'b', 'id2', '2026-09-02 08:00:00'],
  ['g', 'c', 'id3', '2026-09-09 08:00:00'],
];

const orderHeader = ['订单号', '订单状态', '订单实付金额', '订单已退款金额', '订单退款状态', '买家手机号'];
const ordersA = [orderHeader, ['E001', '已发货', '100', '0', '无退款', '13800138000'], ['E002', '交易成功', '50', '0', '无退款', '186******05']];
const ordersB = [orderHeader, ['E001', '交易关闭', '100', '100', '退款成功', '13800138000'], ['E003', '交易成功', '20', '0', '', '']];

describe('removing an import', () => {
  it('keeps the rows a later overlapping export also contained, as if only that export had been imported', async () => {
    const a = await importRows(project, env.dir, weekA);
    const b = await importRows(project, env.dir, weekB);
    const oa = await importRows(project, env.dir, ordersA);
    const ob = await importRows(project, env.dir, ordersB);
    await remove(a.importId);
    await remove(oa.importId);
    await importRows(fresh.project, fresh.dir, weekB);
    await importRows(fresh.project, fresh.dir, ordersB);
    expect(await counts(project)).toEqual(await counts(fresh.project));
    expect(await memberships(project)).toEqual(await memberships(fresh.project));
    const orders = `SELECT order_no, status, refunded_amount::VARCHAR AS refunded, refund_status FROM orders ORDER BY order_no`;
    expect(await project.db.all(orders)).toEqual(await fresh.project.db.all(orders));
    // The rows now belong to the export that remains.
    const owners = await project.db.all<{ import_id: number }>(`SELECT DISTINCT import_id FROM memberships UNION SELECT DISTINCT import_id FROM orders ORDER BY 1`);
    expect(owners.map((o) => o.import_id)).toEqual([b.importId, ob.importId]);
  });

  it('reopens the membership spell whose leave the removed import filled in, and drops only its new spells', async () => {
    await importRows(project, env.dir, weekA);
    const b = await importRows(project, env.dir, weekB);
    await remove(b.importId);
    expect((await memberships(project)).map((m) => [m.member_id, m.leave_time, m.leave_way])).toEqual([
      ['id1', null, null],
      ['id2', null, null],
    ]);
    await importRows(fresh.project, fresh.dir, weekA);
    expect(await counts(project)).toEqual(await counts(fresh.project));
  });

  it('restores the order status and refund a removed later export had overwritten', async () => {
    await importRows(project, env.dir, ordersA);
    const b = await importRows(project, env.dir, ordersB);
    await remove(b.importId);
    expect(await project.db.all(`SELECT order_no, status, refunded_amount::VARCHAR AS refunded, refund_status FROM orders ORDER BY order_no`)).toEqual([
      { order_no: 'E001', status: '已发货', refunded: '0.00', refund_status: '无退款' },
      { order_no: 'E002', status: '交易成功', refunded: '0.00', refund_status: '无退款' },
    ]);
    await importRows(fresh.project, fresh.dir, ordersA);
    expect(await counts(project)).toEqual(await counts(fresh.project));
  });

  it('removing a middle overwrite hands its old values to the later one, so removing both restores the first', async () => {
    const header = ['订单号', '订单状态'];
    await importRows(project, env.dir, [header, ['E001', '待发货']]);
    const b = await importRows(project, env.dir, [header, ['E001', '已发货']]);
    const c = await importRows(project, env.dir, [header, ['E001', '交易成功']]);
    await remove(b.importId);
    expect(await project.db.all(`SELECT status FROM orders`)).toEqual([{ status: '交易成功' }]);
    await remove(c.importId);
    expect(await project.db.all(`SELECT status FROM orders`)).toEqual([{ status: '待发货' }]);
  });

  it('removing every import empties the project', async () => {
    const ids = [];
    for (const rows of [weekA, weekB, ordersA, ordersB]) ids.push((await importRows(project, env.dir, rows)).importId);
    for (const id of ids) await remove(id);
    expect(Object.values(await counts(project)).every((n) => n === 0)).toBe(true);
  });
});
