import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeProject, tempProject, type TempProject } from '../support/projectFixture';
import { csvLines } from '../support/csvText';
import { runCliIn } from '../support/cliInProcess';
import { insertLookalikeFixture, type LookalikePersonIn } from '../analysis/decision/lookalikeFixture';

/** The lookalike command on the 300-member fixture (test/analysis/decision/lookalikeFixture.ts). */
let t: TempProject;
let file: string;
let people: LookalikePersonIn[];

beforeAll(async () => {
  t = await tempProject();
  file = path.join(t.dir, 'p.qunxi');
  people = await insertLookalikeFixture(t.project);
  await closeProject(t);
}, 60_000);
afterAll(async () => t?.dispose());

const qunxi = (...argv: string[]) => runCliIn(t.dir, ...argv);

describe('lookalike command', () => {
  it('prints the top N non-converted members best first as JSON, the split and AUC on stderr', async () => {
    const r = await qunxi('lookalike', '--project', file, '--features', 'messages,tenure_days', '--seed', '3', '--top', '5');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { rank: number; pid: string; probability: number; percentile: number }[];
    expect(rows.map((x) => x.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(Object.keys(rows[0]!)).toEqual(['rank', 'pid', 'name', 'channel', 'staff', 'groups', 'probability', 'percentile']);
    expect(rows[0]!.percentile).toBe(100);
    const buyers = new Set(people.filter((p) => p.isBuyer).map((p) => p.id));
    expect(rows.every((x) => !buyers.has(x.pid) && x.probability > 0 && x.probability < 100)).toBe(true);
    expect(r.stderr).toContain('成员 300 人');
    expect(r.stderr).toContain('种子 3');
    expect(r.stderr).toMatch(/AUC 0\.\d+/);
  });

  it('the same seed prints the same list; --table coefficients gives odds ratios per sd as CSV', async () => {
    const a = await qunxi('lookalike', '--project', file, '--seed', '8', '--top', '10', '--features', 'messages');
    const b = await qunxi('lookalike', '--project', file, '--seed', '8', '--top', '10', '--features', 'messages');
    expect(a.stdout).toBe(b.stdout);
    const csv = await qunxi('lookalike', '--project', file, '--seed', '8', '--features', 'messages', '--table', 'coefficients', '--format', 'csv');
    expect(csv.code).toBe(0);
    const lines = csvLines(csv.stdout);
    expect(lines[0]).toBe('feature,label,mean,sd,coefficient,se,odds_ratio,low,high,p');
    expect(lines[1]!.startsWith('messages,发言数,')).toBe(true);
    const [, , , , coefficient, , oddsRatio] = lines[1]!.split(',').map(Number);
    expect(oddsRatio).toBeCloseTo(Math.exp(coefficient!), 10);
  });

  it('--save-tag saves the listed members as a tag an A/B tag arm then counts', async () => {
    const r = await qunxi('lookalike', '--project', file, '--seed', '4', '--top', '12', '--save-tag', 'CLI高潜');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('已保存标签“CLI高潜”（12 人）');
    const ab = await qunxi('abtest', '--project', file, '--a', 'tag:CLI高潜', '--b', 'group:一群', '--metric', 'conversion');
    expect(ab.code).toBe(0);
    expect(JSON.parse(ab.stdout)[0]).toMatchObject({ n_a: 12, successes_a: 0, n_b: 300 });
  });

  it('bad usage exits 2 with the reason; a feature the project lacks is refused by the API', async () => {
    const seed = await qunxi('lookalike', '--project', file, '--seed', '-1');
    expect(seed.code).toBe(2);
    expect(seed.stderr).toContain('--seed');
    const table = await qunxi('lookalike', '--project', file, '--table', 'nope');
    expect(table.code).toBe(2);
    const feature = await qunxi('lookalike', '--project', file, '--features', 'kb_nothing');
    expect(feature.code).not.toBe(0);
    expect(feature.stderr).toContain('kb_nothing');
  });
});
