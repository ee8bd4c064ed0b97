/**
 * 脱敏副本 (DESIGN §7): a copy of a project in which no original identifying string survives and
 * every analysis gives the same figures.
 *
 * - Person names (members, senders, customers, buyers, respondents, inviters) become 成员0001…,
 *   numbered in the order of the original names: the analyses break ties by name, so every list
 *   keeps its order. Staff names (the operator's own employees) stay unless masked (员工01…), and
 *   a name that is a staff name anywhere is treated as one everywhere, so inviter and owner
 *   matches hold; group names likewise become 群01… when masked.
 * - Person ids (external userids, unionids: one id space, DESIGN §3), order numbers and 群ID become
 *   salted SHA-256 hashes; phones become 11 digits numbered in the order of their salted hashes
 *   (a hash cut to 11 digits would collide among a million phones), masked ones a salted hash with
 *   the `*` that marks them masked. The salt is random per copy and never written anywhere, so the
 *   copy cannot be joined back to the original; within the copy equal values stay equal.
 * - Row keys (md5 of the original values) are hashed again with the salt, consistently in the
 *   tables that refer to them (import_rows, row_updates).
 * - Message content is dropped. The key behaviours are matched first: each message keeps one token
 *   per content rule it matched (`{kb1}`…), and the copy's rules look for that token with their
 *   message types as they were, so the key-behaviour analysis and all that builds on it count the
 *   same messages. Free text no analysis reads (备注, 所属企业, 问卷意见, import problems) is dropped.
 *
 * The copy is a new database filled by INSERT … SELECT (never the original file changed in place),
 * checkpointed before it is renamed into place: it holds no freed page with an old string in it.
 * Every text column of the schema is listed in {@link COLUMN_RULES}: a new column stops the copy
 * until it is classified, rather than slipping through as it is.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../contract/appError';
import type { AnonymizeResult, KeyBehaviour } from '../contract';
import { ProjectDb, sqlIdent, sqlLiteral, type Sql } from '../db/projectDb';
import { createSchema } from '../db/schema';
import { registerTextFunction } from '../db/textFunction';
import type { OpenProject } from '../db/projectFile';
import { readDefinition } from '../db/definitionsStore';
import { matchSql } from '../analysis/base/behaviourHits';
import { phoneExpr } from '../analysis/base/identity';
import { sharingText } from '../locale/sharing';

/** What happens to one text column in the copy. */
type ColumnRule =
  | 'keep' // not identifying (types, ways, statuses, channels, tags, product names, JSON of numbers)
  | 'name' // a person's name: 成员NNNN, or the staff rule when it is a staff name
  | 'inviter' // 邀请人: a member id (then hashed as one) or a nickname (then a name)
  | 'staff' // a staff member's name: kept, or 员工NN when masked
  | 'group' // a group name: kept, or 群NN when masked
  | 'id' // a person id (external userid, unionid) or another identifier: salted hash
  | 'phone' // a phone number: numbered digits, or a salted hash with `*` when masked
  | 'key' // a row key (hash of the original values): hashed again with the salt
  | 'json' // a JSON document or setting: strings inside that are group or staff names are mapped
  | 'file' // an import's file name: 导入N plus its extension
  | 'drop'; // free text no analysis reads: NULL

