// A year of a community written straight into a project with SQL, for the analyses bench: no
// export files, no importer, so 100,000 people and 2,000,000 messages take seconds, not minutes.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { closeProjectFile, createProjectFile } from '../src-main/db/projectFile';
import { MEMBERSHIP_KEY, FORMAT_VERSION, fillContentNfkc } from '../src-main/db/schema';
import type { Sql } from '../src-main/db/projectDb';
import { withDerivedTables } from '../src-main/analysis/base/derivedTables';
import { BACKUP_SUFFIX } from '../src-main/db/projectIntegrity';

/** Sizes of a generated project. */
export interface ProjectSizes {
  /** People who join a group (member ids). */
  people: number;
  messages: number;
  orders: number;
  groups: number;
}

/** The sizes the issue states (100,000 people, 2,000,000 messages, 50,000 orders, 20 groups). */
export const FULL_SIZES: ProjectSizes = { people: 100_000, messages: 2_000_000, orders: 50_000, groups: 20 };

/** A tenth of {@link FULL_SIZES} (`--quick`), with the same 20 groups. */
export const QUICK_SIZES: ProjectSizes = { people: 10_000, messages: 200_000, orders: 5_000, groups: 20 };

/** A large brand's year (issue 16, `--size L`): 1,000,000 people, 20,000,000 messages, 500,000 orders, 200 groups. */
export const LARGE_SIZES: ProjectSizes = { people: 1_000_000, messages: 20_000_000, orders: 500_000, groups: 200 };

/** The sizes `npm run bench -- --size quick|M|L` names. */
export const SIZES_BY_NAME = { quick: QUICK_SIZES, M: FULL_SIZES, L: LARGE_SIZES } as const satisfies Record<string, ProjectSizes>;

/** Name of a group of the generated project: 社群01群 … (three digits past 99 groups, so 200 groups stay distinct). */
export function groupName(g: number, s: ProjectSizes): string {
  return `社群${String(g).padStart(groupDigits(s), '0')}群`;
}

function groupDigits(s: ProjectSizes): number {
  return s.groups > 99 ? 3 : 2;
}

/** Bumped whenever the generated data change, so a cached project of an older generator is not reused. */
const GENERATOR_VERSION = 1;

/** First local day of the generated year (Monday 2025-11-17, Asia/Shanghai). */
export const YEAR_START = '2025-11-17 00:00:00+08';
const DAY = 86_400;
const YEAR = 365 * DAY;

/** File name of the cached project of these sizes (generator and format versions included). */
export function projectFileName(s: ProjectSizes): string {
  return `analyses-g${GENERATOR_VERSION}-f${FORMAT_VERSION}-${s.people}p-${s.messages}m-${s.orders}o-${s.groups}g.qunxi`;
}

/**
 * The project of these sizes under `dir`, generated when it is not there yet. Built under a
 * temporary name and renamed when complete, so an interrupted run never leaves half a project.
 */
