import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryUnmatched } from '../../../src-main/analysis/base/unmatchedList';
import { queryMetrics } from '../../../src-main/analysis/metrics/metricsQueries';
import { tempProject, type TempProject } from '../../support/projectFixture';

/**
 * 100k people in 20 groups, a customer list for 90k of them and 50k orders: identity and the
 * conversions answer at this size (how fast is the bench's to say: `npm run bench`, never a timed
 * assertion here). Generated in SQL, so the setup is quick.
 */
let t: TempProject;
beforeAll(async () => {
  t = await tempProject();
  await t.project.db.use(async (sql) => {
    await sql.run(`INSERT INTO memberships (group_name, member_id, member_name, join_time, leave_time, import_id)
      SELECT 'G' || (i % 20), 'u' || i, 'n' || i, TIMESTAMPTZ '2024-01-01 00:00:00+08' + INTERVAL (i % 120) DAY + INTERVAL (i % 86400) SECOND,
             CASE WHEN i % 7 = 0 THEN TIMESTAMPTZ '2024-03-01 00:00:00+08' + INTERVAL (i % 90) DAY END, 1
      FROM range(100000) r(i)`);
    await sql.run(`INSERT INTO customers (row_key, customer_name, external_userid, phone, is_phone_masked, import_id, source_row)
      SELECT 'c' || i, 'n' || i, 'u' || i, CAST(13800000000 + i AS VARCHAR), i % 50 = 0, 1, i + 2 FROM range(90000) r(i)`);
    await sql.run(`INSERT INTO orders (row_key, order_no, paid_at, paid_amount, refunded_amount, buyer_phone, is_phone_masked, import_id, source_row)
      SELECT 'o' || i, 'N' || i, TIMESTAMPTZ '2024-01-01 00:00:00+08' + INTERVAL (i % 200) DAY + INTERVAL (i % 3600) SECOND,
             CAST((i % 1000) + 0.5 AS DECIMAL(18, 2)), CASE WHEN i % 10 = 0 THEN CAST((i % 1000) + 0.5 AS DECIMAL(18, 2)) ELSE 0 END,
             CAST(13800000000 + (i * 37) % 110000 AS VARCHAR), false, 2, i + 2
      FROM range(50000) r(i)`);
  });
}, 60_000);
afterAll(async () => t?.dispose());

describe('identity and conversions at scale', () => {
  it('computes daily metrics with conversions for 100k people and 50k orders', async () => {
    const rows = await t.project.db.use((sql) => queryMetrics(sql, { period: 'day', timeZone: 'Asia/Shanghai' }));
    expect(rows.length).toBeGreaterThanOrEqual(200);
    expect(rows.some((r) => r.converted_members > 0 && r.gmv > 0)).toBe(true);
  });

  it('pages the unmatched rows', async () => {
    const page = await t.project.db.use((sql) =>
      queryUnmatched(t.project.db, sql, { offset: 0, limit: 100, sort: [{ colId: 'reason', sort: 'asc' }], filter: {} }, 'Asia/Shanghai'),
    );
    expect(page.total).toBeGreaterThan(1000);
  });
});
