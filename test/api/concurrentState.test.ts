import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProject, type ProjectSizes } from '../../bench/generateProject';
import { writeMembersXlsx, writeMessagesXlsx } from '../../bench/generate';
import { withDerivedTables } from '../../src-main/analysis/base/derivedTables';
import { createContext, type AppContext } from '../../src-main/api/context';
import { inProcessClient } from '../../src-main/api/dispatch';
import { createHandlers } from '../../src-main/api/handlers';
import { closeProjectFile, openProjectFile } from '../../src-main/db/projectFile';
import type { Method } from '../../src-main/contract';
import { tempDir, tempPaths } from '../support/tempDirs';

// Issue 12 item 3: analyses asked while imports and undos commit answered internal errors (a hit
// table dropped under them, person numbers past the end of the derived tables). Each answer must
// be the one of a single state of the data: the state before the change or the one after.

/** The project the imports go into: 500 people and 10,000 messages, generated in SQL. */
const BASE: ProjectSizes = { people: 500, messages: 10_000, orders: 400, groups: 20 };
/** The imported files: members (some 200 new people among 700) and messages of those people. */
const IMPORTED = { memberRows: 1_000, messageRows: 10_000, groups: 20 };

/** Requests under way at any time: enough that some straddle every commit (without the state lock: errors and mixed answers within seconds). */
const IN_FLIGHT = 6;
/** The analyses asked: each reads the derived tables, several the feature table or hit tables. */
const ANALYSES: { name: Method; req: Record<string, unknown> }[] = [
  { name: 'overview:query', req: {} },
  { name: 'metrics:query', req: { period: 'week' } },
  { name: 'churn:query', req: { period: 'week' } },
  { name: 'activity:query', req: {} },
  { name: 'behaviours:query', req: { period: 'week' } },
  { name: 'quadrant:query', req: {} },
  { name: 'vvip:query', req: {} },
  { name: 'features:query', req: { offset: 0, limit: 50, sort: [{ colId: 'gmv', sort: 'desc' }] } },
  { name: 'identity:unmatched', req: { offset: 0, limit: 50 } },
  { name: 'churn:retention', req: {} },
];

let tmp: ReturnType<typeof tempDir>;
let ctx: AppContext;
let call: ReturnType<typeof inProcessClient>;
let membersFile: string;
let messagesFile: string;

/** The answers of every analysis, one after the other with nothing else running, as JSON. */
type Answers = string[];

