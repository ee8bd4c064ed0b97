import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliIn } from '../support/cliInProcess';
import { AS_OF, expectedAll, expectedScopeA, insertFeaturesFixture } from '../analysis/features/featuresFixture';
import { closeProject, tempProject, type TempProject } from '../support/projectFixture';
import { tempDir } from '../support/tempDirs';
import { csvLines } from '../support/csvText';


let tmp: ReturnType<typeof tempDir>;
let fixture: TempProject;
let project: string;

/** Runs the CLI in-process with every app folder inside the temp root. */
/** The command line in-process, its folders under the test's temp folder. */
const qunxi = (...argv: string[]) => runCliIn(tmp.dir, ...argv);

const lastLine = (s: string) => s.trimEnd().split('\n').at(-1) ?? '';
const byPid = <R extends { pid: string }>(rows: R[]) => [...rows].sort((a, b) => (a.pid < b.pid ? -1 : 1));

/** The columns in output order: the FeatureRow fields with the key behaviours after key_behaviours. */
const columns = [
  'pid', 'name', 'channel', 'staff', 'tags', 'groups', 'is_member', 'purchases', 'gmv', 'aov', 'first_purchase', 'last_purchase',
  'purchase_months_3m', 'days_since_last_purchase', 'repurchase_90d', 'referrals', 'referrals_bought', 'messages', 'key_behaviours',
  'kb_checkin', 'kb_kw', 'tenure_days', 'survey_score',
];

beforeAll(async () => {
  tmp = tempDir('qunxi-cli-features-');
  fixture = await tempProject('Asia/Shanghai');
  await insertFeaturesFixture(fixture.project);
  project = fixture.project.path;
  await closeProject(fixture);
});
afterAll(async () => {
  await fixture?.dispose();
  tmp?.cleanup();
});

describe('qunxi features', () => {
  it('prints one JSON object per person with every feature at --as-of', async () => {
    const r = await qunxi('features', '--project', project, '--as-of', AS_OF);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as { pid: string }[];
    expect(byPid(rows)).toEqual(expectedAll);
    expect(Object.keys(rows[0]!)).toEqual(columns);
    expect(lastLine(r.stderr)).toBe('2024-03-31 的客户特征：14 人');
  });

  it('limits to --group and writes CSV with empty cells for empty features', async () => {
    const r = await qunxi('features', '--project', project, '--as-of', AS_OF, '--group', 'A', '--format', 'csv');
    expect(r.code, r.stderr).toBe(0);
    const lines = csvLines(r.stdout);
    expect(lines[0]).toBe(columns.join(','));
    expect(lines).toHaveLength(expectedScopeA.length + 1);
    // cat: no purchases (AOV, dates and recency empty), member since 02-05.
    expect(lines.find((l) => l.startsWith('cat,'))).toBe('cat,小猫,,,,A,true,0,0,,,,0,,false,0,0,0,0,0,0,55,');
  });

  it('defaults to the last day with data', async () => {
    const r = await qunxi('features', '--project', project);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as unknown[]).length).toBe(15);
    expect(lastLine(r.stderr)).toBe('2024-04-06 的客户特征：15 人');
  });

  it('refuses a bad --as-of and --from', async () => {
    const bad = await qunxi('features', '--project', project, '--as-of', '2024-02-30');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--as-of');
    const range = await qunxi('features', '--project', project, '--from', '2024-01-01');
    expect(range.code).not.toBe(0);
  });
});