export async function ensureProject(dir: string, sizes: ProjectSizes, log: (line: string) => void = () => undefined): Promise<string> {
  const file = path.join(dir, projectFileName(sizes));
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  const tmp = `${file}.generating.qunxi`;
  rmSync(tmp, { force: true });
  rmSync(`${tmp}.wal`, { force: true });
  const started = performance.now();
  await generateProject(tmp, sizes);
  renameSync(tmp, file);
  // The last good copy the project's first open left beside the temporary name (projectIntegrity.ts).
  rmSync(`${tmp}${BACKUP_SUFFIX}`, { force: true });
  log(`generated ${path.basename(file)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return file;
}

/**
 * A copy in `work` (emptied first) of the project of `sizes` cached in `dir` (made there first when
 * missing), for a bench of its own: another bench may hold the cached project open.
 */
export async function copyOfProject(dir: string, work: string, sizes: ProjectSizes, log: (line: string) => void): Promise<string> {
  const cached = await ensureProject(dir, sizes, log);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const file = path.join(work, path.basename(cached));
  copyFileSync(cached, file);
  return file;
}

/** Creates a project with the real code and fills it in SQL (see {@link fillProject}). */
export async function generateProject(file: string, sizes: ProjectSizes): Promise<void> {
  const project = await createProjectFile(file, 'Asia/Shanghai', withDerivedTables);
  try {
    await project.db.transaction((sql) => fillProject(sql, sizes));
  } finally {
    await closeProjectFile(project);
  }
}

/**
 * Fills an empty project. Randomness is a hash of (salt, row number) rather than `random()` after
 * `setseed`: DuckDB runs INSERT … SELECT on several threads, each with its own random state, so
 * only a hash of the row makes the same sizes give the same data on every machine and run.
 *
 * Shape, over one year from {@link YEAR_START}, more people joining as the year goes on:
 * - memberships: every person joins one of `groups` groups; 30% leave it within 90 days, 40% of
 *   those re-join the same group within 30 days; 30% of people also join a second group (25% of
 *   those leave it); a fifth were invited by an earlier member (referrals);
 * - messages: 95% in the sender's first group while a member there, 5% at any time of the year
 *   (some after leaving), 5% one-to-one; a few people write most (activity is skewed); types and
 *   texts the default key behaviours match (打卡, 接龙, 红包, #话题, 报名 …);
 * - customers: 90% of the people, added by one of 8 staff up to 14 days before joining, with add
 *   way, channel, channel QR code and tags; 3% also added by a second staff member; plus 5% of
 *   `people` customers who never join a group;
 * - orders: buyers skewed towards the active people, tied by phone through the customer list (2%
 *   masked, which cannot match); 85% paid while a member; 3% unpaid, 8% refunded in full, 5% in part;
 * - churn_events (8% of people), ad_costs (6 channels × 365 days), 公众号 daily follows, a survey
 *   answered by 10% of people, and one `imports` row per kind.
 */
export async function fillProject(sql: Sql, s: ProjectSizes): Promise<void> {
  const P = s.people;
  // u(i, salt): uniform in [0, 1) from the top 53 bits of a hash of the row number offset by the
  // salt's hash (DuckDB's hash(i, salt) combines its arguments so that u(i, 'a') and u(i, 'b')
  // correlate; hashing a string per call is four times slower); pick(list, i, salt): one element.
  await sql.run(`CREATE OR REPLACE TEMP MACRO u(i, salt) AS CAST(hash(i + hash(salt) % 4294967296) >> 11 AS DOUBLE) / 9007199254740992.0`);
  await sql.run(`CREATE OR REPLACE TEMP MACRO pick(xs, i, salt) AS xs[1 + CAST(floor(u(i, salt) * len(xs)) AS INTEGER)]`);
  // Epoch seconds to TIMESTAMPTZ; make_timestamptz of microseconds is twice as fast as to_timestamp.
  await sql.run(`CREATE OR REPLACE TEMP MACRO ts(x) AS make_timestamptz(CAST(floor(x) * 1000000 AS BIGINT))`);
  await sql.run(`CREATE OR REPLACE TEMP MACRO grp(g) AS '社群' || lpad(CAST(g AS VARCHAR), ${groupDigits(s)}, '0') || '群'`);
  const t0 = `epoch(TIMESTAMPTZ '${YEAR_START}')`;
  const end = `(${t0} + ${YEAR - 1})`;

  // One row per person: first group and spell, the second group, a re-join.
  await sql.run(`
    CREATE TEMP TABLE bench_people AS
    WITH base AS (
      SELECT i, 'wm' || lpad(CAST(i AS VARCHAR), 7, '0') AS pid,
             1 + CAST(floor(u(i, 'g1') * ${s.groups}) AS INTEGER) AS g1,
             -- sqrt: joins grow over the year, as a community does
             ${t0} + floor(sqrt(u(i, 'j1')) * ${YEAR - DAY}) AS j1,
             u(i, 'l1') < 0.3 AS has_leave1,
             u(i, 'g2') < 0.3 AS has_g2,
             u(i, 'rj') < 0.4 AS has_rejoin
      FROM range(1, ${P + 1}) r(i)
    )
    SELECT *,
           CASE WHEN has_leave1 THEN least(j1 + ${DAY} + floor(u(i, 'l1d') * ${89 * DAY}), ${end}) END AS l1,
           1 + (g1 + CAST(floor(u(i, 'g2g') * ${s.groups - 1}) AS INTEGER)) % ${s.groups} AS g2,
           j1 + floor(u(i, 'j2') * ${120 * DAY}) AS j2
    FROM base`);

  const joinWays = `['由群成员邀请入群', '通过扫描群二维码入群', '直接邀请入群', '邀请链接入群']`;
  const inviter = `CASE WHEN u(i, 'inv') < 0.2 AND i > 1 THEN 'wm' || lpad(CAST(greatest(1, i - 1 - CAST(floor(u(i, 'invn') * 1000) AS INTEGER)) AS VARCHAR), 7, '0') END`;
  const leaveWay = (salt: string) => `CASE WHEN u(i, '${salt}') < 0.1 THEN '被移出' ELSE '自己退群' END`;
  await sql.run(`
    INSERT INTO memberships (group_name, member_id, member_name, member_type, join_time, join_way, inviter, leave_time, leave_way, import_id, source_row)
    SELECT grp(g1), pid, '用户' || i, '外部联系人', ts(j1), pick(${joinWays}, i, 'jw'), ${inviter},
           ts(l1), CASE WHEN l1 IS NOT NULL THEN ${leaveWay('lw1')} END, 1, CAST(i AS INTEGER)
    FROM bench_people
    UNION ALL
    SELECT grp(g2), pid, '用户' || i, '外部联系人', ts(j2), pick(${joinWays}, i, 'jw2'), NULL,
           CASE WHEN u(i, 'l2') < 0.25 THEN ts(least(j2 + ${DAY} + floor(u(i, 'l2d') * ${59 * DAY}), ${end})) END,
           NULL, 1, NULL
    FROM bench_people WHERE has_g2 AND j2 < ${end}
    UNION ALL
    SELECT grp(g1), pid, '用户' || i, '外部联系人', ts(l1 + ${DAY} + floor(u(i, 'rjd') * ${29 * DAY})), '通过扫描群二维码入群', NULL,
           NULL, NULL, 1, NULL
    FROM bench_people WHERE has_leave1 AND has_rejoin AND l1 + ${DAY} * 31 < ${end}`);
  await sql.run(`UPDATE memberships SET leave_way = '自己退群' WHERE leave_time IS NOT NULL AND leave_way IS NULL`);
  await sql.run(`UPDATE memberships SET row_key = ${MEMBERSHIP_KEY}`);

  // Who writes: person index skewed towards low numbers (u^2.5), so a few people write most.
  const types = `['text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'image', 'image', 'redpacket', '打卡', '打卡', '接龙', 'vote']`;
  const texts = `['好的', '谢谢分享', '请问怎么下单？', '多少钱', '#今日话题# 我也来说说', '报名+1', '想要', '打卡第3天', '接龙 +1', '收到', '哈哈哈', '这个怎么用']`;
  await sql.run(`
    INSERT INTO messages (row_key, sender_id, sender_name, group_name, sent_at, msg_type, content, import_id, source_row)
    SELECT 'm' || m.i, p.pid, '用户' || p.i,
           CASE WHEN u(m.i, 'pm') < 0.05 THEN NULL ELSE grp(p.g1) END,
           ts(CASE WHEN u(m.i, 'out') < 0.05 THEN ${t0} + u(m.i, 'ta') * ${YEAR - 1}
                   ELSE p.j1 + u(m.i, 't') * (coalesce(p.l1, ${end}) - p.j1) END),
           pick(${types}, m.i, 'ty'),
           pick(${texts}, m.i, 'tx'),
           2, CAST(m.i AS INTEGER)
    FROM range(1, ${s.messages + 1}) m(i)
    JOIN bench_people p ON p.i = 1 + CAST(floor(pow(u(m.i, 'who'), 2.5) * ${P}) AS BIGINT)`);
  // As the importer stores it: the content in NFKC where it differs (请问怎么下单？ → ?).
  await fillContentNfkc(sql);

  const staff = `['阿杰', '小美', 'Lily', '大伟', '晓晨', '木子', 'Kiki', '老周']`;
  const addWays = `['扫描二维码', '搜索手机号', '名片分享', '群聊', '活动裂变', '其他']`;
  const channels = `['直播间', '老带新', '公众号', '小红书', '线下门店', '抖音', '视频号', '朋友圈广告']`;
  const tags = `['高意向,美妆', '宝妈', '高意向', NULL, '复购,会员', '价格敏感', '新客', NULL]`;
  const states = `['正常', '正常', '正常', '正常', '已流失', '待继承']`;
  const phone = (i: string) => `'138' || lpad(CAST(${i} AS VARCHAR), 8, '0')`;
  await sql.run(`
    INSERT INTO customers (row_key, customer_name, remark, staff, added_at, add_way, channel, channel_code, tags, status, phone,
                           is_phone_masked, unionid, external_userid, gender, region, import_id, source_row)
    SELECT 'c' || i || '-' || k, '用户' || i, CASE WHEN i % 7 = 0 THEN '老客户' END,
           pick(${staff}, i * 2 + k, 'st'), ts(j1 - u(i, 'ad') * ${14 * DAY}),
           pick(${addWays}, i, 'aw'), pick(${channels}, i, 'ch'), 'qr_' || CAST(floor(u(i, 'qr') * 40) AS INTEGER),
           pick(${tags}, i, 'tg'), pick(${states}, i, 'cs'), ${phone('i')}, false, 'oU' || i, pid,
           CASE WHEN i % 3 = 0 THEN '男' ELSE '女' END, '广东省深圳市', 3, CAST(i AS INTEGER)
    FROM bench_people, range(0, 2) r(k)
    WHERE u(i, 'cust') < 0.9 AND (k = 0 OR u(i, 'dup') < 0.03)
    UNION ALL
    SELECT 'cn' || i, '路人' || i, NULL, pick(${staff}, i, 'stn'), ts(${t0} + u(i, 'adn') * ${YEAR - 1}),
           pick(${addWays}, i, 'awn'), pick(${channels}, i, 'chn'), 'qr_' || CAST(floor(u(i, 'qrn') * 40) AS INTEGER),
           NULL, '正常', '139' || lpad(CAST(i AS VARCHAR), 8, '0'), false, NULL, 'wo_nm_' || i, NULL, NULL, 3, NULL
    FROM range(1, ${Math.round(P * 0.05) + 1}) r(i)`);

  // Buyers skewed like the writers (u^1.5), paid mostly while a member.
  await sql.run(`
    INSERT INTO orders (row_key, order_no, status, created_at, paid_at, paid_amount, refunded_amount, refund_status, buyer_name,
                        buyer_phone, is_phone_masked, items, sales_channel, import_id, source_row)
    WITH o AS (
      SELECT g.i, p.i AS pi, p.j1, p.l1,
             u(g.i, 'unpaid') < 0.03 AS is_unpaid,
             u(g.i, 'mask') < 0.02 AS is_masked,
             round(9.9 + pow(u(g.i, 'amt'), 2) * 990, 2) AS amount,
             u(g.i, 'ref') AS r
      FROM range(1, ${s.orders + 1}) g(i)
      JOIN bench_people p ON p.i = 1 + CAST(floor(pow(u(g.i, 'buyer'), 1.5) * ${P}) AS BIGINT)
    ),
    t AS (
      SELECT *, ts(CASE WHEN u(i, 'inm') < 0.85 THEN j1 + u(i, 'pt') * (coalesce(l1, ${end}) - j1)
                        ELSE ${t0} + u(i, 'pta') * ${YEAR - 1} END) AS paid_t
      FROM o
    )
    SELECT 'o' || i, 'E' || lpad(CAST(i AS VARCHAR), 9, '0'),
           CASE WHEN is_unpaid THEN '已关闭' WHEN r < 0.08 THEN '已退款' ELSE '已完成' END,
           paid_t - INTERVAL 5 MINUTE, CASE WHEN is_unpaid THEN NULL ELSE paid_t END,
           CAST(amount AS DECIMAL(18, 2)),
           CAST(CASE WHEN is_unpaid THEN 0 WHEN r < 0.08 THEN amount WHEN r < 0.13 THEN round(amount * 0.3, 2) ELSE 0 END AS DECIMAL(18, 2)),
           CASE WHEN r < 0.08 THEN '全额退款' WHEN r < 0.13 THEN '部分退款' END,
           '用户' || pi,
           CASE WHEN is_masked THEN '138******' || right(CAST(pi AS VARCHAR), 2) ELSE ${phone('pi')} END,
           is_masked, '商品' || (i % 30), '小程序', 4, CAST(i AS INTEGER)
    FROM t`);

  await sql.run(`
    INSERT INTO churn_events (row_key, customer_name, staff, churned_at, churn_way, added_at, tags, external_userid, phone, is_phone_masked, import_id, source_row)
    SELECT 'ch' || i, '用户' || i, pick(${staff}, i * 2, 'st'), ts(j1 + u(i, 'chd') * (${end} - j1)),
           CASE WHEN u(i, 'chw') < 0.5 THEN '客户删除员工' ELSE '员工删除客户' END,
           ts(j1 - u(i, 'ad') * ${14 * DAY}), NULL, pid, ${phone('i')}, false, 5, CAST(i AS INTEGER)
    FROM bench_people WHERE u(i, 'churn') < 0.08`);

  await sql.run(`
    INSERT INTO ad_costs (row_key, stat_date, channel, impressions, clicks, cost, import_id, source_row)
    SELECT 'a' || d || '-' || c, CAST(TIMESTAMP '2025-11-17' + INTERVAL (d) DAY AS DATE), ch[c],
           CAST(5000 + u(d * 10 + c, 'imp') * 45000 AS BIGINT), CAST(100 + u(d * 10 + c, 'clk') * 900 AS BIGINT),
           CAST(round(200 + u(d * 10 + c, 'cost') * 1800, 2) AS DECIMAL(18, 2)), 6, NULL
    FROM range(0, 365) r(d), range(1, 7) k(c), (SELECT ${channels} AS ch)`);

  await sql.run(`
    INSERT INTO official_account_daily (row_key, stat_date, new_follows, unfollows, net_follows, total_follows, sources, import_id, source_row)
    SELECT 'oa' || d, CAST(TIMESTAMP '2025-11-17' + INTERVAL (d) DAY AS DATE), nf, uf, nf - uf, 20000 + d * 60, '{}', 7, NULL
    FROM (SELECT d, CAST(20 + u(d, 'nf') * 180 AS INTEGER) AS nf, CAST(u(d, 'uf') * 40 AS INTEGER) AS uf FROM range(0, 365) r(d))`);

  await sql.run(`
    INSERT INTO survey_responses (row_key, respondent_name, phone, is_phone_masked, unionid, external_userid, submitted_at, score, scale, comment, import_id, source_row)
    SELECT 's' || i, '用户' || i, NULL, false, NULL, pid, ts(j1 + u(i, 'sv') * (${end} - j1)),
           1 + floor(pow(u(i, 'score'), 0.6) * 5), '1-5', CASE WHEN i % 5 = 0 THEN '群里内容很有用' END, 8, CAST(i AS INTEGER)
    FROM bench_people WHERE u(i, 'survey') < 0.1`);

  await sql.run(`
    INSERT INTO imports (import_id, file_name, file_hash, kind, imported_at, rows_read, rows_added, rows_skipped, problem_count)
    SELECT import_id, file_name, 'bench-' || import_id, kind, TIMESTAMPTZ '2026-11-17 09:00:00+08', n, n, 0, 0
    FROM (VALUES (1, '群成员.xlsx', 'members', (SELECT count(*) FROM memberships)),
                 (2, '聊天记录.xlsx', 'messages', (SELECT count(*) FROM messages)),
                 (3, '客户列表.xlsx', 'customers', (SELECT count(*) FROM customers)),
                 (4, '订单.xlsx', 'orders', (SELECT count(*) FROM orders)),
                 (5, '流失客户.xlsx', 'churn', (SELECT count(*) FROM churn_events)),
                 (6, '渠道投放.xlsx', 'ad_costs', (SELECT count(*) FROM ad_costs)),
                 (7, '公众号用户分析.xlsx', 'official_account', (SELECT count(*) FROM official_account_daily)),
                 (8, '满意度问卷.xlsx', 'survey', (SELECT count(*) FROM survey_responses))) v(import_id, file_name, kind, n)`);
  await sql.run(`DROP TABLE bench_people`);
}
