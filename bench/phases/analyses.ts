// Times every analysis method through the real handlers, next to the same SQL run bare.
//
// The statements a handler executes are recorded by wrapping DuckDBConnection.prototype.run in
// this process only (Sql.all/one/run and the few direct `sql.raw` reads all end there), then
// replayed on a fresh connection of the same database with the original `run`: DuckDB executes
// and materialises each result, without the handler's JS (value conversion, post-processing,
// validation). handler ms ÷ raw ms is the share of the time that is not the SQL itself.
//
// argv: project file, temp folder, runs, and optionally a folder for EXPLAIN ANALYZE of the
// slowest statement of every method that misses the target.
import { writeFileSync, mkdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBConnection } from '@duckdb/node-api';
import { createContext } from '../../src-main/api/context';
import { inProcessClient } from '../../src-main/api/dispatch';
import { createHandlers } from '../../src-main/api/handlers';
import type { Method } from '../../src-main/contract';
import { firstLine } from '../../src-main/contract/appError';
import { defaultBehaviours } from '../../src-main/db/definitionDefaults';
import { ProjectDb, type Params } from '../../src-main/db/projectDb';
import { KEPT_SCHEMA } from '../../src-main/analysis/base/derivedTables';
import { KEPT_HITS_SCHEMA } from '../../src-main/analysis/base/behaviourHits';
import { KEPT_CHURN_SCHEMA, withChurnEvents } from '../../src-main/analysis/churn/churnList';
import { featuresTable, KEPT_FEATURES_SCHEMA } from '../../src-main/analysis/features/featuresCache';
import { KEPT_SOURCES_SCHEMA, stageSourceInfo } from '../../src-main/analysis/funnel/pathQueries';
import { KEPT_GROWTH_SCHEMA, keepDefaultSegmentCounts } from '../../src-main/analysis/decision/growthDecomposition';
import { KEPT_CHANNELS_SCHEMA, keepDefaultChannels } from '../../src-main/analysis/channels/channelQueries';
import { tempPaths } from '../../test/support/tempDirs';
import { TARGET_MS, type CaseResult } from '../analyses';
import { peakRssMb, reportPhase } from './report';
import { median } from '../stats';

/** One measured method call. */
export interface AnalysisCase {
  label: string;
  method: Method;
  req: Record<string, unknown>;
  /** Its own target when not {@link TARGET_MS} (growth points: 1 s). */
  targetMs?: number;
  /** A page of a data grid (issue 16 item 4): under 200 ms at every size (GRID_PAGE_MS, bench/analyses.ts). */
  isGridPage?: boolean;
  /** The request of timed run `run` when the method keeps its answer per request (the lookalike's fit): each run then computes afresh. */
  varied?: (run: number) => Record<string, unknown>;
}