/** The rule of every VARCHAR column of the schema (db/schema.ts), by table. */
export const COLUMN_RULES: Record<string, Record<string, ColumnRule>> = {
  meta: { key: 'keep', value: 'json' },
  imports: { file_name: 'file', file_hash: 'id', kind: 'keep', problems: 'drop' },
  memberships: {
    group_name: 'group', member_id: 'id', member_name: 'name', member_type: 'keep', join_way: 'keep', inviter: 'inviter',
    leave_way: 'keep', row_key: 'key', staff: 'staff',
  },
  messages: { row_key: 'key', sender_id: 'id', sender_name: 'name', group_name: 'group', msg_type: 'keep', content: 'drop', content_nfkc: 'drop' },
  import_rows: { table_name: 'keep', row_key: 'key' },
  // A sheet may be named after a person or group; the reason and its detail (field ids, an import number) are not identifying.
  import_skips: { sheet: 'drop', reason: 'keep', detail: 'keep' },
  row_updates: { table_name: 'keep', row_key: 'key', previous: 'json' },
  customers: {
    row_key: 'key', customer_name: 'name', remark: 'drop', staff: 'staff', add_way: 'keep', channel: 'keep', channel_code: 'keep',
    tags: 'keep', personal_tags: 'keep', status: 'keep', phone: 'phone', unionid: 'id', external_userid: 'id', gender: 'keep',
    corp: 'drop', region: 'keep',
  },
  customer_groups: { row_key: 'key', group_name: 'group', owner: 'staff', status: 'keep', tags: 'keep' },
  group_stats: { row_key: 'key', group_id: 'id' },
  contact_stats: { row_key: 'key', staff: 'staff' },
  churn_events: {
    row_key: 'key', customer_name: 'name', staff: 'staff', churn_way: 'keep', tags: 'keep', external_userid: 'id', unionid: 'id', phone: 'phone',
  },
  orders: {
    row_key: 'key', order_no: 'id', status: 'keep', refund_status: 'keep', buyer_name: 'name', buyer_phone: 'phone', items: 'keep',
    sales_channel: 'keep', distributor: 'name',
  },
  order_items: { row_key: 'key', order_no: 'id', item_name: 'keep' },
  official_account_daily: { row_key: 'key', sources: 'keep' },
  ad_costs: { row_key: 'key', channel: 'keep' },
  survey_responses: {
    row_key: 'key', respondent_name: 'name', phone: 'phone', unionid: 'id', external_userid: 'id', scale: 'keep', comment: 'drop',
  },
  mapping_templates: { id: 'keep', name: 'keep', kind: 'keep', headers: 'keep', fields: 'keep' },
  definitions: { key: 'keep', value: 'json' },
};

/** Options of an anonymised copy. */
export interface AnonymizeOptions {
  /** Group names become 群01…. */
  maskGroups?: boolean;
  /** Staff names become 员工01… (kept by default: they are the operator's own employees). */
  maskStaff?: boolean;
  /** Abandons the copy (its temporary file is removed). */
  signal?: AbortSignal;
}

/** What an anonymised copy replaced (the contract's answer). */
export type AnonymizeSummary = AnonymizeResult;

// eslint-disable-next-line no-restricted-syntax -- pseudonyms are data of the copy (DESIGN §7 names them), the same in every UI language
const PSEUDONYM = { member: '成员', staff: '员工', group: '群' } as const;

/** The token a message of the copy carries for content rule `n` (1-based): ASCII, unchanged by NFKC and lower(). */
export const behaviourToken = (n: number): string => `{kb${n}}`;

/** Columns holding person names, for the one name mapping. */
const NAME_SOURCES = Object.entries(COLUMN_RULES).flatMap(([table, cols]) =>
  Object.entries(cols).filter(([, rule]) => rule === 'name' || rule === 'inviter').map(([col]) => ({ table, col })),
);
const STAFF_SOURCES = Object.entries(COLUMN_RULES).flatMap(([table, cols]) =>
  Object.entries(cols).filter(([, rule]) => rule === 'staff').map(([col]) => ({ table, col })),
);
const GROUP_SOURCES = Object.entries(COLUMN_RULES).flatMap(([table, cols]) =>
  Object.entries(cols).filter(([, rule]) => rule === 'group').map(([col]) => ({ table, col })),
);
const ID_SOURCES = Object.entries(COLUMN_RULES).flatMap(([table, cols]) =>
  Object.entries(cols).filter(([, rule]) => rule === 'id').map(([col]) => ({ table, col })),
);
const PHONE_SOURCES = Object.entries(COLUMN_RULES).flatMap(([table, cols]) =>
  Object.entries(cols).filter(([, rule]) => rule === 'phone').map(([col]) => ({ table, col })),
);

const unionOf = (sources: { table: string; col: string }[]) =>
  sources.map((s) => `SELECT ${sqlIdent(s.col)} AS v FROM ${sqlIdent(s.table)}`).join(' UNION ');

/** `prefix` + zero-padded rank, padded to the width of the largest number. */
const numbered = (prefix: string, order: string, minWidth: number) =>
  `${sqlLiteral(prefix)} || lpad(CAST(row_number() OVER (ORDER BY ${order}) AS VARCHAR), CAST(greatest(${minWidth}, length(CAST(count(*) OVER () AS VARCHAR))) AS INTEGER), '0')`;

