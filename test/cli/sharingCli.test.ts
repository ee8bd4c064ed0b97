import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProject } from '../../bench/generateProject';
import { parseCliArgs } from '../../src-main/cli/args';
import { runCliIn } from '../support/cliInProcess';
import { tempDir } from '../support/tempDirs';

describe('anonymize, merge and export-parquet on the command line', () => {
  const { dir, cleanup } = tempDir('qunxi-share-cli-');
  const project = path.join(dir, 'p.qunxi');
  beforeAll(async () => {
    await generateProject(project, { people: 200, messages: 2_000, orders: 80, groups: 3 });
  }, 60_000);
  afterAll(cleanup);

  it('parses their options and refuses what they do not take', () => {
    expect(parseCliArgs(['anonymize', '--project', 'p.qunxi', '--out', 'q.qunxi', '--mask-groups'])).toEqual({
      command: 'anonymize', project: 'p.qunxi', out: 'q.qunxi', maskGroups: true, maskStaff: false,
    });
    expect(parseCliArgs(['merge', '--project', 'p.qunxi', 'other.qunxi'])).toEqual({ command: 'merge', project: 'p.qunxi', other: 'other.qunxi' });
    expect(parseCliArgs(['export-parquet', '--project', 'p.qunxi', '--out', 'dir'])).toEqual({ command: 'export-parquet', project: 'p.qunxi', out: 'dir' });
    expect(() => parseCliArgs(['anonymize', '--project', 'p.qunxi'])).toThrow(/--out/);
    expect(() => parseCliArgs(['merge', '--project', 'p.qunxi'])).toThrow(/merge/);
    expect(() => parseCliArgs(['export-parquet', '--project', 'p.qunxi', '--out', 'd', '--mask-staff'])).toThrow(/--mask-staff/);
    // The other commands do not learn these options.
    expect(() => parseCliArgs(['metrics', '--project', 'p.qunxi', '--period', 'day', '--mask-groups'])).toThrow();
  });

  it('writes an anonymised copy whose metrics equal the original, merges it into another project, and exports Parquet', async () => {
    const copy = path.join(dir, 'copy.qunxi');
    const anon = await runCliIn(dir, 'anonymize', '--project', project, '--out', copy, '--mask-groups');
    expect(anon.code, anon.stderr).toBe(0);
    expect(anon.stdout).toBe('');
    expect(anon.stderr).toMatch(/已写入脱敏副本/);
    const a = await runCliIn(dir, 'metrics', '--project', project, '--period', 'month', '--format', 'json');
    const b = await runCliIn(dir, 'metrics', '--project', copy, '--period', 'month', '--format', 'json');
    expect(b.stdout).toBe(a.stdout);

    const target = path.join(dir, 'target.qunxi');
    const merged = await runCliIn(dir, 'merge', '--project', target, project);
    // The target does not exist: merge opens projects, it does not create them.
    expect(merged.code).toBe(1);
    await generateProject(target, { people: 20, messages: 100, orders: 5, groups: 2 });
    const ok = await runCliIn(dir, 'merge', '--project', target, copy);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toMatch(/已合并/);

    const out = path.join(dir, 'parquet');
    const pq = await runCliIn(dir, 'export-parquet', '--project', project, '--out', out);
    expect(pq.code, pq.stderr).toBe(0);
    const tables = JSON.parse(pq.stdout) as { table: string; rows: number }[];
    expect(tables.find((t) => t.table === 'messages')?.rows).toBe(2_000);
    expect(readdirSync(out)).toContain('messages.parquet');
    expect(existsSync(path.join(out, 'meta.parquet'))).toBe(true);
  }, 120_000);
});
