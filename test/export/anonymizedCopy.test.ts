import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectDb } from '../../src-main/db/projectDb';
import { closeProjectFile, openProjectFile } from '../../src-main/db/projectFile';
import { withDerivedTables } from '../../src-main/analysis/base/derivedTables';
import { COLUMN_RULES, writeAnonymizedCopy, type AnonymizeOptions } from '../../src-main/export/anonymizedCopy';
import { goldenCommands, goldenFile, goldenProjects } from '../cli/goldenCases';
import { jsonDifferences } from '../support/closeJson';
import { runCliIn } from '../support/cliInProcess';
import { tempDir } from '../support/tempDirs';

type Rule = (typeof COLUMN_RULES)[string][string];

/** Every distinct value of the columns under the given rules, read straight from a project file. */
async function valuesUnder(file: string, rules: Rule[]): Promise<Set<string>> {
  const db = await ProjectDb.open(file, { readOnly: true });
  try {
    const out = new Set<string>();
    for (const [table, cols] of Object.entries(COLUMN_RULES)) {
      for (const [col, rule] of Object.entries(cols)) {
        if (!rules.includes(rule)) continue;
        const rows = await db.all<{ v: string }>(`SELECT DISTINCT "${col}" AS v FROM "${table}" WHERE "${col}" IS NOT NULL`);
        for (const r of rows) out.add(r.v);
      }
    }
    return out;
  } finally {
    await db.close();
  }
}

/** The original's identifying values: names, ids, phones, message texts (and groups, staff when asked). */
async function identifyingValues(file: string, extra: Rule[] = []): Promise<Set<string>> {
  const values = await valuesUnder(file, ['name', 'inviter', 'id', 'phone', ...extra]);
  const db = await ProjectDb.open(file, { readOnly: true });
  try {
    for (const r of await db.all<{ v: string }>(`SELECT DISTINCT content AS v FROM messages WHERE content IS NOT NULL`)) values.add(r.v);
  } finally {
    await db.close();
  }
  return values;
}

/** An analysis answer with every identifying string (as `isIdentifying` says) made one placeholder, rows sorted. */
function figuresOf(stdout: string, isIdentifying: (s: string) => boolean): string[] {
  const blank = (v: unknown): unknown => {
    if (typeof v === 'string') return isIdentifying(v) ? '‹id›' : v;
    if (Array.isArray(v)) return v.map(blank);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, blank(x)]));
    return v;
  };
  const rows = JSON.parse(stdout) as unknown[];
  return rows.map((r) => JSON.stringify(blank(r))).sort();
}

/** Bytes in a window of {@link windowsOf}: two Chinese characters, six Latin ones. */
const WINDOW = 6;
/** Bits of the bitmap of {@link windowsOf} (16 MB). */
const WINDOW_BITS = 27;