/**
 * Builds the mapping tables (TEMP: in memory, never in either file). `anon_names` maps every name
 * and staff name, `anon_groups` every group name, `anon_ids` every id, `anon_phones` every phone.
 */
async function buildMappings(sql: Sql, salt: string, opts: AnonymizeOptions): Promise<void> {
  const s = sqlLiteral(salt);
  await sql.run(`CREATE OR REPLACE TEMP TABLE anon_staff AS SELECT DISTINCT v FROM (${unionOf(STAFF_SOURCES)}) WHERE v IS NOT NULL`);
  const staffCode = opts.maskStaff ? numbered(PSEUDONYM.staff, 'v', 2) : 'v';
  await sql.run(
    `CREATE OR REPLACE TEMP TABLE anon_names AS
     SELECT v, ${staffCode} AS code FROM anon_staff
     UNION ALL
     SELECT v, ${numbered(PSEUDONYM.member, 'v', 4)} FROM (SELECT DISTINCT v FROM (${unionOf(NAME_SOURCES)}) WHERE v IS NOT NULL AND v NOT IN (SELECT v FROM anon_staff) AND v NOT IN (SELECT member_id FROM memberships))`,
  );
  const groupCode = opts.maskGroups ? numbered(PSEUDONYM.group, 'v', 2) : 'v';
  await sql.run(`CREATE OR REPLACE TEMP TABLE anon_groups AS SELECT v, ${groupCode} AS code FROM (SELECT DISTINCT v FROM (${unionOf(GROUP_SOURCES)}) WHERE v IS NOT NULL)`);
  await sql.run(`CREATE OR REPLACE TEMP TABLE anon_ids AS SELECT v, left(sha256(${s} || v), 24) AS code FROM (SELECT DISTINCT v FROM (${unionOf(ID_SOURCES)}) WHERE v IS NOT NULL)`);
  // Phones compare by their digits (identity.ts): equal digits get one number, the number keeps them equal.
  await sql.run(
    `CREATE OR REPLACE TEMP TABLE anon_phones AS
     WITH p AS (SELECT DISTINCT v, ${phoneExpr('v', 'false')} AS digits FROM (${unionOf(PHONE_SOURCES)}) WHERE v IS NOT NULL),
     d AS (SELECT digits, '1' || lpad(CAST(row_number() OVER (ORDER BY sha256(${s} || digits)) AS VARCHAR), 10, '0') AS code FROM (SELECT DISTINCT digits FROM p WHERE digits IS NOT NULL))
     SELECT p.v, CASE WHEN p.digits IS NOT NULL THEN d.code WHEN contains(p.v, '*') THEN '*' || left(sha256(${s} || p.v), 12) ELSE '-' END AS code
     FROM p LEFT JOIN d ON d.digits = p.digits`,
  );
}

/** The content rules of the key behaviours: each rule's content condition (its types apart) and its token. */
async function contentRules(sql: Sql): Promise<{ rules: KeyBehaviour[]; conditions: string[] }> {
  const rules = await readDefinition(sql, 'behaviours');
  const conditions: string[] = [];
  const rewritten = [];
  for (const rule of rules) {
    const condition = matchSql({ ...rule, msgTypes: [] });
    let isUsable = condition !== '(TRUE) AND (TRUE)';
    if (isUsable) {
      // A regular expression RE2 refuses fails here as it fails the analyses, which then ignore the rule: left as it is.
      isUsable = await sql
        .run(`SELECT ${condition} FROM (SELECT ''::VARCHAR AS content, NULL::VARCHAR AS content_nfkc, ''::VARCHAR AS msg_type)`)
        .then(() => true, () => false);
    }
    if (!isUsable) {
      rewritten.push(rule);
      continue;
    }
    conditions.push(condition);
    rewritten.push({ ...rule, pattern: behaviourToken(conditions.length), isRegex: false });
  }
  return { rules: rewritten, conditions };
}

/**
 * The SELECT expression of one column under its rule, `t` the source table's alias; `via(map)`
 * names the code of the column's value in a mapping (a join the caller adds).
 */
