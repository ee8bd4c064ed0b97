/**
 * The CLI answers kept as golden files: every analysis command, as JSON, on the demo project and
 * on a small generated project. Written once from the code before a move (`QUNXI_UPDATE_GOLDEN=1`)
 * and compared byte for byte afterwards, so moving code cannot change a figure unnoticed.
 */
import { copyFileSync, readdirSync } from 'node:fs';
import { inject } from 'vitest';
import path from 'node:path';
import { generateProject } from '../../bench/generateProject';
import { runCliIn } from '../support/cliInProcess';

export const goldenDir = path.resolve(__dirname, '../fixtures/golden');
const demoDir = path.resolve(__dirname, '../../resources/demo');

/** Each golden case: its file name and the CLI arguments after `--project P`. */
export const goldenCommands: Array<{ name: string; args: string[] }> = [
  { name: 'metrics-day', args: ['metrics', '--period', 'day'] },
  { name: 'metrics-week', args: ['metrics', '--period', 'week'] },
  { name: 'metrics-month', args: ['metrics', '--period', 'month'] },
  { name: 'funnel-period', args: ['funnel', '--mode', 'period'] },
  { name: 'funnel-cohort', args: ['funnel', '--mode', 'cohort'] },
  { name: 'funnel-channel', args: ['funnel', '--mode', 'cohort', '--breakdown', 'channel'] },
  { name: 'funnel-staff', args: ['funnel', '--mode', 'cohort', '--breakdown', 'staff'] },
  { name: 'funnel-tag', args: ['funnel', '--mode', 'cohort', '--breakdown', 'tag'] },
  { name: 'churn-week', args: ['churn', '--period', 'week'] },
  { name: 'churn-list', args: ['churn', '--list'] },
  { name: 'churn-survival-channel', args: ['churn', '--survival', 'channel'] },
  { name: 'churn-survival-group', args: ['churn', '--survival', 'group'] },
  { name: 'retention', args: ['retention'] },
  { name: 'channels-add_way', args: ['channels', '--dimension', 'add_way'] },
  { name: 'channels-channel_code', args: ['channels', '--dimension', 'channel_code'] },
  { name: 'channels-source', args: ['channels', '--dimension', 'source'] },
  { name: 'activity', args: ['activity'] },
  { name: 'features', args: ['features'] },
  { name: 'behaviours-week', args: ['behaviours', '--period', 'week'] },
  { name: 'behaviours-lift', args: ['behaviours', '--lift'] },
  { name: 'quadrant', args: ['quadrant'] },
  // 决策 (issues 13 and 14): every answer is a function of the data alone (no clock, a seeded split).
  { name: 'growth', args: ['growth'] },
  { name: 'growth-shifts', args: ['growth', '--table', 'shifts'] },
  { name: 'community-effect', args: ['community-effect'] },
  { name: 'contribution', args: ['contribution'] },
  { name: 'roi', args: ['roi'] },
  { name: 'ltv', args: ['ltv'] },
  { name: 'lookalike-coefficients', args: ['lookalike', '--table', 'coefficients'] },
  { name: 'lookalike-list', args: ['lookalike', '--top', '50'] },
];

/** Sizes of the generated golden project: small enough for the test suite, every table filled. */
export const GOLDEN_SIZES = { people: 1_500, messages: 20_000, orders: 600, groups: 5 };

/** The two golden projects: the demo (through the real importer) and a generated one. */
export type GoldenProjects = Record<'demo' | 'generated', string>;

declare module 'vitest' {
  export interface ProvidedContext {
    /** The golden projects built once for the run (goldenSetup.ts). */
    goldenProjects?: GoldenProjects;
  }
}

/** Builds the two golden projects in `dir`, side by side: the demo import and the generator. */
export async function buildGoldenProjects(dir: string): Promise<GoldenProjects> {
  const demo = path.join(dir, 'demo.qunxi');
  const files = readdirSync(demoDir).filter((f) => f.endsWith('.xlsx')).sort().map((f) => path.join(demoDir, f));
  const generated = path.join(dir, 'generated.qunxi');
  const [imported] = await Promise.all([runCliIn(dir, 'import', '--project', demo, ...files), generateProject(generated, GOLDEN_SIZES)]);
  if (imported.code !== 0) throw new Error(`demo import failed: ${imported.stderr}`);
  return { demo, generated };
}

/**
 * Copies of the golden projects in `dir`, for one test file's own use: of the ones built once for
 * the run (goldenSetup.ts), or built here when the file runs outside the `golden` project.
 */
export async function goldenProjects(dir: string): Promise<GoldenProjects> {
  const built = inject('goldenProjects');
  if (!built) return buildGoldenProjects(dir);
  const copies = { demo: path.join(dir, 'demo.qunxi'), generated: path.join(dir, 'generated.qunxi') };
  for (const which of ['demo', 'generated'] as const) copyFileSync(built[which], copies[which]);
  return copies;
}

/** The golden file of one case. */
export function goldenFile(project: string, name: string): string {
  return path.join(goldenDir, `${project}.${name}.json`);
}
