/**
 * How fast the quadrant answers on a large project (issue 5: under 300 ms for 100,000 people,
 * 2,000,000 messages, 50,000 orders). A measuring script, not a test — run it by hand:
 *
 *   npx tsx test/analysis/quadrant/quadrantScale.ts
 *
 * It fills a temp project by SQL (no import), then times:
 * - the first quadrant:query, which computes the feature table (featuresCache.ts);
 * - quadrant:query once the feature table is cached (what every edit of the grids costs),
 *   median of 5 after one warm-up, in score and rule mode and for a scope of three groups;
 * - the answer alone over the kept table of everyone's values (quadrantResult.ts), without the API around it.
 */
import os from 'node:os';
import path from 'node:path';
import { createContext } from '../../../src-main/api/context';
import { inProcessClient, unwrap } from '../../../src-main/api/dispatch';
import { createHandlers } from '../../../src-main/api/handlers';
import { defaultQuadrant } from '../../../src-main/db/definitionDefaults';
import { featuresTable } from '../../../src-main/analysis/features/featuresCache';
import { queryQuadrant } from '../../../src-main/analysis/quadrant/quadrantResult';
import { tempPaths } from '../../support/tempDirs';
import { tempProject } from '../../support/projectFixture';

const PEOPLE = 100_000;
const MESSAGES = 2_000_000;
const ORDERS = 50_000;
const GROUPS = 40;

/** A member id shaped like a WeCom external_userid (32 characters), and a nickname longer than 12 bytes. */
const idOf = (n: string) => `'wm' || substr(md5(CAST(${n} AS VARCHAR)), 1, 30)`;
const nameOf = (n: string) => `'社群成员' || ${n}`;

async function time(fn: () => Promise<unknown>, runs = 5): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const t = await tempProject();
try {
  const t0 = performance.now();
  await t.project.db.use(async (sql) => {
    // Deterministic pseudo-random spread by hashing the row number.
    await sql.run(`
      INSERT INTO memberships (group_name, member_id, member_name, join_time, leave_time, import_id)
      SELECT 'G' || (hash(i) % ${GROUPS}), ${idOf('i')}, ${nameOf('i')},
             TIMESTAMPTZ '2025-01-01 00:00:00+08' + to_seconds(CAST(hash(i * 7) % 31536000 AS BIGINT)),
             CASE WHEN hash(i * 3) % 10 = 0 THEN TIMESTAMPTZ '2026-01-02 00:00:00+08' END, 1
      FROM range(${PEOPLE}) r(i)`);
    await sql.run(`
      INSERT INTO messages (row_key, sender_id, sender_name, group_name, sent_at, msg_type, content, import_id)
      SELECT 'm' || i, ${idOf(`hash(i) % ${PEOPLE}`)}, NULL, 'G' || (hash(hash(i) % ${PEOPLE}) % ${GROUPS}),
             TIMESTAMPTZ '2025-01-01 00:00:00+08' + to_seconds(CAST(hash(i * 5) % 31536000 AS BIGINT)), 'text', '你好', 1
      FROM range(${MESSAGES}) r(i)`);
    await sql.run(`
      INSERT INTO customers (row_key, customer_name, external_userid, phone, is_phone_masked, import_id)
      SELECT 'c' || i, '客户' || i, ${idOf('i')}, '138' || lpad(CAST(i AS VARCHAR), 8, '0'), false, 2
      FROM range(${ORDERS}) r(i)`);
    await sql.run(`
      INSERT INTO orders (row_key, order_no, status, paid_at, paid_amount, refunded_amount, buyer_phone, is_phone_masked, import_id)
      SELECT 'o' || i, 'o' || i, '已完成', TIMESTAMPTZ '2025-01-01 00:00:00+08' + to_seconds(CAST(hash(i * 11) % 31536000 AS BIGINT)),
             CAST(10 + hash(i) % 500 AS DECIMAL(18, 2)), 0, '138' || lpad(CAST(hash(i * 13) % ${ORDERS} AS VARCHAR), 8, '0'), false, 3
      FROM range(${ORDERS}) r(i)`);
  });
  console.log(`filled in ${Math.round(performance.now() - t0)} ms`);

  const def = defaultQuadrant();
  const rule = { ...def, mode: 'rule' as const };
  const out: Record<string, number> = {};
  // repoRoot given explicitly: tempPaths' default uses __dirname, which tsx's ESM mode lacks.
  const ctx = createContext('test', tempPaths(t.dir, path.resolve(import.meta.dirname, '../../..')));
  ctx.project = t.project;
  const call = inProcessClient(createHandlers(ctx));
  const cold = performance.now();
  unwrap(await call('quadrant:query', { quadrant: def }));
  out.firstQueryMs = performance.now() - cold;
  out.queryScoreMs = await time(async () => unwrap(await call('quadrant:query', { quadrant: def })));
  out.queryRuleMs = await time(async () => unwrap(await call('quadrant:query', { quadrant: rule })));
  out.queryScopedMs = await time(async () => unwrap(await call('quadrant:query', { quadrant: def, groups: ['G1', 'G2', 'G3'] })));
  await t.project.db.use(async (sql) => {
    const table = await featuresTable(sql, { timeZone: 'Asia/Shanghai' });
    // The answer over the kept table of everyone's values, without the API around it.
    out.keptTableOnlyMs = await time(() => queryQuadrant(t.project.db, sql, def, table));
  });
  const r = unwrap(await call('quadrant:query', { quadrant: def }));
  console.log(`people: ${r.total}, ${r.scatter.kind}, counts: ${r.counts.map((c) => `${c.label} ${c.count}`).join(', ')}`);
  console.log(`JSON size of the answer: ${(JSON.stringify(r).length / 1e6).toFixed(1)} MB`);
  console.log(Object.fromEntries(Object.entries(out).map(([k, v]) => [k, Math.round(v)])));
  // Other work on the machine slows every figure: say how busy it was.
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
} finally {
  await t.dispose();
}