/** The answers of every analysis asked one after the other with nothing else running (the data not changing). */
async function aloneAnswers(): Promise<Answers> {
  const out: Answers = [];
  for (const a of ANALYSES) {
    const r = await call(a.name, a.req);
    if (!r.ok) throw new Error(`${a.name} alone: ${r.error.code} ${r.error.message}`);
    out.push(JSON.stringify(r.value));
  }
  return out;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Imports a file through the API's background job; answers its import id. */
async function importThroughApi(file: string): Promise<number> {
  const started = await call('import:start', { source: { path: file } });
  if (!started.ok) throw new Error(started.error.message);
  for (;;) {
    const s = await call('import:status', { jobId: started.value.jobId });
    if (!s.ok) throw new Error(s.error.message);
    if (s.value.state === 'done') return s.value.result!.importId;
    if (s.value.state !== 'running') throw new Error(`import ${s.value.state}: ${s.value.error?.message}`);
    await delay(25);
  }
}

async function undoThroughApi(importId: number): Promise<void> {
  const r = await call('import:remove', { importId });
  if (!r.ok) throw new Error(r.error.message);
}

beforeAll(async () => {
  tmp = tempDir('qunxi-concurrent-');
  const file = path.join(tmp.dir, 'community.qunxi');
  membersFile = path.join(tmp.dir, '群成员_并发.xlsx');
  messagesFile = path.join(tmp.dir, '聊天记录_并发.xlsx');
  await generateProject(file, BASE);
  const people = await writeMembersXlsx(membersFile, IMPORTED);
  await writeMessagesXlsx(messagesFile, IMPORTED, people);
  ctx = createContext('test', tempPaths(tmp.dir));
  call = inProcessClient(createHandlers(ctx));
  ctx.project = await openProjectFile(file, withDerivedTables);
}, 300_000);

afterAll(async () => {
  if (ctx?.project) await closeProjectFile(ctx.project);
  tmp?.cleanup();
});

/** What became of one request asked while the data changed: its answer as JSON, or its error. */
interface Asked {
  /** Index into {@link ANALYSES}. */
  i: number;
  json?: string;
  error?: string;
}

/**
 * Keeps {@link IN_FLIGHT} analyses asked at all times (each one answered is followed by the next),
 * from before `change` starts until it ends, then asks each analysis once more.
 */
async function askDuring(change: () => Promise<unknown>): Promise<Asked[]> {
  const asked: Asked[] = [];
  const ask = async (i: number) => {
    const r = await call(ANALYSES[i]!.name, ANALYSES[i]!.req);
    asked.push(r.ok ? { i, json: JSON.stringify(r.value) } : { i, error: `${r.error.code} ${r.error.message}` });
  };
  let isChanging = true;
  const stream = async (first: number) => {
    for (let k = first; isChanging; k += IN_FLIGHT) await ask(k % ANALYSES.length);
  };
  const streams = Array.from({ length: IN_FLIGHT }, (_, j) => stream(j));
  await change().finally(() => (isChanging = false));
  await Promise.all(streams);
  await Promise.all(ANALYSES.map((_, i) => ask(i)));
  return asked;
}

/** How the answers of one change compare with the alone answers of the states before and after it. */
interface Tally {
  before: number;
  after: number;
  errors: number;
  neither: number;
}

function tally(asked: Asked[], before: Answers, after: Answers, log: string[]): Tally {
  const t: Tally = { before: 0, after: 0, errors: 0, neither: 0 };
  for (const a of asked) {
    const name = ANALYSES[a.i]!.name;
    if (a.error !== undefined) {
      t.errors++;
      log.push(`${name}: ${a.error}`);
    } else if (a.json === before[a.i]) t.before++;
    else if (a.json === after[a.i]) t.after++;
    else {
      t.neither++;
      log.push(`${name}: an answer of neither state`);
    }
  }
  return t;
}

describe('analyses while imports and undos commit', () => {
  it('every answer is the alone answer of the state before or after the change, with no error', async () => {
    const started = performance.now();
    const base = await aloneAnswers();
    const log: string[] = [];
    const rows: string[] = [];
    const total: Tally = { before: 0, after: 0, errors: 0, neither: 0 };
    /** Runs a change amid a stream of analyses; the alone answers of the state after are computed once it is done (or given). */
    const step = async (label: string, change: () => Promise<unknown>, before: Answers, known?: Answers): Promise<Answers> => {
      const t0 = performance.now();
      const asked = await askDuring(change);
      const ms = performance.now() - t0;
      const after = known ?? (await aloneAnswers());
      const t = tally(asked, before, after, log);
      for (const k of Object.keys(total) as (keyof Tally)[]) total[k] += t[k];
      rows.push(`${label.padEnd(16)} ${String(asked.length).padStart(3)} requests in ${(ms / 1000).toFixed(1)} s: ${t.before} before, ${t.after} after, ${t.errors} errors, ${t.neither} of neither state`);
      return after;
    };
    let members = 0;
    let messages = 0;
    const withMembers = await step('import members', async () => (members = await importThroughApi(membersFile)), base);
    const withBoth = await step('import messages', async () => (messages = await importThroughApi(messagesFile)), withMembers);
    // An undo gives back the state before the import: its alone answers are those computed then.
    await step('undo messages', () => undoThroughApi(messages), withBoth, withMembers);
    await step('undo members', () => undoThroughApi(members), withMembers, base);

    const requests = total.before + total.after + total.errors + total.neither;
    console.log(
      [
        `analyses, ${IN_FLIGHT} at a time, during 2 imports and 2 undos:`,
        ...rows.map((r) => `  ${r}`),
        `  total ${requests} requests, ${total.errors} errors, ${total.neither} of neither state, ${((performance.now() - started) / 1000).toFixed(1)} s`,
        ...log.slice(0, 20).map((l) => `  ${l}`),
      ].join('\n'),
    );
    // The states differ, so an answer of one state is not by chance that of the other.
    const differing = (x: Answers, y: Answers) => x.filter((v, i) => v !== y[i]).length;
    expect(differing(base, withMembers)).toBeGreaterThanOrEqual(ANALYSES.length / 2);
    expect(differing(withMembers, withBoth)).toBeGreaterThanOrEqual(ANALYSES.length / 2);
    expect(log).toEqual([]);
    expect(total.errors + total.neither).toBe(0);
    expect(requests).toBeGreaterThanOrEqual(4 * (IN_FLIGHT + ANALYSES.length));
    expect(total.before).toBeGreaterThan(0);
    expect(total.after).toBeGreaterThan(0);
  }, 240_000);
});