function columnExpr(col: string, rule: ColumnRule, tokens: string | null, via: (map: string) => string): string {
  const c = `t.${sqlIdent(col)}`;
  switch (rule) {
    case 'keep':
      return c;
    case 'drop':
      return col === 'content' && tokens ? tokens : 'NULL';
    case 'name':
    case 'staff':
      return via('anon_names');
    case 'inviter':
      // A member id of any group is that person (analysis/base/invitations.ts): it stays one, hashed alike.
      return `CASE WHEN ${via('(SELECT DISTINCT member_id AS v, TRUE AS code FROM memberships)')} THEN ${via('anon_ids')} ELSE ${via('anon_names')} END`;
    case 'group':
      return via('anon_groups');
    case 'id':
      return via('anon_ids');
    case 'phone':
      return via('anon_phones');
    case 'key':
      return `md5($salt || ${c})`;
    case 'json':
      return `qx_anon_json(${c})`;
    case 'file':
      return `${sqlLiteral(PSEUDONYM_FILE)} || CAST(t.import_id AS VARCHAR) || coalesce(regexp_extract(${c}, '\\.[A-Za-z0-9]{1,5}$'), '')`;
  }
}

/**
 * The SELECT of one table of the copy, rows in the original's order (analyses break ties by rowid).
 * Each mapped column is a LEFT JOIN of its mapping (the mappings hold each value once): as scalar
 * subqueries, DuckDB added a distinct and a single join per column, which with the sort were most of
 * the copy's time on 2,000,000 messages.
 */
function copySelect(table: string, cols: string[], tokens: string | null): string {
  const joins: string[] = [];
  const select = cols.map((col) => {
    // Message content: matched through the rules over the unqualified columns of `messages`.
    if (table === 'messages' && col === 'content') return `${tokens ?? 'NULL'} AS content`;
    const via = (map: string) => {
      const alias = `m${joins.length}`;
      joins.push(`LEFT JOIN ${map} ${alias} ON ${alias}.v = t.${sqlIdent(col)}`);
      return `${alias}.code`;
    };
    return `${columnExpr(col, COLUMN_RULES[table]?.[col] ?? 'keep', tokens, via)} AS ${sqlIdent(col)}`;
  });
  return `SELECT ${select.join(', ')} FROM ${sqlIdent(table)} t ${joins.join(' ')} ORDER BY t.rowid`;
}

// eslint-disable-next-line no-restricted-syntax -- an import's file name in the copy (data), the same in every UI language
const PSEUDONYM_FILE = '导入';

/** Maps group and staff names inside a JSON document (or a plain setting) through the mappings. */
function jsonMapper(groups: Map<string, string>, staff: Map<string, string>): (value: string | null) => string | null {
  const mapString = (s: string) => groups.get(s) ?? staff.get(s) ?? s;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return mapString(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [mapString(k), walk(x)]));
    return v;
  };
  return (value) => {
    if (value === null) return null;
    try {
      return JSON.stringify(walk(JSON.parse(value)));
    } catch {
      return mapString(value);
    }
  };
}

/** Reads a (small) mapping, only the entries that change. */
async function changedEntries(sql: Sql, table: string): Promise<Map<string, string>> {
  const rows = await sql.all<{ v: string; code: string }>(`SELECT v, code FROM ${table} WHERE code IS DISTINCT FROM v`);
  return new Map(rows.map((r) => [r.v, r.code]));
}

/** The VARCHAR columns of the source's tables that {@link COLUMN_RULES} does not classify (they stop the copy). */
async function unclassifiedColumns(sql: Sql): Promise<string[]> {
  const cols = await sql.all<{ t: string; c: string; type: string }>(
    `SELECT table_name AS t, column_name AS c, data_type AS type FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal`,
  );
  return cols.filter((x) => x.type === 'VARCHAR' && !COLUMN_RULES[x.t]?.[x.c]).map((x) => `${x.t}.${x.c}`);
}