/** A hash of the WINDOW bytes of `bytes` from `at`, of WINDOW_BITS bits. */
function windowHash(bytes: Buffer, at: number): number {
  let h = 0x811c9dc5;
  for (let i = at; i < at + WINDOW; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> (32 - WINDOW_BITS);
}

/** Every window of WINDOW bytes of `bytes`, as a bit set at its hash. */
function windowsOf(bytes: Buffer): Uint8Array {
  const seen = new Uint8Array(1 << (WINDOW_BITS - 3));
  for (let i = 0; i + WINDOW <= bytes.length; i++) {
    const h = windowHash(bytes, i);
    seen[h >>> 3]! |= 1 << (h & 7);
  }
  return seen;
}

/**
 * False only when a window of `needle` is not among `seen` (its hash's bit is unset): then `needle`
 * is not in those bytes. A hash shared by two windows only lets a needle through to the search.
 */
function mayContain(seen: Uint8Array, needle: Buffer): boolean {
  for (let i = 0; i + WINDOW <= needle.length; i++) {
    const h = windowHash(needle, i);
    if ((seen[h >>> 3]! & (1 << (h & 7))) === 0) return false;
  }
  return true;
}

/**
 * The strings of `values` (three characters or more) the file's bytes contain, less those inside a
 * value the copy keeps as it is. A value with a run of WINDOW bytes the file lacks is not searched
 * for (the scan of a copy for some 2,800 absent values through its 10 MB took 30 s, load 14); the
 * rest are, so the list is the same.
 */
function leaks(bytes: Buffer, values: Set<string>, kept: string[]): string[] {
  const seen = windowsOf(bytes);
  return [...values].filter((v) => {
    const needle = Buffer.from(v, 'utf8');
    return [...v].length >= 3 && mayContain(seen, needle) && bytes.includes(needle) && !kept.some((k) => k.includes(v));
  });
}

describe('anonymised copy (脱敏副本)', () => {
  const { dir, cleanup } = tempDir('qunxi-anon-');
  let projects: Record<'demo' | 'generated', string>;
  beforeAll(async () => {
    projects = await goldenProjects(dir);
  }, 180_000);
  afterAll(cleanup);

  /**
   * The anonymised copy of a golden project under `name`, written by the first test that asks for it
   * (the tests that read a copy share it, and each one still runs alone).
   */
  const copies = new Map<string, Promise<string>>();
  function anonymizedCopyOf(which: 'demo' | 'generated', name: string, options?: AnonymizeOptions): Promise<string> {
    let copy = copies.get(name);
    if (!copy) {
      copy = (async () => {
        const file = path.join(dir, name);
        const project = await openProjectFile(projects[which], withDerivedTables);
        try {
          await writeAnonymizedCopy(project, file, options);
        } finally {
          await closeProjectFile(project);
        }
        return file;
      })();
      copies.set(name, copy);
    }
    return copy;
  }

  for (const which of ['demo', 'generated'] as const) {
    it(`${which}: every CLI analysis on the copy gives the original's figures, names and ids aside`, async () => {
      const original = projects[which];
      const copy = await anonymizedCopyOf(which, `${which}-anon.qunxi`);
      const originalIds = await valuesUnder(original, ['name', 'inviter', 'id', 'phone', 'key']);
      const copyIds = await valuesUnder(copy, ['name', 'inviter', 'id', 'phone', 'key']);
      // The copy's pseudonyms are not the original's values (staff names, kept, are in both).
      const staff = await valuesUnder(original, ['staff']);
      expect([...copyIds].filter((v) => originalIds.has(v) && !staff.has(v))).toEqual([]);
      // The original's answers are the golden files: cliGolden.test.ts holds the same build of the
      // original to them byte for byte, so only the copy is run here.
      for (const { name, args } of goldenCommands) {
        const b = await runCliIn(dir, ...args, '--project', copy, '--format', 'json');
        expect(b.code, b.stderr).toBe(0);
        const onCopy = figuresOf(b.stdout, (s) => copyIds.has(s) && !staff.has(s)).map((r) => JSON.parse(r) as unknown);
        const onOriginal = figuresOf(readFileSync(goldenFile(which, name), 'utf8'), (s) => originalIds.has(s) && !staff.has(s)).map((r) => JSON.parse(r) as unknown);
        expect(jsonDifferences(onCopy, onOriginal), args.join(' ')).toEqual([]);
      }
    }, 240_000);
  }

  it('the key behaviours count the same messages on the copy, whose messages hold no content but the tokens of their hits', async () => {
    const copy = await anonymizedCopyOf('generated', 'generated-anon.qunxi');
    const db = await ProjectDb.open(copy, { readOnly: true });
    try {
      const texts = await db.all<{ content: string }>(`SELECT DISTINCT content FROM messages WHERE content IS NOT NULL`);
      expect(texts.length).toBeGreaterThan(0);
      for (const { content } of texts) expect(content).toMatch(/^\{kb\d+\}( \{kb\d+\})*$/);
    } finally {
      await db.close();
    }
  });

  it('no original name, nickname, phone, id or message text is left in the copy file, groups and staff masked too', async () => {
    const original = projects.demo;
    const copy = await anonymizedCopyOf('demo', 'demo-masked.qunxi', { maskGroups: true, maskStaff: true });
    expect(existsSync(`${copy}.wal`)).toBe(false);
    const secrets = await identifyingValues(original, ['group', 'staff']);
    expect(secrets.size).toBeGreaterThan(50);
    const kept = [...(await valuesUnder(copy, ['keep']))];
    expect(leaks(readFileSync(copy), secrets, kept)).toEqual([]);
    // The scan can fail: the original itself holds them.
    expect(leaks(readFileSync(original), secrets, []).length).toBeGreaterThan(50);
  }, 120_000);

  it('metrics of the copy with groups masked equal the original, group names aside', async () => {
    const original = projects.demo;
    const copy = await anonymizedCopyOf('demo', 'demo-masked.qunxi', { maskGroups: true, maskStaff: true });
    const groupsA = await valuesUnder(original, ['group']);
    const groupsB = await valuesUnder(copy, ['group']);
    expect([...groupsB].every((g) => /^群\d{2,}$/.test(g))).toBe(true);
    expect(groupsB.size).toBe(groupsA.size);
    for (const args of [['metrics', '--period', 'week'], ['churn', '--survival', 'group'], ['activity']]) {
      const a = await runCliIn(dir, ...args, '--project', original, '--format', 'json');
      const b = await runCliIn(dir, ...args, '--project', copy, '--format', 'json');
      expect(figuresOf(b.stdout, (s) => groupsB.has(s)), args.join(' ')).toEqual(figuresOf(a.stdout, (s) => groupsA.has(s)));
    }
  }, 120_000);
});