/** The analyses of issue 4 and 5, in the order the side navigation lists their views. */
export const analysisCases: AnalysisCase[] = [
  { label: 'metrics:query (week)', method: 'metrics:query', req: { period: 'week' } },
  { label: 'overview:query', method: 'overview:query', req: {} },
  { label: 'funnel:query (period)', method: 'funnel:query', req: { mode: 'period' } },
  { label: 'funnel:query (cohort)', method: 'funnel:query', req: { mode: 'cohort' } },
  { label: 'funnel:query (cohort, by channel)', method: 'funnel:query', req: { mode: 'cohort', breakdown: 'channel' } },
  // The whole list (the export's rows), read from the step's kept list that its first call makes (lostList.ts).
  { label: 'funnel:lost (step 1)', method: 'funnel:lost', req: { stageIndex: 1 } },
  // The lost list as its grid asks it (issue 16 item 4): step 2 loses 84,499 people at M (funnel:lost
  // sent them whole: 733 ms and +246 MB of RSS there); a page at a time over the step's list, kept from the first call.
  { label: 'funnel:lostPage (step 2, first page)', method: 'funnel:lostPage', req: { stageIndex: 2, offset: 0, limit: 100 }, isGridPage: true },
  { label: 'funnel:lostPage (step 2, by name)', method: 'funnel:lostPage', req: { stageIndex: 2, offset: 0, limit: 100, sort: [{ colId: 'name', sort: 'desc' }] }, isGridPage: true },
  { label: 'churn:query (week)', method: 'churn:query', req: { period: 'week' } },
  { label: 'churn:retention', method: 'churn:retention', req: {} },
  { label: 'churn:survival', method: 'churn:survival', req: {} },
  // The churn list: every event, paged (issue 16 item 4); the first call builds the scope's events.
  { label: 'churn:events (first page)', method: 'churn:events', req: { offset: 0, limit: 100 }, isGridPage: true },
  {
    label: 'churn:events (tenure > 30, by tenure)',
    method: 'churn:events',
    req: { offset: 0, limit: 100, sort: [{ colId: 'tenure_days', sort: 'desc' }], filter: { tenure_days: { filterType: 'number', type: 'greaterThan', filter: 30 } } },
    isGridPage: true,
  },
  { label: 'channels:query', method: 'channels:query', req: {} },
  { label: 'activity:query', method: 'activity:query', req: {} },
  { label: 'features:query (first page)', method: 'features:query', req: { offset: 0, limit: 100 }, isGridPage: true },
  // 客户360 scrolled, sorted and filtered on a number (issue 16 item 4): each page on the Node side.
  { label: 'features:query (row 5,000, by GMV)', method: 'features:query', req: { offset: 5000, limit: 100, sort: [{ colId: 'gmv', sort: 'desc' }] }, isGridPage: true },
  {
    label: 'features:query (messages ≥ 10, by tenure)',
    method: 'features:query',
    req: { offset: 0, limit: 100, sort: [{ colId: 'tenure_days', sort: 'asc' }], filter: { messages: { filterType: 'number', type: 'greaterThanOrEqual', filter: 10 } } },
    isGridPage: true,
  },
  { label: 'behaviours:counts (defaults)', method: 'behaviours:counts', req: { behaviours: defaultBehaviours() } },
  { label: 'behaviours:query (week)', method: 'behaviours:query', req: { period: 'week' } },
  { label: 'quadrant:query', method: 'quadrant:query', req: {} },
  // The list of a type (issue 16 item 4), paged and sorted on the Node side over the table quadrant:query keeps.
  { label: 'quadrant:people (需求型, by 满意度)', method: 'quadrant:people', req: { type: 'needy', offset: 0, limit: 100, sort: [{ colId: 'x', sort: 'desc' }] }, isGridPage: true },
  { label: 'vvip:query', method: 'vvip:query', req: {} },
  // 决策 (issue 13): each under 300 ms, growth points under 1 s.
  { label: 'decision:abtest (群 vs 群, conversion)', method: 'decision:abtest', req: { a: { kind: 'group', value: '社群01群' }, b: { kind: 'group', value: '社群02群' }, metric: 'conversion' } },
  { label: 'decision:abtest (群 vs 群, GMV per person)', method: 'decision:abtest', req: { a: { kind: 'group', value: '社群01群' }, b: { kind: 'group', value: '社群02群' }, metric: 'gmv' } },
  { label: 'decision:communityEffect', method: 'decision:communityEffect', req: {} },
  { label: 'decision:growthPoints (latest full week)', method: 'decision:growthPoints', req: {}, targetMs: 1000 },
  // 贡献度 by staff (the generated project has no customer group list, so no owners to score).
  { label: 'decision:contribution (staff)', method: 'decision:contribution', req: {} },
  // ROI预测 (rates of the last 4 measured weeks and the back-test) and LTV / CAC (issue 14): each under 300 ms.
  { label: 'decision:roi (4 weeks)', method: 'decision:roi', req: {} },
  { label: 'decision:ltv', method: 'decision:ltv', req: {} },
  // 相似人群 (issue 14 item 3): under 3 s. Each timed call fits afresh (a new seed: the fit is kept per
  // seed); the feature table is the one 客户360's case above computed, as after a visit to 客户360.
  { label: 'decision:lookalike (default features)', method: 'decision:lookalike', req: { seed: 1 }, varied: (run) => ({ seed: 1000 + run }), targetMs: 3000 },
];

interface Statement {
  sql: string;
  params?: Params;
}

/** Beyond this, a method is timed once more instead of `runs` times. */
const SLOW_MS = 5000;