/** Writes an anonymised copy of `project` to `target` (a new file; an existing one is replaced only once complete). */
export async function writeAnonymizedCopy(project: OpenProject, target: string, opts: AnonymizeOptions = {}): Promise<AnonymizeSummary> {
  const abs = path.resolve(target);
  if (abs === project.path) throw new AppError('INVALID_REQUEST', sharingText.copyOverOriginal);
  await fs.mkdir(path.dirname(abs), { recursive: true });
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.anonymizing-${randomBytes(4).toString('hex')}`);
  // Never stored: without it no value of the copy can be matched to the original's.
  const salt = randomBytes(32).toString('hex');
  try {
    const fresh = await ProjectDb.open(tmp);
    try {
      await fresh.transaction((sql) => createSchema(sql, project.timeZone));
    } finally {
      await fresh.close();
    }
    const summary = await project.db.use(async (sql) => {
      const unclassified = await unclassifiedColumns(sql);
      if (unclassified.length > 0) throw new AppError('INTERNAL', sharingText.unclassifiedColumns(unclassified.join(', ')));
      await buildMappings(sql, salt, opts);
      const { rules, conditions } = await contentRules(sql);
      const counts = (await sql.one<{ names: number; staff: number; groups: number; messages: number }>(
        `SELECT CAST((SELECT count(*) FROM anon_names) - (SELECT count(*) FROM anon_staff) AS INTEGER) AS names,
                CAST((SELECT count(*) FROM anon_staff) AS INTEGER) AS staff, CAST((SELECT count(*) FROM anon_groups) AS INTEGER) AS groups,
                CAST((SELECT count(*) FROM messages) AS INTEGER) AS messages`,
      ))!;
      const mapJson = jsonMapper(await changedEntries(sql, 'anon_groups'), await changedEntries(sql, 'anon_names'));
      registerTextFunction(sql, 'qx_anon_json', mapJson);
      const tokens = conditions.length
        ? `nullif(concat_ws(' ', ${conditions.map((c, i) => `CASE WHEN ${c} THEN ${sqlLiteral(behaviourToken(i + 1))} END`).join(', ')}), '')`
        : null;
      await sql.run(`ATTACH ${sqlLiteral(tmp)} AS qx_anon (READ_WRITE)`);
      try {
        await sql.run('BEGIN TRANSACTION');
        await sql.run(`DELETE FROM qx_anon.meta`);
        const columns = await sql.all<{ t: string; c: string }>(
          `SELECT table_name AS t, column_name AS c FROM duckdb_columns() WHERE database_name = 'qx_anon' AND schema_name = 'main' ORDER BY table_name, column_index`,
        );
        const tables = [...new Set(columns.map((x) => x.t))];
        for (const table of tables) {
          const cols = columns.filter((x) => x.t === table).map((x) => x.c);
          await sql.run(
            `INSERT INTO qx_anon.${sqlIdent(table)} (${cols.map(sqlIdent).join(', ')}) ${copySelect(table, cols, tokens)}`,
            cols.some((c) => COLUMN_RULES[table]?.[c] === 'key') ? { salt } : undefined,
          );
        }
        await sql.run(`INSERT OR REPLACE INTO qx_anon.definitions VALUES ('behaviours', ?, now())`, [JSON.stringify(rules)]);
        await sql.run(`INSERT OR REPLACE INTO qx_anon.meta VALUES ('anonymized_at', ?)`, [new Date().toISOString()]);
        await sql.run('COMMIT');
      } catch (e) {
        await sql.raw.run('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        await sql.run(`DETACH qx_anon`).catch(() => undefined);
        for (const t of ['anon_staff', 'anon_names', 'anon_groups', 'anon_ids', 'anon_phones']) await sql.run(`DROP TABLE IF EXISTS ${t}`).catch(() => undefined);
      }
      return { ...counts, behaviourRules: conditions.length };
    }, opts.signal ? { signal: opts.signal } : {});
    // A fresh instance checkpoints the copy on close: the file alone then holds it, no WAL beside it.
    await (await ProjectDb.open(tmp)).close();
    const fh = await fs.open(tmp, 'r+');
    await fh.sync().finally(() => fh.close());
    await fs.rename(tmp, abs);
    return { path: abs, ...summary };
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    await fs.rm(`${tmp}.wal`, { force: true }).catch(() => undefined);
    if (e instanceof AppError) throw e;
    throw new AppError('PROJECT_SAVE_FAILED', sharingText.copyFailed(path.basename(abs), (e as Error).message), { file: abs });
  }
}