const originalRun = DuckDBConnection.prototype.run;
const recorder = { isOn: false, statements: [] as Statement[] };
DuckDBConnection.prototype.run = function (this: DuckDBConnection, sql, values, types) {
  // A copy of the parameters: a caller may reuse and change its array for the next statement.
  if (recorder.isOn) recorder.statements.push({ sql, params: values === undefined ? undefined : Array.isArray(values) ? [...values] : { ...values } });
  return originalRun.call(this, sql, values, types);
};

async function main(): Promise<void> {
  const [projectPath, tempRoot, runsArg, explainDir] = process.argv.slice(2) as [string, string, string | undefined, string | undefined];
  const runs = Number(runsArg ?? 5);
  // repoRoot given explicitly: tempPaths' default uses __dirname, which tsx's ESM mode lacks.
  const ctx = createContext('cli', tempPaths(tempRoot, path.resolve(import.meta.dirname, '../..')));
  const call = inProcessClient(createHandlers(ctx));
  // The derived tables, the default feature table, the saved rules' hits, the whole project's churn
  // list, what each path source holds, 增长点's segment counts and 渠道's people rows are kept in the
  // project file (derivedTables.ts, featuresCache.ts, behaviourHits.ts, churnList.ts, pathQueries.ts,
  // growthDecomposition.ts, channelQueries.ts): dropped first, so the first
  // open builds them as an import's last step does; then closed and opened again, which reuses them.
  const bare = await ProjectDb.open(projectPath);
  await bare.write(async (sql) => {
    await sql.run(`DROP SCHEMA IF EXISTS ${KEPT_SCHEMA} CASCADE`);
    await sql.run(`DROP SCHEMA IF EXISTS ${KEPT_FEATURES_SCHEMA} CASCADE`);
    await sql.run(`DROP SCHEMA IF EXISTS ${KEPT_HITS_SCHEMA} CASCADE`);
    await sql.run(`DROP SCHEMA IF EXISTS ${KEPT_CHURN_SCHEMA} CASCADE`);
    await sql.run(`DROP SCHEMA IF EXISTS ${KEPT_SOURCES_SCHEMA} CASCADE`);
    await sql.run(`DROP SCHEMA IF EXISTS ${KEPT_GROWTH_SCHEMA} CASCADE`);
    await sql.run(`DROP SCHEMA IF EXISTS ${KEPT_CHANNELS_SCHEMA} CASCADE`);
  });
  await bare.close();
  // Opening reads the project's settings, and its first use of the database brings the derived
  // tables up to date: timed apart, the open and that first use.
  const openAndUse = async () => {
    const t0 = performance.now();
    const opened = await call('project:open', { path: projectPath });
    if (!opened.ok) throw new Error(opened.error.message);
    const t1 = performance.now();
    await ctx.project!.db.use(async () => undefined);
    return { openMs: t1 - t0, useMs: performance.now() - t1, ms: performance.now() - t0 };
  };
  // (b) After a data change (the file keeps no tables of its data): the build, which the app runs
  // as an import's last step (api/handlers/import.ts), or the first open after a change without it.
  const built = await openAndUse();
  // The peak so far after each step: the step where it rose to its last value is where to look.
  const peakAfter: { step: string; mb: number }[] = [{ step: 'open and build', mb: peakRssMb() }];
  // The rest of the import's last step (api/handlers/import.ts prepareAfter): the default feature table, then the churn list.
  let t0 = performance.now();
  await ctx.project!.db.use((sql) => featuresTable(sql, { timeZone: ctx.project!.timeZone }));
  const featuresBuildMs = performance.now() - t0;
  peakAfter.push({ step: 'the default feature table', mb: peakRssMb() });
  t0 = performance.now();
  await ctx.project!.db.use((sql) => withChurnEvents(ctx.project!.db, sql, { timeZone: ctx.project!.timeZone }, async () => undefined));
  const churnListBuildMs = performance.now() - t0;
  t0 = performance.now();
  await ctx.project!.db.use((sql) => stageSourceInfo(sql));
  const sourcesBuildMs = performance.now() - t0;
  t0 = performance.now();
  await ctx.project!.db.use((sql) => keepDefaultSegmentCounts(sql, ctx.project!.timeZone));
  const growthCountsBuildMs = performance.now() - t0;
  t0 = performance.now();
  await ctx.project!.db.use((sql) => keepDefaultChannels(sql, ctx.project!.timeZone));
  const channelsBuildMs = performance.now() - t0;
  peakAfter.push({ step: "the rest of the import's last step", mb: peakRssMb() });
  await call('project:close', {});
  // (a) The user's open: the file keeps the tables of its data. Open, first use, and the first
  // analysis, the overview (the first view of an opened project, Workspace.tsx).
  const reopened = await openAndUse();
  t0 = performance.now();
  const overview = await call('overview:query', {});
  if (!overview.ok) throw new Error(overview.error.message);
  const firstAnalysisMs = performance.now() - t0;
  // Then 客户360's first page on that open, from the feature table the file keeps (issue 16 item 4).
  t0 = performance.now();
  const page = await call('features:query', { offset: 0, limit: 100 });
  if (!page.ok) throw new Error(page.error.message);
  const reopenFeaturesPageMs = performance.now() - t0;
  peakAfter.push({ step: 'reopen', mb: peakRssMb() });
  // Opened once more, untimed, so that the cases' first calls find nothing of the overview cached.
  await call('project:close', {});
  await openAndUse();
  const db = ctx.project!.db;
  // Groups of the A/B cases: the first two by name (社群01群 … at M, 社群001群 … at L).
  const groups = (await db.all<{ g: string }>(`SELECT DISTINCT group_name AS g FROM memberships ORDER BY 1 LIMIT 2`)).map((r) => r.g);
  const cases = analysisCases.map((c) =>
    c.method === 'decision:abtest' ? { ...c, req: { ...c.req, a: { kind: 'group', value: groups[0] }, b: { kind: 'group', value: groups[1] } } } : c,
  );

  /** Replays statements bare on a fresh connection; returns the total and the time of each. */
  async function replay(statements: Statement[]): Promise<{ total: number; each: number[] }> {
    return db.use(async (sql) => {
      const each: number[] = [];
      for (const s of statements) {
        const t = performance.now();
        await originalRun.call(sql.raw, s.sql, s.params);
        each.push(performance.now() - t);
      }
      return { total: each.reduce((a, b) => a + b, 0), each };
    });
  }

  // A yardstick for the machine's state: the bare scan the metrics bench also times.
  const baseline: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const t = performance.now();
    await db.all(`SELECT CAST(timezone('Asia/Shanghai', sent_at) AS DATE) AS d, count(*)::INTEGER AS n FROM messages GROUP BY d`);
    if (i > 0) baseline.push(performance.now() - t);
  }
  const loadBefore = os.loadavg()[0]!;

  const results: CaseResult[] = [];
  for (const c of cases) {
    let t = performance.now();
    const first = await call(c.method, c.req);
    const firstMs = performance.now() - t;
    if (!first.ok) {
      const isMissing = first.error.code === 'UNKNOWN_METHOD' || (first.error.code === 'INTERNAL' && /尚未实现|not a function/.test(first.error.message));
      results.push({ label: c.label, status: isMissing ? 'not available' : 'error', reason: `${first.error.code}: ${first.error.message}` });
      continue;
    }
    // A call of several seconds misses the target whatever its median: time it once more, not five times.
    const caseRuns = firstMs > SLOW_MS ? 1 : runs;
    const times: number[] = [];
    let statements: Statement[] = [];
    for (let i = 0; i < caseRuns; i++) {
      recorder.statements = [];
      recorder.isOn = true;
      t = performance.now();
      const r = await call(c.method, c.varied?.(i) ?? c.req);
      times.push(performance.now() - t);
      recorder.isOn = false;
      if (!r.ok) throw new Error(`${c.label} failed on run ${i + 2}: ${r.error.message}`);
      statements = recorder.statements;
    }
    const result: CaseResult = { label: c.label, status: 'ok', targetMs: c.targetMs, isGridPage: c.isGridPage, firstMs, medianMs: median(times), runs: caseRuns, statements: statements.length };
    try {
      if (caseRuns > 1) await replay(statements); // warm-up
      const totals: number[] = [];
      const each: number[][] = statements.map(() => []);
      for (let i = 0; i < caseRuns; i++) {
        const r = await replay(statements);
        totals.push(r.total);
        r.each.forEach((ms, k) => each[k]!.push(ms));
      }
      result.rawMs = median(totals);
      const perStatement = each.map(median);
      const k = perStatement.indexOf(Math.max(...perStatement));
      if (k >= 0) {
        result.slowest = { ms: perStatement[k]!, sql: statements[k]!.sql };
        if (explainDir && result.medianMs! >= (c.targetMs ?? TARGET_MS)) {
          const ex = await explain(statements[k]!, c.label, explainDir);
          result.explainFile = ex.file;
          result.explainTop = ex.top;
        }
      }
    } catch (e) {
      result.rawError = firstLine(e);
    }
    results.push(result);
    peakAfter.push({ step: c.label, mb: peakRssMb() });
    process.stderr.write(`  ${c.label}: ${result.medianMs!.toFixed(1)} ms\n`);
  }
  // What the in-memory databases (derived tables, key-behaviour hit tables, feature tables) hold now.
  const memory = await db.all<{ mb: number }>(`SELECT CAST(coalesce(sum(memory_usage_bytes), 0) / 1e6 AS DOUBLE) AS mb FROM duckdb_memory() WHERE tag = 'IN_MEMORY_TABLE'`);
  await call('project:close', {});
  reportPhase({
    cases: JSON.stringify(results),
    baselineMs: median(baseline),
    derivedBuildMs: built.ms,
    buildOpenMs: built.openMs,
    featuresBuildMs,
    churnListBuildMs,
    sourcesBuildMs,
    growthCountsBuildMs,
    channelsBuildMs,
    reopenFeaturesPageMs,
    reopenOpenMs: reopened.openMs,
    firstAnalysisMs,
    reopenMs: reopened.ms,
    inMemoryTablesMb: memory[0]?.mb ?? 0,
    peakAfter: JSON.stringify(peakAfter),
    fileMb: statSync(projectPath).size / 1e6,
    loadBefore,
    loadAfter: os.loadavg()[0]!,
    cpus: os.cpus().length,
  });

  /**
   * Writes DuckDB's EXPLAIN ANALYZE of one statement to a file, the operators that took longest
   * first; returns the file and the top three operators in one line each.
   */
  async function explain(s: Statement, label: string, dir: string): Promise<{ file: string; top: string[] }> {
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${label.replace(/[^a-z0-9]+/gi, '_')}.txt`);
    const [json, text] = await db.use(async (sql) => [
      (await sql.all<{ explain_value: string }>(`EXPLAIN (ANALYZE, FORMAT json) ${s.sql}`, s.params))[0]!.explain_value,
      (await sql.all<{ explain_value: string }>(`EXPLAIN ANALYZE ${s.sql}`, s.params)).map((r) => r.explain_value).join('\n'),
    ]);
    const ops = operators(JSON.parse(json) as PlanNode).sort((a, b) => b.seconds - a.seconds);
    const lines = ops.slice(0, 15).map((o) => `${(o.seconds * 1000).toFixed(1).padStart(9)} ms ${String(o.rows).padStart(10)} rows  ${o.name}  ${o.info}`);
    writeFileSync(file, `${s.sql}\n\n-- operators by time (summed over threads):\n${lines.join('\n')}\n\n${text}\n`);
    return { file, top: lines.slice(0, 3).map((l) => l.trim()) };
  }
}

/** A node of DuckDB's JSON profile. */
interface PlanNode {
  operator_name?: string;
  operator_timing?: number;
  operator_cardinality?: number;
  extra_info?: Record<string, unknown>;
  children?: PlanNode[];
}

/** Every operator of a profile with its own time, rows out and what it works on (CTE, table, join condition …). */
function operators(node: PlanNode): { name: string; seconds: number; rows: number; info: string }[] {
  const info = node.extra_info ?? {};
  const what = ['CTE Name', 'Table', 'Conditions', 'Groups', 'Aggregates', 'Function'].find((k) => info[k] !== undefined);
  const own = node.operator_name
    ? [{ name: node.operator_name, seconds: node.operator_timing ?? 0, rows: node.operator_cardinality ?? 0, info: what ? `${what}: ${String(info[what]).replace(/\s+/g, ' ').slice(0, 120)}` : '' }]
    : [];
  return [...own, ...(node.children ?? []).flatMap(operators)];
}

await main();
